package newsession

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/profiles/putty"
)

func TestProfilePanelSaveRenameDelete(t *testing.T) {
	h := newTestHost(t)
	f := newConnectForm(settings.Session{})
	msg := widget.NewLabel("")
	opened := 0
	p := newProfilePanel(h, f, msg, func() { opened++ })
	test.Type(f.host, "mail.example.com")
	f.port.SetText("25")
	// Save as: the name dialog is a Fyne form; drive it through askName's callback.
	st := f.settings()
	if _, err := h.store.Update(func(file *profiles.File) error {
		file.Put(settings.ToProfile("Mail", st, profiles.Profile{}))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	p.reload()
	idx := -1
	for i, e := range p.shown {
		if e.profile.Name == "Mail" {
			idx = i
		}
	}
	if idx < 0 || p.shown[0].label() != defaultSettingsName {
		t.Fatalf("list: %v", labels(p))
	}
	p.list.Select(idx)
	if f.host.Text != "mail.example.com" || f.port.Text != "25" {
		t.Fatal("selecting a profile did not load it")
	}
	f.port.SetText("2525")
	p.save()
	file, _ := h.store.Load()
	if got, _ := file.Find("Mail"); got.Port != "2525" {
		t.Fatalf("save did not store the change: %+v", got)
	}
	p.filter.SetText("smtp")
	for _, l := range labels(p) {
		if !strings.Contains(strings.ToLower(l), "smtp") {
			t.Fatalf("filter shows %q", l)
		}
	}
	p.filter.SetText("")
	p.list.Select(idx)
	p.duplicate()
	file, _ = h.store.Load()
	if _, ok := file.Find("Mail copy"); !ok {
		t.Fatalf("duplicate missing: %v", file.Names())
	}
	// Importing PuTTY sessions from a .reg export.
	reg, _ := os.Open("../../profiles/putty/testdata/putty/sessions.reg")
	res, err := putty.ImportReg(reg)
	reg.Close()
	if err != nil {
		t.Fatal(err)
	}
	p.addImported(res)
	if !strings.Contains(msg.Text, "Imported 1 session. Skipped web server") {
		t.Fatalf("import message %q", msg.Text)
	}
	file, _ = h.store.Load()
	if _, ok := file.Find("Switch core"); !ok {
		t.Fatalf("import missing: %v", file.Names())
	}
}

func labels(p *profilePanel) []string {
	var out []string
	for _, e := range p.shown {
		out = append(out, e.label())
	}
	return out
}

// TestTemplateDescriptionIsNotCopiedIntoNotes: a session saved from a
// template starts with empty Notes; the template's description is only
// shown under the list (issue 26).
func TestTemplateDescriptionIsNotCopiedIntoNotes(t *testing.T) {
	h := newTestHost(t)
	c, _ := newSessionDialog(t, h)
	var template profiles.Profile
	for _, b := range profiles.Builtins() {
		if b.Notes != "" {
			template = b
			break
		}
	}
	test.Tap(rowLabelled(t, h, template.Name+"  (template)"))
	if c.form.notes.Text != "" || c.problem.Text != template.Notes {
		t.Fatalf("Notes %q, message %q: want empty Notes and the description below", c.form.notes.Text, c.problem.Text)
	}
	c.form.host.SetText("mail.example.com")
	test.Tap(widgetstest.Button(t, h.win, "Save"))
	test.Type(h.win.Canvas().Focused(), "My mail")
	widgetstest.PressKey(h.win, fyne.KeyReturn)
	f, _ := h.store.Load()
	saved, ok := f.Find("My mail")
	if !ok || saved.Notes != "" || saved.Host != "mail.example.com" {
		t.Fatalf("saved %v: %+v", ok, saved)
	}
}
