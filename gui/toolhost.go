package gui

import (
	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
)

// toolHost is the window as the quick-command bar (quick.Host) and the
// paste pacing dialogs (pacing.Host) know it.
type toolHost struct{ w *mainWindow }

func (h toolHost) Current() *termtab.Tab         { return h.w.current() }
func (h toolHost) Store() *profiles.Store        { return h.w.store }
func (h toolHost) Preferences() fyne.Preferences { return h.w.app.Preferences() }
func (h toolHost) Dialogs() *widgets.Dialogs     { return h.w.dialogs }
func (h toolHost) Tips() *widgets.TipLayer       { return h.w.tips }
func (h toolHost) Window() fyne.Window           { return h.w.win }
func (h toolHost) FocusCurrent()                 { h.w.focusCurrent() }
