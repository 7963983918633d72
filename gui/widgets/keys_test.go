package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// TestButtonPressesOnKeyUp: Space or Enter on a focused button presses it
// when the key comes up, after Space's character reached the button, so
// that nothing leaks to what has the focus once the dialog closed; Escape
// and F6 go on to the window (issue 26, major 6).
func TestButtonPressesOnKeyUp(t *testing.T) {
	test.NewTempApp(t)
	for _, k := range []fyne.KeyName{fyne.KeySpace, fyne.KeyReturn, fyne.KeyEnter} {
		taps := 0
		b := NewButton("Log on", func() { taps++ })
		w := test.NewWindow(b)
		var passed []fyne.KeyName
		w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) { passed = append(passed, e.Name) })
		w.Canvas().Focus(b)
		b.KeyDown(&fyne.KeyEvent{Name: k})
		b.TypedKey(&fyne.KeyEvent{Name: k})
		b.TypedRune(' ')
		if taps != 0 {
			t.Fatalf("%s pressed the button before it came up", k)
		}
		b.KeyUp(&fyne.KeyEvent{Name: k})
		if taps != 1 {
			t.Fatalf("%s: %d taps after the key came up, want 1", k, taps)
		}
		b.KeyUp(&fyne.KeyEvent{Name: k}) // a second release presses nothing
		b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		b.TypedKey(&fyne.KeyEvent{Name: fyne.KeyF6})
		if taps != 1 || len(passed) != 2 || passed[0] != fyne.KeyEscape || passed[1] != fyne.KeyF6 {
			t.Fatalf("%s: taps %d, keys passed on %v", k, taps, passed)
		}
		w.Close()
	}
}

// TestControlsPassEscapeOn: a focused Select, Check or field hands Escape
// to the window, which closes the dialog in front.
func TestControlsPassEscapeOn(t *testing.T) {
	test.NewTempApp(t)
	for _, o := range []fyne.Focusable{NewSelect([]string{"a"}, nil), NewCheck("c", nil), NewEscEntry(false, nil)} {
		w := test.NewWindow(o.(fyne.CanvasObject))
		escaped := 0
		w.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
			if e.Name == fyne.KeyEscape {
				escaped++
			}
		})
		w.Canvas().Focus(o)
		o.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		if escaped != 1 {
			t.Fatalf("%T swallowed Escape", o)
		}
		w.Close()
	}
}

// TestTabLeavesAMultiLineField: Tab moves on from To or Body instead of
// typing a tab character, so the keyboard is never held in a field.
func TestTabLeavesAMultiLineField(t *testing.T) {
	test.NewTempApp(t)
	to, subject := NewEscEntry(true, nil), NewEscEntry(false, nil)
	w := test.NewWindow(container.NewVBox(to, subject))
	defer w.Close()
	if to.AcceptsTab() {
		t.Fatal("a multi-line field takes Tab")
	}
	w.Canvas().Focus(to)
	w.Canvas().FocusNext()
	if w.Canvas().Focused() != subject {
		t.Fatal("Tab did not move on from the multi-line field")
	}
}
