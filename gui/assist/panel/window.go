package panel

import (
	"net"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// Window is what an assistant needs of the window it sits in. The window
// implements it for each tab's assistant; every method but UI is called on
// the UI goroutine.
type Window interface {
	// Window is the window the assistant's dialogs belong to.
	Window() fyne.Window
	// UI runs f on the UI goroutine (the window's bridge); any goroutine
	// may call it.
	UI(f func())
	// FocusTerminal gives the keyboard back to the tab's terminal.
	FocusTerminal()
	// RefreshStatus rewrites the status bar, which shows the assistant's
	// last word (Note).
	RefreshStatus()
	// ShowDialog shows d in front; Enter confirms it.
	ShowDialog(d dialog.Dialog)
	// ShowDialogWithDefault shows d in front; Enter runs enter.
	ShowDialogWithDefault(d dialog.Dialog, enter func())
	// DialogSize is the preferred size shrunk to fit inside the window.
	DialogSize(width, height float32) fyne.Size
	// ConfirmRisky asks before something unsafe; Enter answers no.
	ConfirmRisky(title, message, confirm string, answer func(bool))
	// ShowInfo tells the person something.
	ShowInfo(title, message string)
	// ShowCertificate shows the server certificate's facts.
	ShowCertificate(info tlscheck.Info)
	// Profiles is the saved sessions, where the assistant keeps its
	// fields.
	Profiles() *profiles.Store
	// Resolver is the DNS resolver for mail domains (nil means the
	// system's).
	Resolver() *net.Resolver
}

// Tab is the terminal tab an assistant sits beside (a termtab.Tab).
type Tab interface {
	// Session is the tab's current session, or nil.
	Session() *protocol.Session
	// Reconnect connects the tab again at once.
	Reconnect()
	// ReconnectWith connects the tab again at once with new settings.
	ReconnectWith(st settings.Session)
	// SetSettings takes the settings the next connection uses.
	SetSettings(st settings.Session)
	// Print shows text in the terminal (not sent to the server).
	Print(text string)
	// Settings are what the tab's session was opened with.
	Settings() settings.Session
	// History is the scrollback and screen as text.
	History() string
}

// Panel is what the window asks of any assistant: what the tab asks of
// it (termtab.Assistant: its content, and to follow each session's data
// from its start to its end), plus its name for the status bar, its last
// word, and its Run test.
type Panel interface {
	// Content is the panel, shown beside the terminal.
	Content() fyne.CanvasObject
	// Attach follows session s from its start (before it reads anything);
	// the tap it returns (nil for none) is fed s's data.
	Attach(s *protocol.Session) protocol.DataTap
	// SessionEnded says the tab's session s ended, with err.
	SessionEnded(s *protocol.Session, err error)
	// Name is the protocol's name, such as SMTP.
	Name() string
	// Note is the assistant's last word for the status bar ("" for none).
	Note() string
	// RunTest runs the assistant's whole test.
	RunTest()
	// FocusField gives the keyboard to the first empty field, in view;
	// false when the panel has none.
	FocusField(c fyne.Canvas) bool
	// HasFocus reports whether one of its fields has the keyboard.
	HasFocus(c fyne.Canvas) bool
	// Running reports whether its Run test runs.
	Running() bool
}
