package quick

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/highlight"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/profiles"
)

// Editor is the dialog that edits the current tab's quick commands
// and its own highlighting rules, one a line; a saved session keeps them
// in its profile, an unsaved one for the tab's life.
type Editor struct {
	Commands, Rules *widget.Entry
	// ForFolder keeps the commands for every session of the saved
	// session's folder that has none of its own (nil without a folder).
	ForFolder *widget.Check
	// Folder is the saved session's folder ("" without one).
	Folder string
}

// NewEditor edits st's commands, or its folder's (folderCmds) when
// it has none of its own.
func NewEditor(st settings.Session, folderCmds []profiles.QuickCommand) *Editor {
	p := profiles.Profile{Name: st.Name, Folder: st.Profile.Folder, QuickCommands: st.Profile.QuickCommands, Highlights: st.Profile.Highlights}
	e := &Editor{Commands: widget.NewMultiLineEntry(), Rules: widget.NewMultiLineEntry()}
	cmds := p.QuickCommands
	if folder := profiles.CleanFolder(p.Folder); folder != "" && p.Name != "" {
		e.Folder = folder
		e.ForFolder = widget.NewCheck("For every session in folder "+folder+" without commands of its own", nil)
		if len(cmds) == 0 && len(folderCmds) > 0 {
			cmds = folderCmds
			e.ForFolder.SetChecked(true)
		}
	}
	e.Commands.SetText(profiles.FormatQuickCommands(cmds))
	e.Commands.SetPlaceHolder("Show run = show running-config\nSave = write memory\nEnable = enable{enter}{password}\nBreak => {ctrl-c}")
	e.Commands.SetMinRowsVisible(6)
	e.Commands.Validator = func(s string) error {
		_, err := profiles.ParseQuickCommands(s)
		return plainError(err, "profiles: ")
	}
	e.Rules.SetText(strings.Join(p.Highlights, "\n"))
	e.Rules.SetPlaceHolder("uplink  bright-cyan bold\n\"line protocol is down\"  white on red")
	e.Rules.SetMinRowsVisible(4)
	e.Rules.Validator = validHighlightRules
	return e
}

// plainError drops a package's prefix from err for a person.
func plainError(err error, prefix string) error {
	if err == nil {
		return nil
	}
	return errors.New(strings.ReplaceAll(err.Error(), prefix, ""))
}

func (e *Editor) items() []*widget.FormItem {
	cmdHelp := widget.NewLabel("One a line: Label = a line to send (then Enter), or Label => keys (no Enter).\n" +
		"Placeholders as in logon actions: {password} {user} {host} {enter} {tab} {ctrl-c}…  Ctrl+Shift+1…9 send the first nine.")
	ruleHelp := widget.NewLabel("One a line: a word, \"a phrase\" or /a regexp/, then a colour (red, bright-red, #ff8000), on <colour>, bold.\n" +
		"They come before the rules in Settings and the defaults.")
	items := []*widget.FormItem{
		widget.NewFormItem("Quick commands", e.Commands),
		widget.NewFormItem("", cmdHelp),
	}
	if e.ForFolder != nil {
		items = append(items, widget.NewFormItem("", e.ForFolder))
	}
	return append(items,
		widget.NewFormItem("Highlighting", e.Rules),
		widget.NewFormItem("", ruleHelp),
	)
}

// folderWide reports whether the commands are for the whole folder.
func (e *Editor) folderWide() bool { return e.ForFolder != nil && e.ForFolder.Checked }

// Parsed is what the fields hold, checked.
func (e *Editor) Parsed() ([]profiles.QuickCommand, []string, error) {
	cmds, err := profiles.ParseQuickCommands(e.Commands.Text)
	if err != nil {
		return nil, nil, err
	}
	rules, err := highlight.ParseRules(e.Rules.Text)
	if err != nil {
		return nil, nil, err
	}
	var lines []string
	for _, r := range rules {
		lines = append(lines, r.String())
	}
	return cmds, lines, nil
}

// Edit opens the editor for the current tab.
func (q *Bar) Edit() {
	t := q.h.Current()
	if t == nil {
		q.h.Dialogs().Info("Quick commands", "Open a session first: quick commands and highlighting belong to a session.")
		return
	}
	st := t.Settings()
	var folderCmds []profiles.QuickCommand
	if f, err := q.h.Store().Load(); err == nil && st.Name != "" {
		folderCmds = f.QuickCommandsFor(profiles.Profile{Folder: st.Profile.Folder})
	}
	e := NewEditor(st, folderCmds)
	q.h.Dialogs().Form("Quick commands and highlighting: "+t.Settings().Title(), "Save", e.items(), func(ok bool) {
		if !ok {
			return
		}
		cmds, rules, err := e.Parsed()
		if err != nil { // the form's validators keep Save off meanwhile
			return
		}
		if e.folderWide() {
			q.SetFolderCommands(t, e.Folder, cmds, rules)
			return
		}
		q.SetTools(t, cmds, rules)
	}, fyne.NewSize(720, 520))
}

// SetTools gives a tab its quick commands and highlighting rules and
// keeps them in its saved profile, if it has one.
func (q *Bar) SetTools(t *termtab.Tab, cmds []profiles.QuickCommand, rules []string) {
	t.SetQuickTools(cmds, rules)
	q.ApplyHighlights(t)
	q.Refresh()
	name := t.Settings().Name
	if name == "" {
		return
	}
	_, err := q.h.Store().Update(func(f *profiles.File) error {
		p, ok := f.Find(name)
		if !ok {
			return nil
		}
		p.QuickCommands, p.Highlights = cmds, rules
		f.Put(p)
		return nil
	})
	if err != nil {
		q.h.Dialogs().Info("Quick commands", "They are used in this tab, but could not be saved: "+err.Error())
	}
}

// SetFolderCommands gives the folder the commands (the tab's session
// then has none of its own and gets the folder's) and the session its
// highlighting rules.
func (q *Bar) SetFolderCommands(t *termtab.Tab, folder string, cmds []profiles.QuickCommand, rules []string) {
	if _, err := q.h.Store().Update(func(f *profiles.File) error {
		f.SetFolderCommands(folder, cmds)
		return nil
	}); err != nil {
		q.h.Dialogs().Info("Quick commands", "The folder's commands could not be saved: "+err.Error())
		return
	}
	q.SetTools(t, nil, rules)
}

// commandsFor is a tab's bar: the session's own commands, or its
// folder's (read from the profiles file) for a saved session.
func (q *Bar) commandsFor(st settings.Session) []profiles.QuickCommand {
	p := profiles.Profile{Name: st.Name, Folder: st.Profile.Folder, QuickCommands: st.Profile.QuickCommands}
	if len(p.QuickCommands) > 0 || p.Name == "" || profiles.CleanFolder(p.Folder) == "" {
		return p.QuickCommands
	}
	f, err := q.h.Store().Load()
	if err != nil {
		return nil
	}
	return f.QuickCommandsFor(p)
}
