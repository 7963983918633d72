package settings

// Keyboard is how a session's keys are encoded beyond what the Telnet
// engine decides (Backspace and Enter, see protocol.Config). The zero
// value is xterm's encoding with Alt sending ESC first.
type Keyboard struct {
	// FunctionKeys is the encoding of the function keys and the editing
	// keypad, PuTTY's "Function keys and keypad"; zero is xterm's.
	FunctionKeys FunctionKeys
	// RxvtHomeEnd makes Home and End send rxvt's ESC[H and ESC Ow
	// (PuTTY's "Home and End keys: rxvt"); false is the standard keys.
	RxvtHomeEnd bool
	// Meta8Bit makes Alt set a character's eighth bit (xterm's 8-bit meta)
	// instead of sending ESC before it, as PuTTY does.
	Meta8Bit bool
}

// FunctionKeys is one of PuTTY's function-key encodings, or xterm's.
type FunctionKeys int

// The function-key encodings, in the order the New session dialog lists
// them. FunctionKeysXterm is xterm's (TERM=xterm): ESC OP for F1,
// ESC[15~ for F5, modifiers as ESC[1;5P.
const (
	FunctionKeysXterm     FunctionKeys = iota
	FunctionKeysTilde                  // PuTTY's default: ESC[11~ for F1, ESC[1~ for Home
	FunctionKeysLinux                  // the Linux console: ESC[[A for F1
	FunctionKeysXtermR6                // ESC OP for F1, ESC[1~ for Home
	FunctionKeysVT400                  // the VT220's editing keypad: Home ESC[2~ (Insert here)
	FunctionKeysVT100Plus              // ESC OP to ESC O[ for F1 to F12
	FunctionKeysSCO                    // ESC[M for F1, ESC[H for Home
)

// functionKeysNames are the profile's names for the encodings.
var functionKeysNames = [...]string{"xterm", "tilde", "linux", "xtermr6", "vt400", "vt100+", "sco"}

// FunctionKeysLabels are the encodings as the New session dialog shows them.
var FunctionKeysLabels = []string{"Xterm (default)", "ESC[n~", "Linux", "Xterm R6", "VT400", "VT100+", "SCO"}

// String is the encoding's name in a profile ("xterm", "tilde", …).
func (f FunctionKeys) String() string {
	if f < 0 || int(f) >= len(functionKeysNames) {
		return functionKeysNames[0]
	}
	return functionKeysNames[f]
}

// ParseFunctionKeys reads a profile's name for an encoding; "" and names
// it does not know are xterm's.
func ParseFunctionKeys(s string) FunctionKeys {
	for i, n := range functionKeysNames {
		if n == s {
			return FunctionKeys(i)
		}
	}
	return FunctionKeysXterm
}
