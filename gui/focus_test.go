package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/assist"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/protocol"
)

// TestF6MovesBetweenTerminalAssistantAndFind: Ctrl+Shift+M opens the
// of with the keyboard in its first empty field; F6 goes on to the
// find bar and back to the terminal, Shift+F6 the other way (issue 26's
// blocker: the keyboard alone could not reach the assistant's fields).
func TestF6MovesBetweenTerminalAssistantAndFind(t *testing.T) {
	srv := newLoopServer(t, "220 mail.example.test ESMTP\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "connected", func() bool { return tab.State() == protocol.StateConnected })
	c := w.win.Canvas()
	assistants{w}.toggle()
	p := tab.Assistant().(assist.Panel)
	field, ok := c.Focused().(*widgets.EscEntry)
	if !ok || !p.HasFocus(c) || field.Text != "" {
		t.Fatalf("after opening the assistant the focus is on %T, not its first empty field", c.Focused())
	}
	tab.ShowFind() // takes the keyboard; give it back to the field
	c.Focus(field)
	w.moveFocus(false)
	if c.Focused() != tab.FindField() {
		t.Fatalf("F6 from the assistant went to %T, not the find bar", c.Focused())
	}
	test.Type(c.Focused().(*widgets.EscEntry), "x") // the find bar takes what is typed
	w.moveFocus(false)
	if c.Focused() != tab.Keyboard() {
		t.Fatalf("F6 from the find bar went to %T, not the terminal", c.Focused())
	}
	w.moveFocus(true)
	if c.Focused() != tab.FindField() {
		t.Fatal("Shift+F6 from the terminal did not go back to the find bar")
	}
	// F6 pressed in a field reaches the window through the field.
	c.Focus(tab.FindField())
	tab.FindField().(*widgets.EscEntry).TypedKey(&fyne.KeyEvent{Name: fyne.KeyF6})
	if c.Focused() != tab.Keyboard() {
		t.Fatalf("F6 typed in the find bar left the focus on %T", c.Focused())
	}
}

// TestAssistantFollowsTheGreeting: on a port that says nothing, the
// server's greeting picks the assistant (Dovecot's POP3 on 2110 got SMTP's
// before), and the Assistant menu changes it at any time (issue 26, major 5).
func TestAssistantFollowsTheGreeting(t *testing.T) {
	srv := newLoopServer(t, "+OK Dovecot ready.\r\n")
	w := newTestWindow(t)
	tab := w.OpenSession(settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port()}, OpenAssistant: true})
	w.win.Resize(fyne.NewSize(901, 601))
	waitUntil(t, "the POP3 assistant", func() bool {
		p, ok := tab.Assistant().(assist.Panel)
		return ok && p.Name() == "POP3" && tab.AssistantShown()
	})
	assistants{w}.use(settings.AssistIMAP)
	if p := tab.Assistant().(assist.Panel); p.Name() != "IMAP" || !tab.AssistantShown() {
		t.Fatalf("the menu's IMAP gave %s", p.Name())
	}
	tab.Reconnect() // the person's choice holds over the greeting
	waitUntil(t, "connected again", func() bool { return tab.Greeting() != "" && tab.State() == protocol.StateConnected })
	pumpUI()
	if p := tab.Assistant().(assist.Panel); p.Name() != "IMAP" {
		t.Fatalf("the greeting overrode the person's choice: %s", p.Name())
	}
}
