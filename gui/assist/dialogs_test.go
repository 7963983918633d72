package assist

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/internal/scriptpeer"
)

// frontButtons are the labelled buttons of the dialog in front: Tern's,
// and any of Fyne's own (which leak Space to the terminal and swallow Escape).
func (h *harness) frontButtons() (tern []*widgets.Button, fyneOwn []*widget.Button) {
	for _, o := range h.win.onScreen() {
		switch b := o.(type) {
		case *widgets.Button:
			tern = append(tern, b)
		case *widget.Button:
			if b.Text != "" { // not a password field's reveal icon
				fyneOwn = append(fyneOwn, b)
			}
		}
	}
	return tern, fyneOwn
}

// TestAssistantDialogsUseTernButtons (issue 26 major 6): the mailbox
// assistant's password question and SMTP's Encoded credentials have
// Tern's buttons only; Escape in the password field cancels (nothing
// runs), Enter runs the test; Escape closes Encoded credentials.
func TestAssistantDialogsUseTernButtons(t *testing.T) {
	peer := scriptpeer.Start(t, "+OK ready\r\n", []ex{{Reply: "+OK\r\nUSER\r\n.\r\n"}}, false)
	h := mailTab(t, "POP3 (110)", peer.Addr, peer.Roots, "+OK")
	p := NewPOP3Panel(h.win, h.tab)
	h.open(p)
	p.user.SetText("alice")
	p.RunTest()
	tern, fyneOwn := h.frontButtons()
	if len(tern) != 2 || len(fyneOwn) != 0 {
		t.Fatalf("the password question has %d of Tern's buttons and %d of Fyne's", len(tern), len(fyneOwn))
	}
	field := h.win.win.Canvas().Focused().(*widgets.EscEntry)
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(h.win.dialogs) != 0 || p.Running() {
		t.Fatalf("Escape: %d dialogs, running %v", len(h.win.dialogs), p.Running())
	}
	p.RunTest()
	test.Type(h.win.win.Canvas().Focused().(*widgets.EscEntry), "secret")
	h.win.enter()
	h.waitUntil("the summary", func() bool { return p.Result.Text != "" })
	h.win.closeFront()

	_, hs, _, sp := newAssistant(t)
	sp.user.SetText("ann")
	sp.password.SetText("pw")
	sp.showEncoded()
	tern, fyneOwn = hs.frontButtons()
	if len(tern) != 1 || len(fyneOwn) != 0 || tern[0].Text != "Close" {
		t.Fatalf("Encoded credentials has %d of Tern's buttons and %d of Fyne's", len(tern), len(fyneOwn))
	}
	for _, o := range hs.win.onScreen() {
		if e, ok := o.(*widgets.EscEntry); ok && e.MultiLine {
			e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		}
	}
	if len(hs.win.dialogs) != 0 {
		t.Fatal("Escape did not close Encoded credentials")
	}
}
