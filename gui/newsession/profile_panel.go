package newsession

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/filedialog"
	"github.com/tern-telnet/tern/gui/newsession/sessionlist"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/profiles/putty"
)

// defaultSettingsName is PuTTY's name for the settings new sessions start from.
const defaultSettingsName = "Default Settings"

// profileEntry is one line of the list: Default Settings, a saved profile
// or a built-in template.
type profileEntry struct {
	profile  profiles.Profile
	builtin  bool
	defaults bool
}

func (e profileEntry) label() string {
	switch {
	case e.defaults:
		return defaultSettingsName
	case e.builtin:
		return e.profile.Name + "  (template)"
	}
	return e.profile.Name
}

// profilePanel is the left side of the New session dialog: PuTTY's saved
// sessions list with Load (select), Save, Save as, Rename, Duplicate,
// Delete, Import and Export.
type profilePanel struct {
	host     Host
	form     *connectForm
	message  *widget.Label
	open     func()
	filter   *widgets.EscEntry
	list     *sessionlist.List
	all      []profileEntry
	shown    []profileEntry
	content  fyne.CanvasObject
	importer *widgets.Button // its menu opens under it
}

func newProfilePanel(host Host, form *connectForm, message *widget.Label, open func()) *profilePanel {
	p := &profilePanel{host: host, form: form, message: message, open: open}
	p.filter = widgets.NewEscEntry(false, form.escapePressed)
	p.filter.SetPlaceHolder("Filter saved sessions")
	p.filter.OnChanged = func(string) { p.applyFilter() }
	p.filter.OnSubmitted = func(string) { p.openFirst() }
	p.filter.OnDown = p.enterList
	p.list = sessionlist.New(func() int { return len(p.shown) }, func(id int) string { return p.shown[id].label() }, p.load, open)
	p.list.OnEscape = form.escapePressed
	p.showFolders() // profile_folders.go
	p.importer = widgets.NewButton("Import…", p.importMenu)
	buttons := container.NewGridWithColumns(3,
		widgets.NewButton("Save", p.save),
		widgets.NewButton("Save as…", p.saveAs),
		widgets.NewButton("Rename…", p.rename),
		widgets.NewButton("Duplicate", p.duplicate),
		widgets.NewButtonWithIcon("Delete", theme.DeleteIcon(), p.delete),
		p.importer,
		widgets.NewButton("Export…", p.export),
	)
	// In the Tab order: the buttons, the filter, then the list, which is
	// just before the form's Host: Shift+Tab from Host lands on the list,
	// not on Export….
	p.content = container.New(layout.NewBorderLayout(p.filter, buttons, nil, nil), buttons, p.filter, p.list)
	p.reload()
	return p
}

// reload reads the store and shows Default Settings, saved profiles and
// templates, in that order.
func (p *profilePanel) reload() {
	f := p.host.Profiles()
	p.all = []profileEntry{{profile: f.Default, defaults: true}}
	for _, pr := range f.Profiles {
		p.all = append(p.all, profileEntry{profile: pr})
	}
	for _, b := range profiles.Builtins() {
		p.all = append(p.all, profileEntry{profile: b, builtin: true})
	}
	p.applyFilter()
}

// applyFilter shows the entries matching the filter; the selected one
// stays selected while it is shown.
func (p *profilePanel) applyFilter() {
	kept, _ := p.current()
	q := strings.ToLower(strings.TrimSpace(p.filter.Text))
	p.shown = p.shown[:0]
	for _, e := range p.all {
		text := strings.ToLower(e.label() + " " + e.profile.Host + " " + e.profile.Notes + " " + e.profile.Folder)
		if q == "" || strings.Contains(text, q) {
			p.shown = append(p.shown, e)
		}
	}
	p.list.Refresh()
	p.keepSelected(kept.label())
}

// keepSelected marks the entry labelled label as selected, without
// loading it again; no such entry clears the selection.
func (p *profilePanel) keepSelected(label string) {
	at := -1
	for i, e := range p.shown {
		if label != "" && e.label() == label {
			at = i
		}
	}
	p.list.Keep(at)
}

// openFirst is Enter in the filter: with a filter it loads and opens the
// first match, without one it opens what the form holds.
func (p *profilePanel) openFirst() {
	if strings.TrimSpace(p.filter.Text) != "" {
		if len(p.shown) == 0 {
			p.message.SetText("No saved session or template matches the filter.")
			return
		}
		p.list.Choose(0)
	}
	p.open()
}

// enterList is Down in the filter: the list takes the focus, with the
// first match selected if nothing was.
func (p *profilePanel) enterList() {
	if p.list.Current() >= 0 {
		p.list.Choose(p.list.Current())
		return
	}
	p.list.Choose(0)
}

// load fills the form from the chosen entry.
func (p *profilePanel) load(id int) {
	if id < 0 || id >= len(p.shown) {
		return
	}
	e := p.shown[id]
	st := settings.FromProfile(e.profile)
	switch {
	case e.defaults:
		st.Name = ""
	case e.builtin:
		st.Name = "" // a template is copied, never changed
		// Its description is shown below, not copied into the Notes of
		// the sessions saved from it.
		st.Profile.Notes = ""
	}
	p.form.fill(st)
	p.form.base = e.profile
	p.message.SetText(e.profile.Notes)
}

func (p *profilePanel) current() (profileEntry, bool) {
	at := p.list.Current()
	if at < 0 || at >= len(p.shown) {
		return profileEntry{}, false
	}
	return p.shown[at], true
}

// save writes the form into the selected profile (or Default Settings);
// for a template or nothing selected it asks for a name.
func (p *profilePanel) save() {
	e, ok := p.current()
	if !ok || e.builtin {
		p.saveAs()
		return
	}
	if err := p.form.validateForSave(); err != nil {
		p.message.SetText("Cannot save: " + err.Error())
		return
	}
	st := p.form.settings()
	if e.defaults {
		st.Engine.Proxy.Password = "" // Default Settings keep no password
	}
	if p.update(func(f *profiles.File) error {
		if e.defaults {
			f.Default = settings.ToProfile("", st, f.Default)
			return nil
		}
		f.Put(settings.ToProfile(e.profile.Name, st, e.profile))
		return nil
	}, "Saved "+e.label()+".") && !e.defaults {
		p.keepProxyPassword(e.profile.Name, st)
	}
}

// keepProxyPassword puts a proxy password typed in the form into the
// keychain for the saved session name (never into the profiles file).
func (p *profilePanel) keepProxyPassword(name string, st settings.Session) {
	pw := settings.ProxyPasswordToKeep(st)
	if pw == "" {
		return
	}
	if err := (profiles.Secrets{Proxy: true}).Set(name, pw); err != nil {
		p.message.SetText("Saved " + name + ", but the proxy password could not be kept in the keychain: " + err.Error())
	}
}

func (p *profilePanel) saveAs() {
	if err := p.form.validateForSave(); err != nil {
		p.message.SetText("Cannot save: " + err.Error())
		return
	}
	p.askName("Save session as", suggestName(p.form), func(name string) {
		st := p.form.settings()
		if p.update(func(f *profiles.File) error {
			f.Put(settings.ToProfile(name, st, p.form.base))
			return nil
		}, "Saved "+name+".") {
			p.keepProxyPassword(name, st)
			p.form.name = name
			p.keepSelected(name)
		}
	})
}

func suggestName(f *connectForm) string {
	if f.name != "" {
		return f.name
	}
	if h := strings.TrimSpace(f.host.Text); h != "" {
		return h + ":" + strings.TrimSpace(f.port.Text)
	}
	return ""
}

func (p *profilePanel) rename() {
	e, ok := p.current()
	if !ok || e.builtin || e.defaults {
		p.message.SetText("Choose one of your saved sessions to rename.")
		return
	}
	p.askName("Rename "+e.profile.Name, e.profile.Name, func(name string) {
		renamed := p.update(func(f *profiles.File) error {
			if _, exists := f.Find(name); exists && !strings.EqualFold(name, e.profile.Name) {
				return fmt.Errorf("there is already a saved session called %q", name)
			}
			pr, found := f.Find(e.profile.Name)
			if !found {
				return fmt.Errorf("%q is no longer saved (another Tern window may have deleted it)", e.profile.Name)
			}
			f.Delete(e.profile.Name)
			pr.Name = name
			f.Put(pr)
			return nil
		}, "Renamed to "+name+".")
		if renamed {
			if err := moveSecret(e.profile, name); err != nil {
				p.message.SetText("Renamed to " + name + ", but its password could not be moved in the keychain: " + err.Error())
			}
			if p.form.name == e.profile.Name {
				p.form.name = name
			}
			p.keepSelected(name)
		}
	})
}

// moveSecret carries a renamed profile's keychain password to its new
// name (only a profile that keeps one asks the keychain).
func moveSecret(pr profiles.Profile, name string) error {
	if pr.Proxy.RememberPassword {
		if err := (profiles.Secrets{Proxy: true}).Move(pr.Name, name); err != nil {
			return err
		}
	}
	if pr.RememberEnable {
		if err := (profiles.Secrets{Enable: true}).Move(pr.Name, name); err != nil {
			return err
		}
	}
	if !pr.RememberPassword {
		return nil
	}
	return profiles.Secrets{}.Move(pr.Name, name)
}

func (p *profilePanel) duplicate() {
	e, ok := p.current()
	if !ok || e.defaults {
		p.message.SetText("Choose a session or template to duplicate.")
		return
	}
	p.update(func(f *profiles.File) error {
		name := e.profile.Name + " copy"
		for i := 2; ; i++ {
			if _, exists := f.Find(name); !exists && !profiles.IsBuiltin(name) {
				break
			}
			name = fmt.Sprintf("%s copy %d", e.profile.Name, i)
		}
		c := e.profile.Clone()
		c.Name = name
		f.Put(c)
		return nil
	}, "Duplicated "+e.profile.Name+".")
}

func (p *profilePanel) delete() {
	e, ok := p.current()
	if !ok || e.builtin || e.defaults {
		p.message.SetText("Choose one of your saved sessions to delete; templates and Default Settings stay.")
		return
	}
	p.host.Dialogs().RiskyConfirm("Delete session?", fmt.Sprintf("Delete the saved session %q? This cannot be undone.", e.profile.Name), "Delete",
		func(ok bool) { // Enter and Escape keep it
			if !ok {
				return
			}
			p.update(func(f *profiles.File) error {
				f.Delete(e.profile.Name)
				return nil
			}, "Deleted "+e.profile.Name+".")
			_ = (profiles.Secrets{}).Delete(e.profile.Name)
			_ = (profiles.Secrets{Proxy: true}).Delete(e.profile.Name)
		})
}

// update changes the store, then shows the result; it reports whether
// the change was made.
func (p *profilePanel) update(change func(f *profiles.File) error, done string) bool {
	if _, err := p.host.Store().Update(change); err != nil {
		p.message.SetText(err.Error())
		return false
	}
	p.reload()
	p.message.SetText(done)
	return true
}

func (p *profilePanel) askName(title, initial string, then func(string)) {
	name := widgets.NewEscEntry(false, nil)
	name.SetText(initial)
	name.Validator = func(s string) error {
		switch {
		case strings.TrimSpace(s) == "":
			return errText("enter a name")
		case profiles.IsBuiltin(s):
			return errText("that is the name of a template")
		case strings.EqualFold(strings.TrimSpace(s), defaultSettingsName):
			return errText("that name is reserved")
		}
		return nil
	}
	p.host.Dialogs().Form(title, "Save", []*widget.FormItem{widget.NewFormItem("Name", name)},
		func(ok bool) {
			if ok {
				then(strings.TrimSpace(name.Text))
			}
		}, fyne.NewSize(440, 180))
}

func (p *profilePanel) importMenu() {
	items := []*fyne.MenuItem{
		fyne.NewMenuItem("PuTTY sessions on this computer", p.importPuTTY),
		fyne.NewMenuItem("KiTTY sessions on this computer", p.importKiTTY),
		fyne.NewMenuItem("KiTTY portable Sessions folder…", p.importKiTTYFolder),
		fyne.NewMenuItem("PuTTY or KiTTY registry export (.reg file)…", p.importReg),
		fyne.NewMenuItem("Tern profiles file…", p.importTern),
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p.importer)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), p.host.Window().Canvas(), pos.AddXY(0, p.importer.Size().Height))
}

func (p *profilePanel) importPuTTY() {
	res, err := putty.ImportRegistry()
	if err != nil {
		res, err = putty.ImportDir(putty.SessionsDir())
	}
	if err != nil {
		p.message.SetText("No PuTTY sessions found here (" + err.Error() + ").")
		return
	}
	p.addImported(res)
}

func (p *profilePanel) importKiTTY() {
	res, err := putty.ImportKiTTYRegistry()
	if err != nil {
		p.message.SetText("No KiTTY sessions found here (" + err.Error() + ").")
		return
	}
	p.addImported(res)
}

func (p *profilePanel) importKiTTYFolder() {
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		res, err := putty.ImportKiTTYDir(dir.Path())
		if err != nil {
			p.message.SetText(err.Error())
			return
		}
		p.addImported(res)
	}, p.host.Window())
}

func (p *profilePanel) importReg() {
	filedialog.Open(p.host.Window(), nil, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		res, err := putty.ImportReg(r)
		if err != nil {
			p.message.SetText(err.Error())
			return
		}
		p.addImported(res)
	})
}

func (p *profilePanel) importTern() {
	filedialog.Open(p.host.Window(), nil, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		defer r.Close()
		tmp, err := os.CreateTemp("", "tern-import-*.json")
		if err != nil {
			p.message.SetText(err.Error())
			return
		}
		defer os.Remove(tmp.Name())
		io.Copy(tmp, r)
		tmp.Close()
		f, err := (&profiles.Store{Path: tmp.Name()}).Load()
		if err != nil {
			p.message.SetText("That file cannot be imported: " + strings.ReplaceAll(err.Error(), tmp.Name(), r.URI().Name()))
			return
		}
		p.addImported(putty.ImportResult{Imported: f.Profiles})
	})
}

// addImported saves imported profiles, renaming on a clash, and reports.
func (p *profilePanel) addImported(res putty.ImportResult) {
	var added []string
	p.update(func(f *profiles.File) error {
		added = added[:0]
		for _, pr := range res.Imported {
			name := pr.Name
			for i := 2; ; i++ {
				if _, exists := f.Find(name); !exists && !profiles.IsBuiltin(name) && !strings.EqualFold(name, defaultSettingsName) {
					break
				}
				name = fmt.Sprintf("%s (%d)", pr.Name, i)
			}
			pr.Name = name
			f.Put(pr)
			added = append(added, name)
		}
		return nil
	}, "")
	msg := "Imported " + sessionsText(len(added)) + "."
	if len(res.Skipped) > 0 {
		var skipped []string
		for _, s := range res.Skipped {
			skipped = append(skipped, s.Name+": "+s.Reason)
		}
		sort.Strings(skipped)
		msg += " Skipped " + strings.Join(skipped, "; ") + "."
	}
	if details := importDetails(res); details != "" {
		msg += " " + sessionsText(len(res.NotImported)) + " had settings Tern does not have (listed in the import summary)."
		showImportDetails(p.host.Dialogs(), details)
	}
	p.message.SetText(msg)
}

func (p *profilePanel) export() {
	f := p.host.Profiles()
	filedialog.Save(p.host.Window(), nil, "tern-profiles.json", func(wc fyne.URIWriteCloser, err error) {
		if err != nil || wc == nil {
			return
		}
		defer wc.Close()
		out := &profiles.File{Version: profiles.FormatVersion, Default: f.Default, Profiles: f.Profiles}
		data, err := marshalIndent(out)
		if err == nil {
			_, err = wc.Write(data)
		}
		if err != nil {
			p.message.SetText("Export failed: " + err.Error())
			return
		}
		p.message.SetText("Exported " + sessionsText(len(f.Profiles)) + " to " + wc.URI().Name() + ".")
	})
}

func marshalIndent(f *profiles.File) ([]byte, error) {
	b, err := json.MarshalIndent(f, "", "  ")
	return append(b, '\n'), err
}

// sessionsText is "1 session", "2 sessions".
func sessionsText(n int) string {
	if n == 1 {
		return "1 session"
	}
	return fmt.Sprintf("%d sessions", n)
}
