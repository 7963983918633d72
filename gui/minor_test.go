package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/protocol"
)

func TestCountsInWords(t *testing.T) {
	tests := []struct {
		n     int
		still string
	}{
		{0, "0 sessions are still connected."},
		{1, "1 session is still connected."},
		{2, "2 sessions are still connected."},
	}
	for _, tt := range tests {
		if got := connectedText(tt.n); got != tt.still {
			t.Errorf("connectedText(%d) = %q", tt.n, got)
		}
	}
}

// TestWindowSizeIsRemembered: the next window opens at the size the last
// one had when Tern quit.
func TestWindowSizeIsRemembered(t *testing.T) {
	w := newTestWindow(t)
	w.win.Resize(fyne.NewSize(1000, 650))
	w.confirmQuit() // no live session: quits at once
	next := newMainWindow(w.app, Options{Store: w.store}, fyneDo)
	defer next.ticker.Stop()
	if got := next.win.Canvas().Size(); got != fyne.NewSize(1000, 650) {
		t.Fatalf("the next window is %v", got)
	}
}

// TestClosedTabAndStatusLine: a closed tab's mark is not the close
// button's ✕, and the status line names the address once.
func TestClosedTabAndStatusLine(t *testing.T) {
	srv, _, tab := connectedTab(t)
	line := statusLine(tab)
	if strings.Count(line, srv.Port()) != 1 || strings.Contains(line, "at 127.0.0.1:") {
		t.Fatalf("status line %q", line)
	}
	tab.Disconnect()
	waitUntil(t, "closed", func() bool { return tab.State() == protocol.StateClosed })
	if tab.Item().Icon.Name() == theme.CancelIcon().Name() {
		t.Fatal("a closed tab shows the close button's icon")
	}
}

// TestSettingsShowsTheTextSize: the slider's value is shown beside it.
func TestSettingsShowsTheTextSize(t *testing.T) {
	w := newTestWindow(t)
	w.showSettings()
	if !strings.Contains(widgetstest.Labels(w.win), "100 %") {
		t.Fatalf("the Settings dialog shows:\n%s", widgetstest.Labels(w.win))
	}
}

// TestSettingsButtonsKeepKeysFromTheSession: the Settings dialog has
// Tern's buttons, as the other dialogs do (issue 26, major 6): Escape on a
// focused button or the theme choice cancels, nothing is saved, and
// Enter in Scrollback lines saves.
func TestSettingsButtonsKeepKeysFromTheSession(t *testing.T) {
	w := newTestWindow(t)
	for _, focus := range []string{"Save", "Cancel", "theme"} {
		w.showSettings()
		var target fyne.Focusable
		walkOverlay(w, func(o fyne.CanvasObject) {
			switch o := o.(type) {
			case *widget.Button:
				if o.Text != "" { // not a part of another widget
					t.Errorf("Fyne's own button %q in Settings", o.Text)
				}
			case *widgets.Button:
				if o.Text == focus {
					target = o
				}
			case *widgets.Select:
				if focus == "theme" {
					target = o
				}
			}
		})
		if target == nil {
			t.Fatalf("no %s in Settings", focus)
		}
		w.win.Canvas().Focus(target)
		target.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if w.dialogs.Len() != 0 {
			t.Fatalf("Escape on %s left Settings open", focus)
		}
	}
	w.showSettings()
	lines := w.win.Canvas().Focused().(*widgets.EscEntry)
	lines.SetText("1234")
	widgetstest.PressKey(w.win, fyne.KeyReturn)
	if w.dialogs.Len() != 0 || w.prefs.Scrollback != 1234 {
		t.Fatalf("Enter in Scrollback lines: %d dialogs, scrollback %d", w.dialogs.Len(), w.prefs.Scrollback)
	}
}
