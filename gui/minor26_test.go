package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/protocol"
)

// TestTabButtonsNeedATab: Reconnect, Disconnect, Send … are disabled
// while there is no tab, enabled with one, disabled again once it closed.
func TestTabButtonsNeedATab(t *testing.T) {
	srv := newLoopServer(t, "hello\r\n")
	w := newTestWindow(t)
	enabled := func() (n int) {
		for _, b := range w.tabButtons {
			if !b.Disabled() {
				n++
			}
		}
		return n
	}
	if n := enabled(); n != 0 {
		t.Fatalf("%d tab buttons enabled with no tab", n)
	}
	tab := openTab(t, w, srv.Port())
	waitUntil(t, "connected", func() bool { return tab.State() == protocol.StateConnected })
	if n := enabled(); n != len(w.tabButtons) {
		t.Fatalf("%d of %d tab buttons enabled with a tab", n, len(w.tabButtons))
	}
	w.closeTab(tab, false)
	if n := enabled(); n != 0 {
		t.Fatalf("%d tab buttons enabled after the last tab closed", n)
	}
}

// TestDeleteSessionDefaultsToKeeping: Enter in "Delete session?" keeps the
// session; so does Escape from its focused Delete button.
func TestDeleteSessionDefaultsToKeeping(t *testing.T) {
	w := newTestWindow(t)
	var answers []bool
	w.dialogs.RiskyConfirm("Delete session?", "Delete the saved session \"x\"? This cannot be undone.", "Delete", func(ok bool) { answers = append(answers, ok) })
	widgetstest.PressKey(w.win, fyne.KeyReturn)
	w.dialogs.RiskyConfirm("Delete session?", "…", "Delete", func(ok bool) { answers = append(answers, ok) })
	var del *widgets.Button
	walkOverlay(w, func(o fyne.CanvasObject) {
		if b, ok := o.(*widgets.Button); ok && b.Text == "Delete" {
			del = b
		}
	})
	w.win.Canvas().Focus(del)
	widgetstest.PressKey(w.win, fyne.KeyEscape)
	if len(answers) != 2 || answers[0] || answers[1] || w.dialogs.Len() != 0 {
		t.Fatalf("answers %v, %d dialogs left", answers, w.dialogs.Len())
	}
	w.dialogs.RiskyConfirm("Delete session?", "…", "Delete", func(ok bool) { answers = append(answers, ok) })
	test.Tap(widgetstest.Button(t, w.win, "Delete"))
	if len(answers) != 3 || !answers[2] {
		t.Fatalf("Delete pressed: answers %v", answers)
	}
}

// TestCtrlQQuits: the Session menu ends with Quit on Ctrl+Q.
func TestCtrlQQuits(t *testing.T) {
	w := newTestWindow(t)
	items := w.menu().Items[0].Items
	quit := items[len(items)-1]
	sc, ok := quit.Shortcut.(interface{ ShortcutName() string })
	if !quit.IsQuit || !ok || !strings.Contains(sc.ShortcutName(), "Q") {
		t.Fatalf("last Session item %q, shortcut %v", quit.Label, quit.Shortcut)
	}
}

// TestNewSessionEscapeFromAnyControl: Escape closes New session whichever
// of its controls has the focus (a focused button, select or check used
// to swallow it), and Ctrl+Shift+T with the dialog open focuses it
// instead of stacking a second (issue 26, major 7).
func TestNewSessionEscapeFromAnyControl(t *testing.T) {
	w := newTestWindow(t)
	controls := func() []fyne.Focusable {
		var all []fyne.Focusable
		walkOverlay(w, func(o fyne.CanvasObject) {
			if f, ok := o.(fyne.Focusable); ok && o.Visible() {
				all = append(all, f)
			}
		})
		return all
	}
	c := sessionDialogs{w}.showNew()
	n := len(controls())
	if n < 10 {
		t.Fatalf("only %d controls in New session", n)
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			c = sessionDialogs{w}.showNew()
		}
		if again := (sessionDialogs{w}).showNew(); again != c || w.dialogs.Len() != 1 {
			t.Fatalf("a second New session: %d dialogs", w.dialogs.Len())
		}
		f := controls()[i] // the same place in a fresh dialog
		w.win.Canvas().Focus(f)
		f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if w.dialogs.Len() != 0 {
			t.Fatalf("Escape in control %d (%T) left New session open", i, f)
		}
	}
}
