// Package termkeys is a terminal tab's keyboard: the focused widget that
// takes every key, character and shortcut Fyne delivers, and the key table
// (xterm's and PuTTY's encodings) that decides what each sends.
package termkeys

import (
	"io"
	"runtime"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	terminal "github.com/fyne-io/terminal"
)

// Keyboard is the hosted fyne-io/terminal widget as the tab's keyboard:
// it has the focus, and Fyne hands it every key, character and shortcut.
// Tern's key table (keytable.go) decides what each sends, before the
// widget's own encoding, which sends ^U for Ctrl+Up, ^V for Shift+Insert
// and nothing for Shift+Tab. The widget draws nothing: Tern's view shows
// the terminal, and the widget's cursor must never show through it.
type Keyboard struct {
	*terminal.Terminal
	keys Target
	// Mods reads the modifiers held now (the driver's; tests set it).
	Mods func() fyne.KeyModifier

	lastDown fyne.KeyName // the last key pressed, to tell Ctrl+Insert from Ctrl+C
	skipRune bool         // the keypad key just sent in application mode also types its character

	// sizes hears the widget's size in cells; wired says its own encoding
	// writes to the tab (UI goroutine; see Resize).
	sizes chan terminal.Config
	wired bool
}

// Target is what the keyboard drives: the tab. Type takes the bytes a
// key sends; the other keys act on the view.
type Target interface {
	Type(p []byte)
	KeyContext() Context
	CopySelection()
	PasteClipboard()
	ScrollPage(up bool)
	MoveFocus(back bool) // F6 / Shift+F6: on to the assistant, the find bar
}

// New makes the keyboard of keys.
func New(keys Target) *Keyboard {
	k := &Keyboard{Terminal: terminal.New(), keys: keys, Mods: driverModifiers, sizes: make(chan terminal.Config, 1)}
	k.ExtendBaseWidget(k)
	k.AddListener(k.sizes)
	return k
}

// Resize sizes the widget. The first size that holds a cell connects the
// widget's own encoding to the tab: the pinned widget's RunWithConnection
// waits for a size, takes the writer its keys go to and reads the output
// until it ends. Tern draws the screen itself, so the output ends at once,
// the call returns here on the UI goroutine (no goroutine of the widget's,
// no wait) and the widget keeps the writer: characters and Ctrl+letters
// are then encoded by the widget, every other key by Tern's table.
func (k *Keyboard) Resize(s fyne.Size) {
	k.Terminal.Resize(s)
	if k.wired {
		return
	}
	select {
	case c := <-k.sizes:
		if c.Columns == 0 || c.Rows == 0 {
			return
		}
	default:
		return
	}
	k.RemoveListener(k.sizes)
	_ = k.RunWithConnection(widgetInput{k.keys}, noOutput{})
	k.wired = true
}

// widgetInput is where the widget's encoding writes: the tab, as if typed.
type widgetInput struct{ keys Target }

func (w widgetInput) Write(p []byte) (int, error) {
	w.keys.Type(append([]byte(nil), p...))
	return len(p), nil
}

// Close does nothing: the tab outlives the widget's reading loop.
func (widgetInput) Close() error { return nil }

// noOutput is the widget's output: none, Tern draws the screen.
type noOutput struct{}

func (noOutput) Read([]byte) (int, error) { return 0, io.EOF }

func driverModifiers() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

func modsOf(m fyne.KeyModifier) keyMods {
	return keyMods{shift: m&fyne.KeyModifierShift != 0, alt: m&fyne.KeyModifierAlt != 0, ctrl: m&fyne.KeyModifierControl != 0}
}

// CreateRenderer draws nothing: the widget's grid and cursor stay hidden.
func (k *Keyboard) CreateRenderer() fyne.WidgetRenderer { return blankRenderer{} }

// KeyDown notes the key, to tell the shortcuts Fyne makes of Ctrl+Insert,
// Shift+Insert and Shift+Delete from Ctrl+C, Ctrl+V and Ctrl+X.
func (k *Keyboard) KeyDown(e *fyne.KeyEvent) {
	k.skipRune = false
	if !isModifierKey(e.Name) {
		k.lastDown = e.Name
	}
}

// KeyUp does nothing.
func (k *Keyboard) KeyUp(*fyne.KeyEvent) {}

// TypedRune types a character.
func (k *Keyboard) TypedRune(r rune) {
	if k.skipRune {
		k.skipRune = false
		return
	}
	if k.wired {
		k.Terminal.TypedRune(r) // the widget's UTF-8
		return
	}
	k.keys.Type(utf8.AppendRune(nil, r))
}

// TypedKey sends a special key (the characters come through TypedRune).
func (k *Keyboard) TypedKey(e *fyne.KeyEvent) {
	mods := modsOf(k.Mods())
	ctx := k.keys.KeyContext()
	if c, ok := keypadKey(e); ok && ctx.modes.AppKeypad && !mods.ctrl && !mods.alt {
		k.skipRune = c != '\r'
		k.keys.Type([]byte(keypadApp[c]))
		return
	}
	if e.Name == fyne.KeyF6 && !mods.ctrl && !mods.alt {
		k.keys.MoveFocus(mods.shift) // as in browsers and IDEs; never the server's
		return
	}
	if mods.shift && !mods.ctrl && !mods.alt && (e.Name == fyne.KeyPageUp || e.Name == fyne.KeyPageDown) {
		k.keys.ScrollPage(e.Name == fyne.KeyPageUp) // as in PuTTY
		return
	}
	if p := encodeKey(e.Name, mods, ctx); p != nil {
		k.keys.Type(p)
	}
}

// TypedShortcut is a key Fyne took for a shortcut: one with Ctrl or Alt,
// and Shift+Insert, Shift+Delete. Those of the window's menus never come
// here; the rest of Ctrl+Shift+… is Tern's and sends nothing.
func (k *Keyboard) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *desktop.CustomShortcut:
		k.customShortcut(s)
	case *fyne.ShortcutCopy:
		if k.lastDown == fyne.KeyInsert || runtime.GOOS == "darwin" {
			k.keys.CopySelection() // Ctrl+Insert, PuTTY's and Windows' copy
			return
		}
		k.keys.Type([]byte{0x03})
	case *fyne.ShortcutPaste:
		if k.lastDown == fyne.KeyInsert || runtime.GOOS == "darwin" {
			k.keys.PasteClipboard() // Shift+Insert
			return
		}
		k.keys.Type([]byte{0x16})
	case *fyne.ShortcutCut:
		if k.lastDown == fyne.KeyDelete {
			k.keys.Type(encodeKey(fyne.KeyDelete, keyMods{shift: true}, k.keys.KeyContext()))
			return
		}
		k.keys.Type([]byte{0x18})
	case *fyne.ShortcutUndo:
		k.keys.Type([]byte{0x1a})
	case *fyne.ShortcutRedo:
		k.keys.Type([]byte{0x19})
	case *fyne.ShortcutSelectAll:
		k.keys.Type([]byte{0x01})
	}
}

func (k *Keyboard) customShortcut(s *desktop.CustomShortcut) {
	m := s.Modifier
	if m&fyne.KeyModifierSuper != 0 {
		return
	}
	mods := modsOf(m)
	if k.wired && m == fyne.KeyModifierControl && isLetterKey(s.KeyName) {
		k.Terminal.TypedShortcut(s) // the widget's ^A…^Z
		return
	}
	if mods.ctrl && mods.shift {
		switch s.KeyName {
		case fyne.KeyC:
			k.keys.CopySelection()
			return
		case fyne.KeyV:
			k.keys.PasteClipboard()
			return
		}
		if _, special := keyRows[s.KeyName]; !special {
			return // Ctrl+Shift+letter: Tern's shortcuts
		}
	}
	ctx := k.keys.KeyContext()
	if p := encodeKey(s.KeyName, mods, ctx); p != nil {
		k.keys.Type(p)
		return
	}
	if runtime.GOOS == "windows" && mods.ctrl && mods.alt {
		return // AltGr, which Windows reports as Ctrl+Alt: its character comes as a rune
	}
	if c, ok := keyChar(s.KeyName, mods.shift); ok {
		if p := encodeChar(c, mods, ctx.kb); p != nil {
			k.keys.Type(p)
		}
	}
}

// keyChar is the character of a key Fyne names, as a US keyboard types
// it (Fyne names the key, not the character, when Ctrl or Alt is held).
func keyChar(name fyne.KeyName, shift bool) (rune, bool) {
	if name == fyne.KeySpace {
		return ' ', true
	}
	r, size := utf8.DecodeRuneInString(string(name))
	if size != len(name) || r == utf8.RuneError {
		return 0, false
	}
	if r >= 'A' && r <= 'Z' {
		if shift {
			return r, true
		}
		return r - 'A' + 'a', true
	}
	if shift {
		const plain, shifted = "1234567890-=[]\\;'`,./", "!@#$%^&*()_+{}|:\"~<>?"
		for i, c := range plain {
			if c == r {
				return rune(shifted[i]), true
			}
		}
	}
	return r, true
}

func isLetterKey(n fyne.KeyName) bool {
	return len(n) == 1 && n[0] >= 'A' && n[0] <= 'Z'
}

func isModifierKey(n fyne.KeyName) bool {
	switch n {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight, desktop.KeyControlLeft, desktop.KeyControlRight,
		desktop.KeyAltLeft, desktop.KeyAltRight, desktop.KeySuperLeft, desktop.KeySuperRight:
		return true
	}
	return false
}

// blankRenderer draws nothing.
type blankRenderer struct{}

func (blankRenderer) Layout(fyne.Size)             {}
func (blankRenderer) MinSize() fyne.Size           { return fyne.Size{} }
func (blankRenderer) Refresh()                     {}
func (blankRenderer) Objects() []fyne.CanvasObject { return nil }
func (blankRenderer) Destroy()                     {}
