package termkeys

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/screen"
	"github.com/tern-telnet/tern/gui/settings"
)

// What xterm 379 sends (TERM=xterm, measured through nc on a raw pty with
// the keys pressed through XTEST), in normal mode and after DECCKM.
var xtermKeys = []struct {
	key         fyne.KeyName
	normal, app string
}{
	{fyne.KeyUp, "\x1b[A", "\x1bOA"}, {fyne.KeyDown, "\x1b[B", "\x1bOB"},
	{fyne.KeyRight, "\x1b[C", "\x1bOC"}, {fyne.KeyLeft, "\x1b[D", "\x1bOD"},
	{fyne.KeyHome, "\x1b[H", "\x1bOH"}, {fyne.KeyEnd, "\x1b[F", "\x1bOF"},
	{fyne.KeyInsert, "\x1b[2~", "\x1b[2~"}, {fyne.KeyDelete, "\x1b[3~", "\x1b[3~"},
	{fyne.KeyPageUp, "\x1b[5~", "\x1b[5~"}, {fyne.KeyPageDown, "\x1b[6~", "\x1b[6~"},
	{fyne.KeyF1, "\x1bOP", "\x1bOP"}, {fyne.KeyF2, "\x1bOQ", "\x1bOQ"},
	{fyne.KeyF3, "\x1bOR", "\x1bOR"}, {fyne.KeyF4, "\x1bOS", "\x1bOS"},
	{fyne.KeyF5, "\x1b[15~", "\x1b[15~"}, {fyne.KeyF6, "\x1b[17~", "\x1b[17~"},
	{fyne.KeyF7, "\x1b[18~", "\x1b[18~"}, {fyne.KeyF8, "\x1b[19~", "\x1b[19~"},
	{fyne.KeyF9, "\x1b[20~", "\x1b[20~"}, {fyne.KeyF10, "\x1b[21~", "\x1b[21~"},
	{fyne.KeyF11, "\x1b[23~", "\x1b[23~"}, {fyne.KeyF12, "\x1b[24~", "\x1b[24~"},
	{fyne.KeyTab, "\t", "\t"}, {fyne.KeyReturn, "\r", "\r"}, {fyne.KeyEnter, "\r", "\r"},
	{fyne.KeyBackspace, "\x7f", "\x7f"}, {fyne.KeyEscape, "\x1b", "\x1b"},
}

func TestEveryKeyInNormalAndApplicationMode(t *testing.T) {
	tested := map[fyne.KeyName]bool{}
	for _, c := range xtermKeys {
		tested[c.key] = true
		for _, app := range []bool{false, true} {
			want := c.normal
			if app {
				want = c.app
			}
			got := encodeKey(c.key, keyMods{}, Context{modes: screen.Modes{AppCursor: app}})
			if string(got) != want {
				t.Errorf("%s (DECCKM %v): got %q, want %q", c.key, app, got, want)
			}
		}
	}
	for _, r := range keyTable {
		if !tested[r.name] {
			t.Errorf("row %s of the key table is not tested", r.name)
		}
	}
}

var (
	shift = keyMods{shift: true}
	ctrl  = keyMods{ctrl: true}
	alt   = keyMods{alt: true}
)

// The table and the rest of the modifiers, as xterm sends them
// (Alt: PuTTY's ESC prefix, or xterm's 8-bit meta when set).
func TestModifiedKeys(t *testing.T) {
	app := screen.Modes{AppCursor: true}
	meta := settings.Keyboard{Meta8Bit: true}
	cases := []struct {
		key   fyne.KeyName
		mods  keyMods
		modes screen.Modes
		kb    settings.Keyboard
		want  string
	}{
		{fyne.KeyUp, ctrl, screen.Modes{}, settings.Keyboard{}, "\x1b[1;5A"},
		{fyne.KeyUp, ctrl, app, settings.Keyboard{}, "\x1b[1;5A"},
		{fyne.KeyRight, ctrl, screen.Modes{}, settings.Keyboard{}, "\x1b[1;5C"},
		{fyne.KeyUp, shift, screen.Modes{}, settings.Keyboard{}, "\x1b[1;2A"},
		{fyne.KeyUp, alt, screen.Modes{}, settings.Keyboard{}, "\x1b[1;3A"},
		{fyne.KeyUp, keyMods{ctrl: true, shift: true}, screen.Modes{}, settings.Keyboard{}, "\x1b[1;6A"},
		{fyne.KeyHome, shift, screen.Modes{}, settings.Keyboard{}, "\x1b[1;2H"},
		{fyne.KeyEnd, ctrl, app, settings.Keyboard{}, "\x1b[1;5F"},
		{fyne.KeyInsert, ctrl, screen.Modes{}, settings.Keyboard{}, "\x1b[2;5~"},
		{fyne.KeyDelete, shift, screen.Modes{}, settings.Keyboard{}, "\x1b[3;2~"},
		{fyne.KeyDelete, ctrl, screen.Modes{}, settings.Keyboard{}, "\x1b[3;5~"},
		{fyne.KeyPageUp, ctrl, screen.Modes{}, settings.Keyboard{}, "\x1b[5;5~"},
		{fyne.KeyF1, shift, screen.Modes{}, settings.Keyboard{}, "\x1b[1;2P"},
		{fyne.KeyF1, ctrl, screen.Modes{}, settings.Keyboard{}, "\x1b[1;5P"},
		{fyne.KeyF1, alt, screen.Modes{}, settings.Keyboard{}, "\x1b[1;3P"},
		{fyne.KeyF5, shift, screen.Modes{}, settings.Keyboard{}, "\x1b[15;2~"},
		{fyne.KeyF5, keyMods{ctrl: true, shift: true}, screen.Modes{}, settings.Keyboard{}, "\x1b[15;6~"},
		{fyne.KeyTab, shift, screen.Modes{}, settings.Keyboard{}, "\x1b[Z"},
		{fyne.KeyTab, ctrl, screen.Modes{}, settings.Keyboard{}, "\t"},
		{fyne.KeyReturn, shift, screen.Modes{}, settings.Keyboard{}, "\r"},
		{fyne.KeyReturn, ctrl, screen.Modes{}, settings.Keyboard{}, "\r"},
		{fyne.KeyReturn, alt, screen.Modes{}, settings.Keyboard{}, "\x1b\r"},
		{fyne.KeyReturn, keyMods{}, screen.Modes{Newline: true}, settings.Keyboard{}, "\r\n"},
		{fyne.KeyBackspace, shift, screen.Modes{}, settings.Keyboard{}, "\x7f"},
		{fyne.KeyBackspace, ctrl, screen.Modes{}, settings.Keyboard{}, "\x08"},
		{fyne.KeyBackspace, alt, screen.Modes{}, settings.Keyboard{}, "\x1b\x7f"},
		{fyne.KeyBackspace, alt, screen.Modes{}, meta, "ÿ"},
		{fyne.KeyEscape, alt, screen.Modes{}, settings.Keyboard{}, "\x1b\x1b"},
		{fyne.KeyHome, keyMods{}, screen.Modes{}, settings.Keyboard{RxvtHomeEnd: true}, "\x1b[H"},
		{fyne.KeyEnd, keyMods{}, app, settings.Keyboard{RxvtHomeEnd: true}, "\x1bOw"},
		{fyne.KeyX, keyMods{}, screen.Modes{}, settings.Keyboard{}, ""}, // typed as a character
	}
	for _, c := range cases {
		got := encodeKey(c.key, c.mods, Context{modes: c.modes, kb: c.kb})
		if string(got) != c.want {
			t.Errorf("%s %+v %+v %+v: got %q, want %q", c.key, c.mods, c.modes, c.kb, got, c.want)
		}
	}
}

// Characters with Ctrl or Alt, as xterm sends them (Alt: ESC first, or
// xterm's 8-bit meta).
func TestCtrlAndAltCharacters(t *testing.T) {
	meta := settings.Keyboard{Meta8Bit: true}
	cases := []struct {
		c    rune
		mods keyMods
		kb   settings.Keyboard
		want string
	}{
		{'a', ctrl, settings.Keyboard{}, "\x01"},
		{'c', ctrl, settings.Keyboard{}, "\x03"},
		{' ', ctrl, settings.Keyboard{}, "\x00"},
		{'2', ctrl, settings.Keyboard{}, "\x00"},
		{'3', ctrl, settings.Keyboard{}, "\x1b"},
		{'4', ctrl, settings.Keyboard{}, "\x1c"},
		{'5', ctrl, settings.Keyboard{}, "\x1d"},
		{'6', ctrl, settings.Keyboard{}, "\x1e"},
		{'7', ctrl, settings.Keyboard{}, "\x1f"},
		{'8', ctrl, settings.Keyboard{}, "\x7f"},
		{'/', ctrl, settings.Keyboard{}, "\x1f"},
		{'[', ctrl, settings.Keyboard{}, "\x1b"},
		{'\\', ctrl, settings.Keyboard{}, "\x1c"},
		{']', ctrl, settings.Keyboard{}, "\x1d"},
		{'-', ctrl, settings.Keyboard{}, "-"},
		{'x', alt, settings.Keyboard{}, "\x1bx"},
		{'X', alt, settings.Keyboard{}, "\x1bX"},
		{'x', alt, meta, "ø"},
		{'X', alt, meta, "Ø"},
		{'1', alt, meta, "±"},
		{';', alt, meta, "»"},
		{'a', keyMods{ctrl: true, alt: true}, settings.Keyboard{}, "\x1b\x01"},
		{'a', keyMods{ctrl: true, alt: true}, meta, "\u0081"},
	}
	for _, c := range cases {
		if got := encodeChar(c.c, c.mods, c.kb); string(got) != c.want {
			t.Errorf("%q %+v %+v: got %q, want %q", c.c, c.mods, c.kb, got, c.want)
		}
	}
}

// PuTTY's "Function keys and keypad" and "Home and End keys" choices, as
// PuTTY 0.78 sends them (measured as xterm was, one session per choice).
func TestPuTTYFunctionKeyEncodings(t *testing.T) {
	cases := []struct {
		f    settings.FunctionKeys
		rxvt bool
		key  fyne.KeyName
		mods keyMods
		want string
	}{
		{settings.FunctionKeysTilde, false, fyne.KeyF1, keyMods{}, "\x1b[11~"},
		{settings.FunctionKeysTilde, false, fyne.KeyF5, keyMods{}, "\x1b[15~"},
		{settings.FunctionKeysTilde, false, fyne.KeyF1, shift, "\x1b[23~"},
		{settings.FunctionKeysTilde, false, fyne.KeyF12, keyMods{}, "\x1b[24~"},
		{settings.FunctionKeysTilde, false, fyne.KeyHome, keyMods{}, "\x1b[1~"},
		{settings.FunctionKeysTilde, false, fyne.KeyEnd, keyMods{}, "\x1b[4~"},
		{settings.FunctionKeysTilde, true, fyne.KeyHome, keyMods{}, "\x1b[H"},
		{settings.FunctionKeysTilde, true, fyne.KeyEnd, keyMods{}, "\x1bOw"},
		{settings.FunctionKeysLinux, false, fyne.KeyF1, keyMods{}, "\x1b[[A"},
		{settings.FunctionKeysLinux, false, fyne.KeyF5, keyMods{}, "\x1b[[E"},
		{settings.FunctionKeysLinux, false, fyne.KeyF6, keyMods{}, "\x1b[17~"},
		{settings.FunctionKeysXtermR6, false, fyne.KeyF1, keyMods{}, "\x1bOP"},
		{settings.FunctionKeysXtermR6, false, fyne.KeyF5, keyMods{}, "\x1b[15~"},
		{settings.FunctionKeysXtermR6, false, fyne.KeyHome, keyMods{}, "\x1b[1~"},
		{settings.FunctionKeysVT400, false, fyne.KeyHome, keyMods{}, "\x1b[2~"},
		{settings.FunctionKeysVT400, false, fyne.KeyInsert, keyMods{}, "\x1b[1~"},
		{settings.FunctionKeysVT400, false, fyne.KeyDelete, keyMods{}, "\x1b[4~"},
		{settings.FunctionKeysVT400, false, fyne.KeyPageUp, keyMods{}, "\x1b[3~"},
		{settings.FunctionKeysVT100Plus, false, fyne.KeyF1, keyMods{}, "\x1bOP"},
		{settings.FunctionKeysVT100Plus, false, fyne.KeyF10, keyMods{}, "\x1bOY"},
		{settings.FunctionKeysVT100Plus, false, fyne.KeyF12, keyMods{}, "\x1bO["},
		{settings.FunctionKeysSCO, false, fyne.KeyF1, keyMods{}, "\x1b[M"},
		{settings.FunctionKeysSCO, false, fyne.KeyF1, shift, "\x1b[Y"},
		{settings.FunctionKeysSCO, false, fyne.KeyF1, ctrl, "\x1b[k"},
		{settings.FunctionKeysSCO, false, fyne.KeyHome, keyMods{}, "\x1b[H"},
		{settings.FunctionKeysSCO, false, fyne.KeyPageDown, keyMods{}, "\x1b[G"},
		{settings.FunctionKeysTilde, false, fyne.KeyUp, ctrl, "\x1b[1;5A"}, // cursor keys stay xterm's
	}
	for _, c := range cases {
		kb := settings.Keyboard{FunctionKeys: c.f, RxvtHomeEnd: c.rxvt}
		if got := encodeKey(c.key, c.mods, Context{kb: kb}); string(got) != c.want {
			t.Errorf("%s rxvt %v %s %+v: got %q, want %q", c.f, c.rxvt, c.key, c.mods, got, c.want)
		}
	}
}

// FuzzEncodeKey: whatever key name, character, modifiers, modes and
// settings Fyne or a profile hands in, the encoder does not panic, and a
// key it knows always sends something short.
func FuzzEncodeKey(f *testing.F) {
	for _, r := range keyTable {
		f.Add(string(r.name), uint8(0), uint8(0), uint8(0))
		f.Add(string(r.name), uint8(7), uint8(3), uint8(6))
	}
	f.Add("A", uint8(4), uint8(0), uint8(0))
	f.Add("Space", uint8(2), uint8(0), uint8(1))
	f.Fuzz(func(t *testing.T, name string, mods, modes, kb uint8) {
		m := keyMods{shift: mods&1 != 0, alt: mods&2 != 0, ctrl: mods&4 != 0}
		ctx := Context{modes: screen.Modes{AppCursor: modes&1 != 0, Newline: modes&2 != 0, AppKeypad: modes&4 != 0},
			kb: settings.Keyboard{FunctionKeys: settings.FunctionKeys(kb % 8), RxvtHomeEnd: kb&8 != 0, Meta8Bit: kb&16 != 0}}
		p := encodeKey(fyne.KeyName(name), m, ctx)
		if _, known := keyRows[fyne.KeyName(name)]; known && (len(p) == 0 || len(p) > 12) {
			t.Fatalf("%q %+v %+v: %q", name, m, ctx, p)
		}
		if c, ok := keyChar(fyne.KeyName(name), m.shift); ok {
			if q := encodeChar(c, m, ctx.kb); len(q) > 8 {
				t.Fatalf("%q: %q", name, q)
			}
		}
	})
}
