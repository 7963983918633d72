package gui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/tern-telnet/tern/gui/session"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
)

// quickShortcuts is how many quick commands have a shortcut
// (Ctrl+Shift+1 to 9: the key table leaves Ctrl+Shift+digits to Tern).
const quickShortcuts = 9

// quickBar is the current tab's quick-command bar under the toolbar (a
// button a command, and Edit…), hidden while the tab has none, and the
// Commands menu with the same commands under Ctrl+Shift+1…9.
type quickBar struct {
	w       *mainWindow
	buttons *fyne.Container
	bar     *fyne.Container // buttons and Edit…, or nothing
	menu    *fyne.Menu
	items   [quickShortcuts]*fyne.MenuItem
	shown   []profiles.QuickCommand
}

func newQuickBar(w *mainWindow) *quickBar {
	q := &quickBar{w: w, buttons: container.NewHBox(), bar: container.NewStack()}
	edit := fyne.NewMenuItem("Edit quick commands and highlighting…", w.editQuickTools)
	q.menu = fyne.NewMenu("Commands", edit, fyne.NewMenuItemSeparator())
	for i := range q.items {
		n := i
		it := fyne.NewMenuItem(fmt.Sprintf("Quick command %d", i+1), func() { q.send(n) })
		it.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(i + 1)), Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
		it.Disabled = true
		q.items[i] = it
		q.menu.Items = append(q.menu.Items, it)
	}
	return q
}

// refresh shows the current tab's commands (UI goroutine).
func (q *quickBar) refresh() {
	var cmds []profiles.QuickCommand
	if t := q.w.current(); t != nil {
		cmds = validQuick(q.w.quickCommandsFor(t.Settings()))
	}
	q.shown = cmds
	q.buttons.RemoveAll()
	for i, c := range cmds {
		n := i
		q.buttons.Add(widgets.NewToolButton(q.w.tips, c.Label, nil, quickTip(c, i), func() { q.send(n) }))
	}
	if len(cmds) == 0 {
		q.bar.Objects = nil
	} else {
		edit := widgets.NewToolButton(q.w.tips, "Edit…", nil, "Edit this session's quick commands and highlighting", q.w.editQuickTools)
		q.bar.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, edit, container.NewHScroll(q.buttons))}
	}
	q.bar.Refresh()
	for i, it := range q.items {
		it.Label, it.Disabled = fmt.Sprintf("Quick command %d", i+1), i >= len(cmds)
		if i < len(cmds) {
			it.Label = cmds[i].Label
		}
	}
	q.menu.Refresh()
}

// quickTip says what a button sends and its shortcut.
func quickTip(c profiles.QuickCommand, i int) string {
	tip := "Sends the line " + c.Send
	if c.Keys {
		tip = "Sends the keys " + c.Send
	}
	if i < quickShortcuts {
		tip += fmt.Sprintf(" (Ctrl+Shift+%d)", i+1)
	}
	return tip
}

// send sends the current tab's command n.
func (q *quickBar) send(n int) {
	t := q.w.current()
	if t == nil || n >= len(q.shown) {
		return
	}
	if err := t.SendQuick(q.shown[n]); err != nil {
		why := "the session is not connected"
		if !errors.Is(err, session.ErrNotConnected) {
			why = strings.TrimPrefix(err.Error(), "logon: ")
		}
		q.w.dialogs.Info("Quick command", "“"+q.shown[n].Label+"” was not sent: "+why+".")
		return
	}
	q.w.focusCurrent()
}

// validQuick are the commands that pass Validate, at most
// MaxQuickCommands (a profiles file edited by hand is not checked).
func validQuick(cmds []profiles.QuickCommand) []profiles.QuickCommand {
	var ok []profiles.QuickCommand
	for _, c := range cmds {
		if c.Validate() == nil && len(ok) < profiles.MaxQuickCommands {
			ok = append(ok, c)
		}
	}
	return ok
}
