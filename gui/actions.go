package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/about"
	"github.com/tern-telnet/tern/gui/filedialog"
	"github.com/tern-telnet/tern/gui/pacing"
	"github.com/tern-telnet/tern/gui/sessioninfo"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/specials"
)

// toolbar is the row of buttons above the tabs. Buttons carry words as
// well as icons while there is room (support staff should not have to
// guess), and every one has a tooltip with its shortcut.
func (w *mainWindow) toolbar() fyne.CanvasObject {
	b := func(label string, icon fyne.Resource, tip string, f func()) *widgets.ToolButton {
		return widgets.NewToolButton(w.tips, label, icon, tip, f)
	}
	w.sendButton = b("Send", theme.MailSendIcon(), "Send a Telnet special command: Are You There, Interrupt Process, Break, Synch…", w.showSendMenu)
	w.logButton = b("Log", theme.DocumentCreateIcon(), "Start or stop logging what the server sends to a file", w.toggleLogging)
	// These act on the current tab: without one they are disabled.
	w.tabButtons = []*widgets.ToolButton{
		b("Reconnect", theme.ViewRefreshIcon(), "Connect this tab again (Ctrl+Shift+R)", w.reconnect),
		b("Disconnect", theme.MediaStopIcon(), "Close this tab's connection", w.disconnect),
		w.sendButton,
		b("Status", theme.InfoIcon(), "Connection and Telnet option status (Ctrl+Shift+I)", w.showStatus),
		b("Event log", theme.ListIcon(), "Every negotiation step and connection event (Ctrl+Shift+L)", w.showEventLog),
		w.logButton,
		b("Copy all", theme.ContentCopyIcon(), "Copy the scrollback and the screen to the clipboard", w.copyAll),
		b("Save", theme.DocumentSaveIcon(), "Save the transcript to a file (Ctrl+Shift+S)", w.saveTranscript),
		b("Find", theme.SearchIcon(), "Search the scrollback (Ctrl+Shift+F)", w.showFind),
		b("Assistant", theme.MailComposeIcon(), "Protocol assistant for this session: SMTP, POP3, IMAP or HTTP commands, explained, and a whole test (Ctrl+Shift+M)", assistants{w}.toggle),
	}
	row := []fyne.CanvasObject{b("New session", theme.ContentAddIcon(), "Open a connection in a new tab (Ctrl+Shift+T)", sessionDialogs{w}.newSession)}
	for _, tb := range w.tabButtons {
		row = append(row, tb)
	}
	row = append(row, b("Settings", theme.SettingsIcon(), "Text size, theme, scrollback and paste confirmation", w.showSettings))
	return widgets.NewToolbarRow(row...)
}

// enableTabButtons disables the buttons that act on a tab when there is
// none, and enables them again with one.
func (w *mainWindow) enableTabButtons(haveTab bool) {
	for _, b := range w.tabButtons {
		if b.Disabled() == haveTab {
			if haveTab {
				b.Enable()
			} else {
				b.Disable()
			}
		}
	}
}

func (w *mainWindow) updateButtons(t *termtab.Tab) {
	if w.logButton == nil {
		return
	}
	w.enableTabButtons(t != nil)
	s := (*protocol.Session)(nil)
	if t != nil {
		s = t.Session()
	}
	label, importance := "Log", widget.MediumImportance
	if s != nil && s.Logging() {
		label, importance = "Stop log", widget.HighImportance
	}
	if w.logButton.Label() == label && w.logButton.Importance == importance {
		return // called every second: repaint only on a change
	}
	w.logButton.SetLabel(label)
	w.logButton.Importance = importance
	w.logButton.Refresh()
}

func ctrlShift(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
}

// menu is the main menu; its shortcuts work while the terminal has focus.
func (w *mainWindow) menu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, f func()) *fyne.MenuItem {
		m := fyne.NewMenuItem(label, f)
		m.Shortcut = sc
		return m
	}
	session := fyne.NewMenu("Session",
		item("New session…", ctrlShift(fyne.KeyT), sessionDialogs{w}.newSession),
		item("Duplicate session", ctrlShift(fyne.KeyD), w.duplicate),
		item("Reconnect", ctrlShift(fyne.KeyR), w.reconnect),
		item("Edit and reconnect…", ctrlShift(fyne.KeyE), sessionDialogs{w}.editAndReconnect),
		item("Change settings…", nil, sessionDialogs{w}.changeSettings),
		item("Disconnect", nil, w.disconnect),
		fyne.NewMenuItemSeparator(),
		item("Close tab", ctrlShift(fyne.KeyW), func() {
			if t := w.current(); t != nil {
				w.closeTab(t, true)
			}
		}),
		item("Next tab", &desktop.CustomShortcut{KeyName: fyne.KeyTab, Modifier: fyne.KeyModifierControl}, w.nextTab),
		item("Move tab left", ctrlShift(fyne.KeyPageUp), func() { w.moveTab(-1) }),
		item("Move tab right", ctrlShift(fyne.KeyPageDown), func() { w.moveTab(+1) }),
		fyne.NewMenuItemSeparator(),
		w.broadcast.Item,
		w.broadcast.OptOutItem,
	)
	edit := fyne.NewMenu("Edit",
		item("Paste", nil, w.pasteClipboard),
		item("Copy all", nil, w.copyAll),
		item("Save transcript…", ctrlShift(fyne.KeyS), w.saveTranscript),
		item("Find…", ctrlShift(fyne.KeyF), w.showFind),
		item("Clear scrollback", nil, w.clearScrollback),
		item("Reset terminal", nil, w.resetTerminal),
	)
	view := fyne.NewMenu("View",
		item("Status", ctrlShift(fyne.KeyI), w.showStatus),
		item("Event log", ctrlShift(fyne.KeyL), w.showEventLog),
		item("Larger text", &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault}, func() { w.zoom(+1) }),
		item("Smaller text", &desktop.CustomShortcut{KeyName: fyne.KeyMinus, Modifier: fyne.KeyModifierShortcutDefault}, func() { w.zoom(-1) }),
		item("Settings…", nil, w.showSettings),
	)
	assistMenu := fyne.NewMenu("Assistant",
		item("Show or hide the assistant", ctrlShift(fyne.KeyM), assistants{w}.toggle),
		// F6 itself is handled by the terminal and the fields (a key
		// without a modifier is never a menu shortcut in Fyne): the
		// item names it and does the same.
		item("Next pane: terminal, assistant, find (Shift+F6 back)", &desktop.CustomShortcut{KeyName: fyne.KeyF6}, func() { w.moveFocus(false) }),
		item("Run test", ctrlShift(fyne.KeyReturn), assistants{w}.runTest),
		fyne.NewMenuItemSeparator(),
	)
	assistMenu.Items = append(assistMenu.Items, assistants{w}.useItems()...)
	send := fyne.NewMenu("Send")
	for _, sp := range specials.List {
		verb := sp.Verb
		send.Items = append(send.Items, fyne.NewMenuItem(sp.Name, func() { w.send(verb) }))
	}
	send.Items = append(send.Items, fyne.NewMenuItemSeparator(), item("Send file…", nil, func() { pacing.SendFile(toolHost{w}) }), item("Paste pacing…", nil, func() { pacing.Edit(toolHost{w}) }))
	help := fyne.NewMenu("Help",
		item("Manual (README) address", nil, func() { about.CopyReadmeURL(w.dialogs, w.app.Clipboard()) }),
		item("About Tern", nil, func() { about.Show(w.dialogs, w.opts.Version) }),
	)
	quit := item("Quit", &desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, w.confirmQuit)
	quit.IsQuit = true // Fyne adds no Quit of its own
	session.Items = append(session.Items, fyne.NewMenuItemSeparator(), quit)
	return fyne.NewMainMenu(session, edit, view, send, w.quick.Menu, assistMenu, help)
}

// showSendMenu pops up PuTTY's special-command menu under the Send button.
func (w *mainWindow) showSendMenu() {
	var items []*fyne.MenuItem
	groups := [][]string{{"ayt", "brk", "synch", "ec", "el", "ga", "nop"}, {"abort", "ao", "ip", "susp"}, {"eor", "eof"}, {"escape", "getstatus"}}
	for gi, g := range groups {
		if gi > 0 {
			items = append(items, fyne.NewMenuItemSeparator())
		}
		for _, verb := range g {
			sp, _ := specials.Lookup(verb)
			v := verb
			items = append(items, fyne.NewMenuItem(sp.Name, func() { w.send(v) }))
		}
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(w.sendButton)
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), w.win.Canvas(), pos.Add(fyne.NewPos(0, w.sendButton.Size().Height)))
}

// send sends a special command to the current session.
func (w *mainWindow) send(verb string) {
	t := w.current()
	if t == nil || t.Session() == nil {
		return
	}
	t.InterruptLogon() // the person acts: the session is theirs
	if err := t.Session().SendSpecial(verb); err != nil {
		w.dialogs.Info("Cannot send", err.Error())
	}
	w.focusCurrent()
}

func (w *mainWindow) reconnect() {
	t := w.current()
	if t == nil {
		return
	}
	if _, ok := t.Settings().MailDomain(); ok {
		w.reconnectTab(t, t.Settings())
		return
	}
	t.Reconnect()
}

func (w *mainWindow) disconnect() {
	if t := w.current(); t != nil {
		t.Disconnect()
	}
}

func (w *mainWindow) duplicate() {
	if t := w.current(); t != nil {
		w.OpenSession(t.Settings())
	}
}

func (w *mainWindow) nextTab() {
	items := w.tabs.Items
	for i, it := range items {
		if it == w.tabs.Selected() {
			w.tabs.Select(items[(i+1)%len(items)])
			return
		}
	}
}

// moveTab moves the current tab one place left (-1) or right (+1), as
// browsers and terminal emulators do with Ctrl+Shift+PageUp/PageDown.
func (w *mainWindow) moveTab(dir int) {
	items, sel := w.tabs.Items, w.tabs.Selected()
	for i, it := range items {
		if it != sel {
			continue
		}
		j := i + dir
		if j < 0 || j >= len(items) {
			return
		}
		items[i], items[j] = items[j], items[i]
		w.tabs.Refresh()
		w.tabs.Select(sel)
		return
	}
}

func (w *mainWindow) copyAll() {
	if t := w.current(); t != nil {
		w.app.Clipboard().SetContent(t.History())
	}
}

func (w *mainWindow) clearScrollback() {
	if t := w.current(); t != nil {
		t.ClearScrollback()
	}
}

// resetTerminal is PuTTY's Reset Terminal for the current tab.
func (w *mainWindow) resetTerminal() {
	if t := w.current(); t != nil {
		t.ResetTerminal()
	}
	w.focusCurrent()
}

// saveTranscript writes scrollback and screen to a text file.
func (w *mainWindow) saveTranscript() {
	t := w.current()
	if t == nil {
		return
	}
	text := t.History()
	filedialog.Save(w.win, w.onUI, settings.FileName(t.Settings().Title())+".txt", func(f fyne.URIWriteCloser, err error) {
		if err != nil || f == nil {
			return
		}
		defer f.Close()
		if _, err := f.Write([]byte(text)); err != nil {
			w.dialogs.Info("Save transcript", fmt.Sprintf("Tern could not save the transcript: %v", err))
		}
	})
}

// toggleLogging starts or stops the printable output log of the session.
func (w *mainWindow) toggleLogging() {
	t := w.current()
	if t == nil || t.Session() == nil {
		return
	}
	s := t.Session()
	if s.Logging() {
		s.StopSessionLog()
		w.refreshStatus()
		return
	}
	filedialog.Save(w.win, w.onUI, settings.FileName(t.Settings().Title())+".log", func(f fyne.URIWriteCloser, err error) {
		if err != nil || f == nil {
			return
		}
		path := f.URI().Path()
		f.Close()
		textOnly := s.Config().SessionLog.TextOnly // the session's kind of log
		if name, err := s.StartSessionLog(protocol.Log{Path: path, TextOnly: textOnly}); err != nil {
			w.dialogs.Info("Log", fmt.Sprintf("Tern cannot write the log %s: %v", name, err))
		}
		w.refreshStatus()
	})
}

func (w *mainWindow) zoom(step int) {
	w.prefs.TextScale = min(max(w.prefs.TextScale+float32(step)*0.1, 0.6), 3)
	w.prefs.Save(w.app)
	w.prefs.Apply(w.app)
	for _, t := range w.byItem {
		t.Redraw(true)
	}
}

func (w *mainWindow) showFind() {
	if t := w.current(); t != nil {
		t.ShowFind()
	}
}

// showStatus shows the current session's Status dialog.
func (w *mainWindow) showStatus() {
	t := w.current()
	if t == nil || t.Session() == nil {
		w.dialogs.Info("Status", "No connection.")
		return
	}
	sessioninfo.ShowStatus(w.dialogs, t.Settings().Title(), t.Session().Status(), w.focusCurrent)
}

// showEventLog shows the current session's event log.
func (w *mainWindow) showEventLog() {
	t := w.current()
	if t == nil || t.Session() == nil {
		w.dialogs.Info("Event log", "No session yet.")
		return
	}
	sessioninfo.ShowEventLog(w.dialogs, t.Settings().Title(), t.Session(), w.app.Clipboard(), w.onUI, w.focusCurrent)
}

// reconnectTab connects t again with st (Reconnect, Edit and reconnect):
// a mail domain is looked up again, for the exchanger that answers now.
func (w *mainWindow) reconnectTab(t *termtab.Tab, st settings.Session) {
	if domain, ok := st.MailDomain(); ok {
		t.SetSettings(st)
		assistants{w}.findMailServers(t, domain, nil)
		return
	}
	t.ReconnectWith(st)
}
