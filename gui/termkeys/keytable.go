package termkeys

import (
	"fmt"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/screen"
	"github.com/tern-telnet/tern/gui/settings"
)

// The key table: what each special key sends, as xterm does for
// TERM=xterm (measured against xterm 379 through nc on a raw pty). It is
// the one source of the encoding; keyboard.go only finds the row.
//
// mod is the key with modifiers, %d being xterm's parameter: 1 + Shift
// + 2·Alt + 4·Ctrl (Ctrl+Up is ESC[1;5A). Where it is "", a modifier
// changes nothing but Alt, which sends ESC first (PuTTY's habit, see
// settings.Keyboard.Meta8Bit). Backspace (DEL) and Return (CR, CR LF in
// newline mode) are the session's: it sends ^? or ^H, its Enter (CR LF,
// CR NUL) and, in newline mode over Telnet, a LF after it; the ^H of
// Ctrl+Backspace is data (see protocol.Session.Write).
var keyTable = []keyRow{
	// key            sends       DECCKM      modified        Shift
	{fyne.KeyUp, "\x1b[A", "\x1bOA", "\x1b[1;%dA", ""},
	{fyne.KeyDown, "\x1b[B", "\x1bOB", "\x1b[1;%dB", ""},
	{fyne.KeyRight, "\x1b[C", "\x1bOC", "\x1b[1;%dC", ""},
	{fyne.KeyLeft, "\x1b[D", "\x1bOD", "\x1b[1;%dD", ""},
	{fyne.KeyHome, "\x1b[H", "\x1bOH", "\x1b[1;%dH", ""},
	{fyne.KeyEnd, "\x1b[F", "\x1bOF", "\x1b[1;%dF", ""},
	{fyne.KeyInsert, "\x1b[2~", "", "\x1b[2;%d~", ""},
	{fyne.KeyDelete, "\x1b[3~", "", "\x1b[3;%d~", ""},
	{fyne.KeyPageUp, "\x1b[5~", "", "\x1b[5;%d~", ""},
	{fyne.KeyPageDown, "\x1b[6~", "", "\x1b[6;%d~", ""},
	{fyne.KeyF1, "\x1bOP", "", "\x1b[1;%dP", ""},
	{fyne.KeyF2, "\x1bOQ", "", "\x1b[1;%dQ", ""},
	{fyne.KeyF3, "\x1bOR", "", "\x1b[1;%dR", ""},
	{fyne.KeyF4, "\x1bOS", "", "\x1b[1;%dS", ""},
	{fyne.KeyF5, "\x1b[15~", "", "\x1b[15;%d~", ""},
	{fyne.KeyF6, "\x1b[17~", "", "\x1b[17;%d~", ""},
	{fyne.KeyF7, "\x1b[18~", "", "\x1b[18;%d~", ""},
	{fyne.KeyF8, "\x1b[19~", "", "\x1b[19;%d~", ""},
	{fyne.KeyF9, "\x1b[20~", "", "\x1b[20;%d~", ""},
	{fyne.KeyF10, "\x1b[21~", "", "\x1b[21;%d~", ""},
	{fyne.KeyF11, "\x1b[23~", "", "\x1b[23;%d~", ""},
	{fyne.KeyF12, "\x1b[24~", "", "\x1b[24;%d~", ""},
	{fyne.KeyTab, "\t", "", "", "\x1b[Z"},
	{fyne.KeyReturn, "\r", "", "", ""},      // CR LF in newline mode (LNM)
	{fyne.KeyEnter, "\r", "", "", ""},       // keypad: ESC OM in application mode
	{fyne.KeyBackspace, "\x7f", "", "", ""}, // Ctrl+Backspace: ^H
	{fyne.KeyEscape, "\x1b", "", "", ""},
}

// keypadApp is what the numeric keypad sends in application keypad mode
// (DECKPAM, ESC =), as a VT100 does; in numeric mode it types its
// characters.
var keypadApp = map[rune]string{
	'0': "\x1bOp", '1': "\x1bOq", '2': "\x1bOr", '3': "\x1bOs", '4': "\x1bOt",
	'5': "\x1bOu", '6': "\x1bOv", '7': "\x1bOw", '8': "\x1bOx", '9': "\x1bOy",
	'.': "\x1bOn", '+': "\x1bOk", '-': "\x1bOm", '*': "\x1bOj", '/': "\x1bOo", '\r': "\x1bOM",
}

// keyRow is one special key of keyTable.
type keyRow struct {
	name                 fyne.KeyName
	normal, app, mod, sh string
}

// keyMods are the modifiers held with a key.
type keyMods struct{ shift, alt, ctrl bool }

// param is xterm's modifier parameter (1 for none).
func (m keyMods) param() int {
	p := 1
	if m.shift {
		p++
	}
	if m.alt {
		p += 2
	}
	if m.ctrl {
		p += 4
	}
	return p
}

// Context is what, besides the key, decides what it sends: the
// server's modes and the session's keyboard settings.
type Context struct {
	modes screen.Modes
	kb    settings.Keyboard
}

// ContextOf is the context of the server's modes and the session's
// keyboard settings.
func ContextOf(modes screen.Modes, kb settings.Keyboard) Context {
	return Context{modes: modes, kb: kb}
}

var keyRows = func() map[fyne.KeyName]keyRow {
	m := make(map[fyne.KeyName]keyRow, len(keyTable))
	for _, r := range keyTable {
		m[r.name] = r
	}
	return m
}()

// encodeKey is what a special key sends, or nil when name is not one.
func encodeKey(name fyne.KeyName, mods keyMods, ctx Context) []byte {
	row, ok := keyRows[name]
	if !ok {
		return nil
	}
	if s, ok := puttyKey(name, mods, ctx.kb); ok {
		return withAlt(s, mods, ctx.kb)
	}
	if ctx.kb.RxvtHomeEnd && mods == (keyMods{}) && (name == fyne.KeyHome || name == fyne.KeyEnd) {
		return []byte(map[fyne.KeyName]string{fyne.KeyHome: "\x1b[H", fyne.KeyEnd: "\x1bOw"}[name])
	}
	switch {
	case row.mod != "" && mods != (keyMods{}):
		return fmt.Appendf(nil, row.mod, mods.param())
	case name == fyne.KeyReturn && ctx.modes.Newline:
		return withAlt("\r\n", mods, ctx.kb)
	case name == fyne.KeyBackspace && mods.ctrl:
		return withAlt("\x08", mods, ctx.kb)
	case row.sh != "" && mods.shift:
		return withAlt(row.sh, mods, ctx.kb)
	case row.app != "" && ctx.modes.AppCursor:
		return []byte(row.app)
	}
	return withAlt(row.normal, mods, ctx.kb)
}

// withAlt is s as Alt sends it: ESC first, or with the eighth bit set
// (8-bit meta: a one-character s only, encoded as UTF-8 as xterm does).
func withAlt(s string, mods keyMods, kb settings.Keyboard) []byte {
	switch {
	case !mods.alt:
		return []byte(s)
	case !kb.Meta8Bit:
		return append([]byte{0x1b}, s...)
	case len(s) == 1 && s[0] < 0x80:
		return utf8.AppendRune(nil, rune(s[0])|0x80)
	}
	return []byte(s)
}

// encodeChar is what a character key sends with Ctrl or Alt held (the
// toolkit types plain and shifted characters itself), or nil when xterm
// sends nothing for it. c is the key's character, shifted when Shift
// was held.
func encodeChar(c rune, mods keyMods, kb settings.Keyboard) []byte {
	if mods.ctrl {
		ctl, ok := controlChar(c)
		if !ok {
			if !mods.alt {
				return utf8.AppendRune(nil, c) // Ctrl+- is -, as in xterm
			}
			ctl = c
		}
		return withAlt(string(ctl), mods, kb)
	}
	if c >= 0x80 {
		return utf8.AppendRune(nil, c)
	}
	return withAlt(string(c), mods, kb)
}

// controlChar is the control character Ctrl makes of c, as xterm makes
// it: Ctrl+A is ^A, Ctrl+2 and Ctrl+Space NUL, Ctrl+3 to Ctrl+7 ESC to
// ^_, Ctrl+8 DEL, Ctrl+/ ^_.
func controlChar(c rune) (rune, bool) {
	switch {
	case c >= 'a' && c <= 'z':
		return c - 'a' + 1, true
	case c >= '@' && c <= '_':
		return c - '@', true
	case c == ' ' || c == '2':
		return 0, true
	case c >= '3' && c <= '7':
		return c - '3' + 0x1b, true
	case c == '8':
		return 0x7f, true
	case c == '/':
		return 0x1f, true
	}
	return 0, false
}

// editKeyCodes number the editing keypad as PuTTY does (ESC[n~).
var editKeyCodes = map[fyne.KeyName]int{fyne.KeyHome: 1, fyne.KeyInsert: 2, fyne.KeyDelete: 3, fyne.KeyEnd: 4, fyne.KeyPageUp: 5, fyne.KeyPageDown: 6}

// functionKeyNumbers number the function keys.
var functionKeyNumbers = map[fyne.KeyName]int{fyne.KeyF1: 1, fyne.KeyF2: 2, fyne.KeyF3: 3, fyne.KeyF4: 4, fyne.KeyF5: 5,
	fyne.KeyF6: 6, fyne.KeyF7: 7, fyne.KeyF8: 8, fyne.KeyF9: 9, fyne.KeyF10: 10, fyne.KeyF11: 11, fyne.KeyF12: 12}

// puttyKey is what a function key or an editing key sends in one of
// PuTTY's encodings; ok is false in xterm's and for the other keys.
// PuTTY's encodings take no modifier but Shift on F1 to F10 (F11 to
// F20) and, in SCO, Shift and Ctrl.
func puttyKey(name fyne.KeyName, mods keyMods, kb settings.Keyboard) (s string, ok bool) {
	if kb.FunctionKeys == settings.FunctionKeysXterm {
		return "", false
	}
	if n := functionKeyNumbers[name]; n > 0 {
		return puttyFunctionKey(n, mods, kb.FunctionKeys), true
	}
	if code := editKeyCodes[name]; code > 0 {
		return puttyEditKey(code, kb), true
	}
	return "", false
}

func puttyFunctionKey(n int, mods keyMods, f settings.FunctionKeys) string {
	if f == settings.FunctionKeysSCO {
		const codes = "MNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@[\\]^_`{"
		i := n - 1
		if mods.shift {
			i += 12
		}
		if mods.ctrl {
			i += 24
		}
		return "\x1b[" + codes[i:i+1]
	}
	if mods.shift && n <= 10 {
		n += 10
	}
	code := [...]int{0, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 31, 32, 33, 34}[n]
	switch {
	case f == settings.FunctionKeysVT100Plus && code <= 24:
		gap := 0
		if code > 15 {
			gap++
		}
		if code > 21 {
			gap++
		}
		return "\x1bO" + string(rune('P'+code-11-gap))
	case f == settings.FunctionKeysLinux && code <= 15:
		return "\x1b[[" + string(rune('A'+code-11))
	case f == settings.FunctionKeysXtermR6 && code <= 14:
		return "\x1bO" + string(rune('P'+code-11))
	}
	return fmt.Sprintf("\x1b[%d~", code)
}

func puttyEditKey(code int, kb settings.Keyboard) string {
	switch {
	case kb.FunctionKeys == settings.FunctionKeysSCO:
		return [...]string{"", "\x1b[H", "\x1b[L", "\x7f", "\x1b[F", "\x1b[I", "\x1b[G"}[code]
	case kb.FunctionKeys == settings.FunctionKeysVT400:
		code = [...]int{0, 2, 1, 4, 5, 3, 6}[code] // the VT220's keypad, key for key
	}
	if kb.RxvtHomeEnd && (code == 1 || code == 4) {
		return map[int]string{1: "\x1b[H", 4: "\x1bOw"}[code]
	}
	return fmt.Sprintf("\x1b[%d~", code)
}
