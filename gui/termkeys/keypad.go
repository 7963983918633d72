package termkeys

import (
	"runtime"

	"fyne.io/fyne/v2"
)

// Fyne names a keypad digit as the digit above the letters; only the
// key's scan code tells them apart, and scan codes are the system's.
// keypadScanCodes are the numeric keypad's keys by scan code: X11's key
// codes (Linux, BSD), Windows' set-1 scan codes, macOS's virtual key codes.
var keypadScanCodes = map[string]map[int]rune{
	"x11": {90: '0', 87: '1', 88: '2', 89: '3', 83: '4', 84: '5', 85: '6', 79: '7', 80: '8', 81: '9',
		91: '.', 86: '+', 82: '-', 63: '*', 106: '/', 104: '\r'},
	"windows": {0x52: '0', 0x4f: '1', 0x50: '2', 0x51: '3', 0x4b: '4', 0x4c: '5', 0x4d: '6', 0x47: '7', 0x48: '8', 0x49: '9',
		0x53: '.', 0x4e: '+', 0x4a: '-', 0x37: '*', 0x135: '/', 0x11c: '\r'},
	"darwin": {0x52: '0', 0x53: '1', 0x54: '2', 0x55: '3', 0x56: '4', 0x57: '5', 0x58: '6', 0x59: '7', 0x5b: '8', 0x5c: '9',
		0x41: '.', 0x45: '+', 0x4e: '-', 0x43: '*', 0x4b: '/', 0x4c: '\r'},
}

var keypadCodes = keypadScanCodes[keypadSystem(runtime.GOOS)]

func keypadSystem(goos string) string {
	if goos == "windows" || goos == "darwin" {
		return goos
	}
	return "x11"
}

// keypadKey is the numeric keypad key e is, if it is one: its character
// ('\r' for Enter).
func keypadKey(e *fyne.KeyEvent) (rune, bool) {
	if e.Name == fyne.KeyEnter {
		return '\r', true
	}
	c, ok := keypadCodes[e.Physical.ScanCode]
	if !ok || c == '\r' {
		return 0, false
	}
	// The scan code must agree with the name, or it is another key.
	switch e.Name {
	case fyne.Key0, fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9:
		return c, rune(e.Name[0]) == c
	case fyne.KeyPeriod, fyne.KeyPlus, fyne.KeyMinus, fyne.KeyAsterisk, fyne.KeySlash:
		return c, rune(e.Name[0]) == c
	}
	return 0, false
}
