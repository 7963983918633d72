package gui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
)

func TestProfilePanelSaveRenameDelete(t *testing.T) {
	w := newTestWindow(t)
	f := newConnectForm(settings.Session{})
	msg := widget.NewLabel("")
	opened := 0
	p := newProfilePanel(w, f, msg, func() { opened++ })
	test.Type(f.host, "mail.example.com")
	f.port.SetText("25")
	// Save as: the name dialog is a Fyne form; drive it through askName's callback.
	st := f.settings()
	if _, err := w.store.Update(func(file *profiles.File) error {
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
	file, _ := w.store.Load()
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
	file, _ = w.store.Load()
	if _, ok := file.Find("Mail copy"); !ok {
		t.Fatalf("duplicate missing: %v", file.Names())
	}
	// Importing PuTTY sessions from a .reg export.
	reg, _ := os.Open("../profiles/testdata/putty/sessions.reg")
	res, err := profiles.ImportPuTTYReg(reg)
	reg.Close()
	if err != nil {
		t.Fatal(err)
	}
	p.addImported(res)
	if !strings.Contains(msg.Text, "Imported 1 session. Skipped web server") {
		t.Fatalf("import message %q", msg.Text)
	}
	file, _ = w.store.Load()
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

func TestBrokenProfilesFileIsReportedAtStart(t *testing.T) {
	a := test.NewTempApp(t)
	path := t.TempDir() + "/profiles.json"
	os.WriteFile(path, []byte("{\"version\":1,\n\"profiles\":[{\"name\":1}]}"), 0o600)
	w := NewMainWindow(a, &profiles.Store{Path: path})
	defer w.ticker.Stop()
	_, err := w.loadProfiles()
	if err == nil || !strings.Contains(err.Error(), "line 2") || !w.reportedStoreProblem {
		t.Fatalf("got %v", err)
	}
}

// TestPortCheckTemplateReportsAndCloses: the Port check template says
// "Connected to …", then its verdict, then closes (issue 26: the verdict
// came first).
func TestPortCheckTemplateReportsAndCloses(t *testing.T) {
	srv := newLoopServer(t, "")
	w := newTestWindow(t)
	var check profiles.Profile
	for _, b := range profiles.Builtins() {
		if b.PortCheck {
			check = b
		}
	}
	st := settings.FromProfile(check)
	st.Engine.Host, st.Engine.Port = "127.0.0.1", srv.Port()
	tab := w.OpenSession(st)
	w.win.Resize(fyne.NewSize(901, 601))
	waitUntil(t, "report and close", func() bool {
		h := tab.Screen().History()
		return strings.Contains(h, "is open: 127.0.0.1:"+srv.Port()+" accepted the connection") && strings.Contains(h, "Connection closed.")
	})
	// In the order they happened: connected, the verdict, closed.
	h := tab.Screen().History()
	connected, verdict, closed := strings.Index(h, "Connected to"), strings.Index(h, "is open:"), strings.Index(h, "Connection closed.")
	if connected < 0 || connected > verdict || verdict > closed {
		t.Fatalf("lines out of order:\n%s", h)
	}
}
