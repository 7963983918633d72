package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestEscapeClosesFindAndReturnsToTheTerminal: after Escape in the find
// bar, what the person types goes to the session, not the search box.
func TestEscapeClosesFindAndReturnsToTheTerminal(t *testing.T) {
	srv := newLoopServer(t, "hello\r\n")
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "the greeting", func() bool { return strings.Contains(tab.shownText(), "hello") })
	canvas := w.win.Canvas()
	w.showFind()
	if canvas.Focused() != tab.find.entry || !tab.find.bar.Visible() {
		t.Fatalf("Find: focus %T, bar shown %v", canvas.Focused(), tab.find.bar.Visible())
	}
	test.Type(tab.find.entry, "hello")
	pressKey(w, fyne.KeyEscape)
	if tab.find.bar.Visible() || canvas.Focused() != tab.term {
		t.Fatalf("after Escape: bar shown %v, focus %T", tab.find.bar.Visible(), canvas.Focused())
	}
	for _, r := range "QUIT" {
		canvas.Focused().TypedRune(r)
	}
	pressKey(w, fyne.KeyReturn)
	waitUntil(t, "QUIT at the server", func() bool { return strings.Contains(srv.Received(), "QUIT\r\n") })
	if tab.find.entry.Text != "hello" {
		t.Fatalf("typing after Escape went into the search box: %q", tab.find.entry.Text)
	}
}
