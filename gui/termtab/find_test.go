package termtab

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
	h := newHarness(t, srv.Port())
	tab := h.tab
	h.waitUntil("the greeting", func() bool { return strings.Contains(tab.ShownText(), "hello") })
	canvas := h.host.win.Canvas()
	tab.ShowFind()
	if canvas.Focused() != tab.find.entry || !tab.find.bar.Visible() {
		t.Fatalf("Find: focus %T, bar shown %v", canvas.Focused(), tab.find.bar.Visible())
	}
	test.Type(tab.find.entry, "hello")
	h.pressKey(fyne.KeyEscape)
	if tab.find.bar.Visible() || canvas.Focused() != tab.keys {
		t.Fatalf("after Escape: bar shown %v, focus %T", tab.find.bar.Visible(), canvas.Focused())
	}
	// The keyboard widget has the focus: what is typed goes to the server.
	test.Type(tab.keys, "QUIT")
	tab.keys.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	h.waitUntil("QUIT at the server", func() bool { return strings.Contains(srv.Received(), "QUIT\r\n") })
	if tab.find.entry.Text != "hello" {
		t.Fatalf("typing after Escape went into the search box: %q", tab.find.entry.Text)
	}
}

func TestScrollbackFindAndShiftPageUp(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 300; i++ {
		b.WriteString("line ")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString("\r\n")
	}
	b.WriteString("needle here\r\n")
	for i := 0; i < 100; i++ {
		b.WriteString("after\r\n")
	}
	srv := newLoopServer(t, b.String())
	h := newHarness(t, srv.Port())
	tab := h.tab
	h.waitUntil("all text", func() bool { return strings.Count(tab.scr.History(), "after") == 100 })
	h.flush() // everything parsed is drawn
	tab.ShowFind()
	test.Type(tab.find.entry, "NEEDLE")
	if tab.find.count.Text != "1 of 1" {
		t.Fatalf("count %q", tab.find.count.Text)
	}
	h.waitUntil("match shown in the widget", func() bool { return strings.Contains(tab.ShownText(), "needle here") })
	tab.find.matchCase.SetChecked(true)
	if tab.find.count.Text != "no matches" {
		t.Fatalf("match case: count %q", tab.find.count.Text)
	}
	tab.find.regexp.SetChecked(true)
	tab.find.entry.SetText("^(needle|af+ter)")
	if tab.find.count.Text != "101 of 101" {
		t.Fatalf("regexp: count %q", tab.find.count.Text)
	}
	tab.find.entry.SetText("(needle")
	if tab.find.count.Text != "not a regular expression: missing closing )" {
		t.Fatalf("bad regexp: count %q", tab.find.count.Text)
	}
	tab.find.regexp.SetChecked(false)
	tab.find.matchCase.SetChecked(false)
	tab.find.hide()
	h.waitUntil("back at the bottom", func() bool { return tab.scr.ViewOffset() == 0 })
	tab.keys.Mods = func() fyne.KeyModifier { return fyne.KeyModifierShift }
	tab.keys.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
	tab.keys.Mods = func() fyne.KeyModifier { return 0 }
	if tab.scr.ViewOffset() == 0 {
		t.Fatal("Shift+PageUp did not scroll")
	}
	if srv.Received() != "" {
		t.Fatalf("Shift+PageUp reached the server: %q", srv.Received())
	}
	tab.Type([]byte("k"))
	if tab.scr.ViewOffset() != 0 {
		t.Fatal("a key press should return to the bottom")
	}
}
