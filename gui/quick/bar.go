// Package quick is a session's own tools beside its terminal: the
// quick-command bar under the toolbar and the Commands menu, the editor
// of a session's quick commands and highlighting rules, and the
// highlighting rules of every session (Settings). It knows the window
// only through Host.
package quick

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/tern-telnet/tern/gui/session"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
)

// Host is what the bar needs of its window (UI goroutine).
type Host interface {
	// Current is the current tab, or nil.
	Current() *termtab.Tab
	// Store holds the saved sessions.
	Store() *profiles.Store
	// Preferences hold the highlighting rules of every session.
	Preferences() fyne.Preferences
	Dialogs() *widgets.Dialogs
	Tips() *widgets.TipLayer
	// FocusCurrent gives the keyboard back to the current tab.
	FocusCurrent()
}

// shortcuts is how many quick commands have a shortcut
// (Ctrl+Shift+1 to 9: the key table leaves Ctrl+Shift+digits to Tern).
const shortcuts = 9

// Bar is the current tab's quick-command bar under the toolbar (a
// button a command, and Edit…), hidden while the tab has none, and the
// Commands menu with the same commands under Ctrl+Shift+1…9.
type Bar struct {
	h       Host
	buttons *fyne.Container
	// Box holds the buttons and Edit…, or nothing.
	Box *fyne.Container
	// Menu is the Commands menu.
	Menu  *fyne.Menu
	items [shortcuts]*fyne.MenuItem
	shown []profiles.QuickCommand
}

// NewBar makes the bar, empty until Refresh.
func NewBar(h Host) *Bar {
	q := &Bar{h: h, buttons: container.NewHBox(), Box: container.NewStack()}
	edit := fyne.NewMenuItem("Edit quick commands and highlighting…", q.Edit)
	q.Menu = fyne.NewMenu("Commands", edit, fyne.NewMenuItemSeparator())
	for i := range q.items {
		n := i
		it := fyne.NewMenuItem(fmt.Sprintf("Quick command %d", i+1), func() { q.send(n) })
		it.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyName(fmt.Sprint(i + 1)), Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
		it.Disabled = true
		q.items[i] = it
		q.Menu.Items = append(q.Menu.Items, it)
	}
	return q
}

// Item is the Commands menu's item for command n (Ctrl+Shift+n+1).
func (q *Bar) Item(n int) *fyne.MenuItem { return q.items[n] }

// Refresh shows the current tab's commands (UI goroutine).
func (q *Bar) Refresh() {
	var cmds []profiles.QuickCommand
	if t := q.h.Current(); t != nil {
		cmds = validQuick(q.commandsFor(t.Settings()))
	}
	q.shown = cmds
	q.buttons.RemoveAll()
	for i, c := range cmds {
		n := i
		q.buttons.Add(widgets.NewToolButton(q.h.Tips(), c.Label, nil, quickTip(c, i), func() { q.send(n) }))
	}
	if len(cmds) == 0 {
		q.Box.Objects = nil
	} else {
		edit := widgets.NewToolButton(q.h.Tips(), "Edit…", nil, "Edit this session's quick commands and highlighting", q.Edit)
		q.Box.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, edit, container.NewHScroll(q.buttons))}
	}
	q.Box.Refresh()
	for i, it := range q.items {
		it.Label, it.Disabled = fmt.Sprintf("Quick command %d", i+1), i >= len(cmds)
		if i < len(cmds) {
			it.Label = cmds[i].Label
		}
	}
	q.Menu.Refresh()
}

// quickTip says what a button sends and its shortcut.
func quickTip(c profiles.QuickCommand, i int) string {
	tip := "Sends the line " + c.Send
	if c.Keys {
		tip = "Sends the keys " + c.Send
	}
	if i < shortcuts {
		tip += fmt.Sprintf(" (Ctrl+Shift+%d)", i+1)
	}
	return tip
}

// send sends the current tab's command n.
func (q *Bar) send(n int) {
	t := q.h.Current()
	if t == nil || n >= len(q.shown) {
		return
	}
	if err := t.SendQuick(q.shown[n]); err != nil {
		why := "the session is not connected"
		if !errors.Is(err, session.ErrNotConnected) {
			why = strings.TrimPrefix(err.Error(), "logon: ")
		}
		q.h.Dialogs().Info("Quick command", "“"+q.shown[n].Label+"” was not sent: "+why+".")
		return
	}
	q.h.FocusCurrent()
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
