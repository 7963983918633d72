package termkeys

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/screen"
)

// keySink records what the keyboard does.
type keySink struct {
	sent          []string
	copies, pages int
	pastes        int
	ctx           Context
}

func (s *keySink) Type(p []byte)       { s.sent = append(s.sent, string(p)) }
func (s *keySink) KeyContext() Context { return s.ctx }
func (s *keySink) CopySelection()      { s.copies++ }
func (s *keySink) PasteClipboard()     { s.pastes++ }
func (s *keySink) ScrollPage(bool)     { s.pages++ }
func (s *keySink) MoveFocus(back bool) {
	if back {
		s.sent = append(s.sent, "<focus back>")
	} else {
		s.sent = append(s.sent, "<focus on>")
	}
}

// The events Fyne's GLFW driver gives the focused widget for each key
// (window.go: processKeyPressed, triggersShortcut), and what goes out.
func TestKeyboardTakesWhatFyneSends(t *testing.T) {
	test.NewTempApp(t)
	ctrl := fyne.KeyModifierControl
	type step func(k *Keyboard)
	down := func(n fyne.KeyName) step { return func(k *Keyboard) { k.KeyDown(&fyne.KeyEvent{Name: n}) } }
	key := func(n fyne.KeyName, m fyne.KeyModifier) step {
		return func(k *Keyboard) {
			k.Mods = func() fyne.KeyModifier { return m }
			k.TypedKey(&fyne.KeyEvent{Name: n})
		}
	}
	kp := func(n fyne.KeyName, scan int) step {
		return func(k *Keyboard) { k.TypedKey(&fyne.KeyEvent{Name: n, Physical: fyne.HardwareKey{ScanCode: scan}}) }
	}
	sc := func(s fyne.Shortcut) step { return func(k *Keyboard) { k.TypedShortcut(s) } }
	custom := func(n fyne.KeyName, m fyne.KeyModifier) step {
		return sc(&desktop.CustomShortcut{KeyName: n, Modifier: m})
	}
	r := func(c rune) step { return func(k *Keyboard) { k.TypedRune(c) } }
	cases := []struct {
		name   string
		modes  screen.Modes
		steps  []step
		want   []string
		copies int
		pastes int
	}{
		{"Ctrl+Up", screen.Modes{}, []step{down(fyne.KeyUp), custom(fyne.KeyUp, ctrl)}, []string{"\x1b[1;5A"}, 0, 0},
		{"Ctrl+Right", screen.Modes{}, []step{custom(fyne.KeyRight, ctrl)}, []string{"\x1b[1;5C"}, 0, 0},
		{"Shift+Up", screen.Modes{}, []step{key(fyne.KeyUp, fyne.KeyModifierShift)}, []string{"\x1b[1;2A"}, 0, 0},
		{"Up after DECCKM", screen.Modes{AppCursor: true}, []step{key(fyne.KeyUp, 0)}, []string{"\x1bOA"}, 0, 0},
		{"Shift+Tab", screen.Modes{}, []step{key(fyne.KeyTab, fyne.KeyModifierShift)}, []string{"\x1b[Z"}, 0, 0},
		{"Ctrl+Insert copies", screen.Modes{}, []step{down(fyne.KeyInsert), sc(&fyne.ShortcutCopy{})}, nil, 1, 0},
		{"Ctrl+C", screen.Modes{}, []step{down(fyne.KeyC), sc(&fyne.ShortcutCopy{})}, []string{"\x03"}, 0, 0},
		{"Shift+Insert pastes", screen.Modes{}, []step{down(fyne.KeyInsert), sc(&fyne.ShortcutPaste{})}, nil, 0, 1},
		{"Ctrl+V", screen.Modes{}, []step{down(fyne.KeyV), sc(&fyne.ShortcutPaste{})}, []string{"\x16"}, 0, 0},
		{"Shift+Delete", screen.Modes{}, []step{down(fyne.KeyDelete), sc(&fyne.ShortcutCut{})}, []string{"\x1b[3;2~"}, 0, 0},
		{"Ctrl+X", screen.Modes{}, []step{down(fyne.KeyX), sc(&fyne.ShortcutCut{})}, []string{"\x18"}, 0, 0},
		{"Ctrl+Y", screen.Modes{}, []step{sc(&fyne.ShortcutRedo{})}, []string{"\x19"}, 0, 0},
		{"Ctrl+Z", screen.Modes{}, []step{sc(&fyne.ShortcutUndo{})}, []string{"\x1a"}, 0, 0},
		{"Ctrl+A", screen.Modes{}, []step{sc(&fyne.ShortcutSelectAll{})}, []string{"\x01"}, 0, 0},
		{"Ctrl+U", screen.Modes{}, []step{custom(fyne.KeyU, ctrl)}, []string{"\x15"}, 0, 0},
		{"Ctrl+Space", screen.Modes{}, []step{custom(fyne.KeySpace, ctrl)}, []string{"\x00"}, 0, 0},
		{"Alt+x", screen.Modes{}, []step{custom(fyne.KeyX, fyne.KeyModifierAlt)}, []string{"\x1bx"}, 0, 0},
		{"Alt+Shift+1", screen.Modes{}, []step{custom(fyne.Key1, fyne.KeyModifierAlt|fyne.KeyModifierShift)}, []string{"\x1b!"}, 0, 0},
		{"Ctrl+Shift+C copies", screen.Modes{}, []step{custom(fyne.KeyC, ctrl|fyne.KeyModifierShift)}, nil, 1, 0},
		{"Ctrl+Shift+V pastes", screen.Modes{}, []step{custom(fyne.KeyV, ctrl|fyne.KeyModifierShift)}, nil, 0, 1},
		{"Ctrl+Shift+A is Tern's", screen.Modes{}, []step{custom(fyne.KeyA, ctrl|fyne.KeyModifierShift)}, nil, 0, 0},
		{"Ctrl+Shift+Up", screen.Modes{}, []step{custom(fyne.KeyUp, ctrl|fyne.KeyModifierShift)}, []string{"\x1b[1;6A"}, 0, 0},
		{"a letter's key sends nothing, its character does", screen.Modes{}, []step{key(fyne.KeyA, 0), r('a')}, []string{"a"}, 0, 0},
		{"keypad 7 typed", screen.Modes{}, []step{down(fyne.Key7), kp(fyne.Key7, keypadScan('7')), r('7')}, []string{"7"}, 0, 0},
		{"keypad 7 after DECKPAM", screen.Modes{AppKeypad: true}, []step{down(fyne.Key7), kp(fyne.Key7, keypadScan('7')), r('7'), down(fyne.KeyB), r('b')}, []string{"\x1bOw", "b"}, 0, 0},
		{"the 7 above the letters after DECKPAM", screen.Modes{AppKeypad: true}, []step{kp(fyne.Key7, 16), r('7')}, []string{"7"}, 0, 0},
		{"keypad Enter after DECKPAM", screen.Modes{AppKeypad: true}, []step{key(fyne.KeyEnter, 0)}, []string{"\x1bOM"}, 0, 0},
		{"Return in newline mode", screen.Modes{Newline: true}, []step{key(fyne.KeyReturn, 0)}, []string{"\r\n"}, 0, 0},
		{"F6 moves the focus", screen.Modes{}, []step{key(fyne.KeyF6, 0)}, []string{"<focus on>"}, 0, 0},
		{"Shift+F6 moves it back", screen.Modes{}, []step{key(fyne.KeyF6, fyne.KeyModifierShift)}, []string{"<focus back>"}, 0, 0},
		{"Shift+PageUp scrolls", screen.Modes{}, []step{key(fyne.KeyPageUp, fyne.KeyModifierShift)}, nil, 0, 0},
	}
	if keypadSystem("linux") != "x11" {
		t.Fatal("keypad scan codes")
	}
	// Before the widget has a size, Tern's table types every key; once it
	// has one, the widget's own encoding types characters and Ctrl+letters.
	// The bytes are the same either way.
	for _, wired := range []bool{false, true} {
		for _, c := range cases {
			sink := &keySink{ctx: Context{modes: c.modes}}
			k := New(sink)
			k.Mods = func() fyne.KeyModifier { return 0 }
			if wired {
				k.Resize(fyne.NewSize(200, 40))
				if !k.wired {
					t.Fatal("a widget with room for cells is not connected")
				}
			}
			for _, s := range c.steps {
				s(k)
			}
			if len(sink.sent) != len(c.want) || sink.copies != c.copies || sink.pastes != c.pastes {
				t.Errorf("%s (wired %v): sent %q, %d copies, %d pastes; want %q, %d, %d", c.name, wired, sink.sent, sink.copies, sink.pastes, c.want, c.copies, c.pastes)
				continue
			}
			for i := range c.want {
				if sink.sent[i] != c.want[i] {
					t.Errorf("%s (wired %v): sent %q, want %q", c.name, wired, sink.sent, c.want)
				}
			}
		}
	}
}

// The hosted widget's own encoding does the characters and Ctrl+letters
// once it has a size: what it writes reaches the tab, and a widget too
// small for a cell stays unconnected (Tern's table types for it).
func TestHostedWidgetEncodesCharacters(t *testing.T) {
	test.NewTempApp(t)
	sink := &keySink{}
	k := New(sink)
	k.Mods = func() fyne.KeyModifier { return 0 }
	k.Resize(fyne.NewSize(1, 1))
	if k.wired {
		t.Fatal("a widget without room for a cell was connected")
	}
	k.Resize(fyne.NewSize(200, 40))
	if !k.wired {
		t.Fatal("the widget was not connected")
	}
	k.Terminal.TypedRune('é') // straight to the widget: its writer is the tab
	k.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyC, Modifier: fyne.KeyModifierControl})
	k.TypedRune('x')
	want := []string{"é", "\x03", "x"}
	if len(sink.sent) != len(want) {
		t.Fatalf("sent %q, want %q", sink.sent, want)
	}
	for i := range want {
		if sink.sent[i] != want[i] {
			t.Fatalf("sent %q, want %q", sink.sent, want)
		}
	}
}

// keypadScan is the scan code of keypad key c on the system the test runs
// on (keypadScanCodes).
func keypadScan(c rune) int {
	for code, k := range keypadCodes {
		if k == c {
			return code
		}
	}
	return -1
}
