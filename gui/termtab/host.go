package termtab

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// Host is what a tab needs of the window that holds it. The window
// implements it; the tab never sees the window itself. Every method is
// called on the UI goroutine except InBackground, which the tab's render
// goroutine calls.
type Host interface {
	// Window is the window the tab's dialogs belong to.
	Window() fyne.Window
	// SessionChanged says the tab's session connected, changed mode or
	// ended: the status bar, toolbar and tab icon follow.
	SessionChanged(t *Tab)
	// FrameShown says a frame of the tab's output was just presented, in
	// the same UI call, so that what the window shows about the tab (the
	// status bar's byte counts) changes in the same repaint rather than
	// costing one of its own.
	FrameShown(t *Tab)
	// Retitle shows title on the tab ("" for the session's own title),
	// marking it when bell is true.
	Retitle(t *Tab, title string, bell bool)
	// CloseTab closes the tab, asking first when confirm is true and its
	// session is live.
	CloseTab(t *Tab, confirm bool)
	// FocusCurrent gives the keyboard back to the current tab's terminal.
	FocusCurrent()
	// GreetingSeen says the tab's session has its first line from the
	// server (Tab.Greeting): the window may change the assistant by it.
	GreetingSeen(t *Tab)
	// MoveFocus moves the keyboard from the terminal to the next place
	// (the assistant, the find bar), or the previous one when back (F6,
	// Shift+F6).
	MoveFocus(back bool)
	// IsCurrent reports whether t is the selected tab.
	IsCurrent(t *Tab) bool
	// InBackground reports whether the window lacks the focus, so frames
	// can be fewer. Any goroutine may call it.
	InBackground() bool
	// BroadcastKeys and BroadcastPaste give what was typed or pasted in
	// from to the other tabs while the person types into all tabs (they
	// do nothing otherwise); a paste goes to each with PasteToSession,
	// lineByLine when the person chose to send it line by line.
	BroadcastKeys(from *Tab, p []byte)
	BroadcastPaste(from *Tab, text []byte, lineByLine bool)
	// ConfirmPaste reports whether a paste of several lines or of
	// characters that were removed asks first (a setting).
	ConfirmPaste() bool
	// AskPaste asks whether to send a paste, saying why in message; answer
	// runs on the UI goroutine. offerLineByLine adds the answer
	// PasteLineByLine (the tab's pacing is off and the paste has several
	// lines). Like the window's other questions it takes Enter (PasteNow)
	// and Escape (PasteCancelled).
	AskPaste(message string, offerLineByLine bool, answer func(PasteAnswer))
	// AskPassword asks the person for the password the tab's logon
	// actions send as {password}, explaining why in prompt; answer runs
	// on the UI goroutine with ok false when they declined, and remember
	// true when they asked that the keychain keep it (the window stores
	// it there and marks the profile; never in the profiles file).
	AskPassword(t *Tab, prompt string, answer func(password string, remember, ok bool))
	// SavedPassword is the keychain's password for a profile: its logon
	// password, or its proxy's when proxy is true (ok false when none or
	// no keychain). Any goroutine calls it; the tab never reads the
	// keychain itself.
	SavedPassword(profile string, proxy bool) (password string, ok bool)
	// VerifyCertificate decides about a certificate that did not verify,
	// for the tab's session to where (host:port), before anything more is
	// sent (tlscheck.VerifyCertificateFunc): nil goes on, an error
	// disconnects. It is called on the session's goroutine, blocks until
	// the person answers, and returns when ctx is done.
	VerifyCertificate(ctx context.Context, t *Tab, where string, info tlscheck.Info) error
}

// Assistant is a panel shown beside the terminal, such as the SMTP
// assistant; the window makes it and hands it to the tab. The tab tells
// it, on the UI goroutine, about each session: Attach when the session
// starts (before it reads anything) or when the assistant is handed in
// mid-session, SessionEnded when the tab's current session ends. The tap
// Attach returns (nil for none) sees that session's data and is closed
// after its last byte.
type Assistant interface {
	Content() fyne.CanvasObject
	Attach(s *protocol.Session) DataTap
	SessionEnded(s *protocol.Session, err error)
}

// Options are the window's choices for a new tab.
type Options struct {
	// Scrollback is the lines of history kept when the session's settings
	// do not say; 0 means 10,000.
	Scrollback int
	// FitWindow sizes the window for the settings' Columns x Rows once the
	// terminal has a size (the window's only tab decides its size).
	FitWindow bool
	// UI runs a function on the UI goroutine; nil means fyne.Do. Tests
	// pass a queue they run themselves.
	UI func(func())
	// EchoShown, when set, is called on the UI goroutine right after a
	// key's answer was presented (its echo, or a server's reply while the
	// person types), so that the window can draw it now rather than at
	// the toolkit's next tick (fasttick.Shown).
	EchoShown func()
}
