package termview

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/screen"
)

func TestEncodeMouse(t *testing.T) {
	cases := []struct {
		name          string
		modes         screen.Modes
		button        int
		press, motion bool
		row, col      int
		mods          fyne.KeyModifier
		want          string
	}{
		{"off", screen.Modes{}, buttonLeft, true, false, 0, 0, 0, ""},
		{"X10 press", screen.Modes{Mouse: 9}, buttonLeft, true, false, 2, 4, 0, "\x1b[M %#"},
		{"X10 has no release", screen.Modes{Mouse: 9}, buttonLeft, false, false, 2, 4, 0, ""},
		{"1000 release is button 3", screen.Modes{Mouse: 1000}, buttonRight, false, false, 0, 0, 0, "\x1b[M#!!"},
		{"1000 has no motion", screen.Modes{Mouse: 1000}, buttonLeft, true, true, 0, 0, 0, ""},
		{"1002 motion", screen.Modes{Mouse: 1002}, buttonLeft, true, true, 0, 1, 0, "\x1b[M@\"!"},
		{"control adds 16", screen.Modes{Mouse: 1000}, buttonLeft, true, false, 0, 0, fyne.KeyModifierControl, "\x1b[M0!!"},
		{"SGR press", screen.Modes{Mouse: 1000, MouseSGR: true}, buttonMiddle, true, false, 9, 79, 0, "\x1b[<1;80;10M"},
		{"SGR release keeps the button", screen.Modes{Mouse: 1000, MouseSGR: true}, buttonMiddle, false, false, 9, 79, 0, "\x1b[<1;80;10m"},
		{"SGR wheel", screen.Modes{Mouse: 1000, MouseSGR: true}, buttonWheelDown, true, false, 0, 0, 0, "\x1b[<65;1;1M"},
		{"SGR beyond 223 columns", screen.Modes{Mouse: 1000, MouseSGR: true}, buttonLeft, true, false, 0, 300, 0, "\x1b[<0;301;1M"},
		{"legacy beyond 223 columns", screen.Modes{Mouse: 1000}, buttonLeft, true, false, 0, 300, 0, ""},
	}
	for _, c := range cases {
		got := encodeMouse(c.modes, c.button, c.press, c.motion, c.row, c.col, c.mods)
		if !bytes.Equal(got, []byte(c.want)) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
