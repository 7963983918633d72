package assist

import "github.com/tern-telnet/tern/gui/assist/panel"

// Window, Tab and Panel are the doors an assistant knows its window and
// its tab through, and the face the window knows an assistant by; they
// live with what every panel shares (gui/assist/panel).
type (
	Window = panel.Window
	Tab    = panel.Tab
	Panel  = panel.Panel
)
