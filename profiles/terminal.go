package profiles

// Terminal is what PuTTY's Colours, Bell, Features and Terminal
// (answerback) panels set for a session. The zero value is Tern's
// defaults: the app's colours, the bell flashes the window, the server
// may change the title, keypad, mouse and size, and ^E is not answered.
type Terminal struct {
	// Colours is PuTTY's palette in its order, Colour0 to Colour21, each
	// "#rrggbb": default foreground, default bold foreground, default
	// background, default bold background, cursor text, cursor colour,
	// then black, bold black, red, bold red … white, bold white. nil
	// draws in the app's theme; otherwise it holds exactly 22.
	Colours []string `json:"colours,omitempty"`
	// Bell is what a BEL from the server does: "" (BellFlash) flashes
	// the window, BellNone nothing, BellSound the system's sound.
	Bell string `json:"bell,omitempty"`
	// BellTaskbar also marks the window's taskbar entry when a bell rings
	// while the window is in the background (PuTTY's "Taskbar/caption
	// indication on bell"); false (PuTTY's default) does not.
	BellTaskbar bool `json:"bellTaskbar,omitempty"`
	// BellUnlimited lets every bell through; false (PuTTY's default)
	// silences the bell for 5 s after 5 bells within 2 s.
	BellUnlimited bool `json:"bellUnlimited,omitempty"`
	// NoRemoteTitle, NoAppKeypad, NoMouseReporting and NoRemoteResize
	// keep the server from changing the window title, switching the
	// keypad to application mode, taking the mouse and resizing the
	// terminal (PuTTY's Features panel); false lets it.
	NoRemoteTitle    bool `json:"noRemoteTitle,omitempty"`
	NoAppKeypad      bool `json:"noAppKeypad,omitempty"`
	NoMouseReporting bool `json:"noMouseReporting,omitempty"`
	NoRemoteResize   bool `json:"noRemoteResize,omitempty"`
	// Answerback is sent when the server sends ^E (ENQ), with ^X
	// standing for Ctrl+X and ^~ for ^; "" (the default) answers nothing.
	Answerback string `json:"answerback,omitempty"`
}

// The bell's actions (Terminal.Bell).
const (
	BellFlash = ""
	BellNone  = "none"
	BellSound = "sound"
)

// DefaultColours is PuTTY's default palette in Terminal.Colours' form:
// what a session's colours start from when first changed.
func DefaultColours() []string {
	return append([]string(nil), defaultColours[:]...)
}

// defaultColours is PuTTY's palette, Colour0 to Colour21 (profiles/putty
// reads it in PuTTY's "R,G,B" form and tests that the two agree).
var defaultColours = [22]string{
	"#bbbbbb", "#ffffff", "#000000", "#555555", "#000000", "#00ff00",
	"#000000", "#555555", "#bb0000", "#ff5555", "#00bb00", "#55ff55",
	"#bbbb00", "#ffff55", "#0000bb", "#5555ff", "#bb00bb", "#ff55ff",
	"#00bbbb", "#55ffff", "#bbbbbb", "#ffffff",
}

// ColourNames are the palette's colours in PuTTY's words, in
// Terminal.Colours' order.
var ColourNames = [22]string{
	"Default Foreground", "Default Bold Foreground", "Default Background", "Default Bold Background",
	"Cursor Text", "Cursor Colour",
	"ANSI Black", "ANSI Black Bold", "ANSI Red", "ANSI Red Bold", "ANSI Green", "ANSI Green Bold",
	"ANSI Yellow", "ANSI Yellow Bold", "ANSI Blue", "ANSI Blue Bold", "ANSI Magenta", "ANSI Magenta Bold",
	"ANSI Cyan", "ANSI Cyan Bold", "ANSI White", "ANSI White Bold",
}
