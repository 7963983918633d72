package gui

import (
	"image/color"
	"reflect"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// TestPaletteEditor: a session starts in the app's colours; ticking
// Session colours edits PuTTY's palette, each field with its swatch; a
// bad colour is refused; unticking goes back to the app's colours.
func TestPaletteEditor(t *testing.T) {
	test.NewTempApp(t)
	f := newConnectForm(settings.Session{Engine: protocol.Config{Host: "r.lan"}})
	tf := f.term
	if tf.ownColours.Checked || !tf.colours[0].Disabled() || f.settings().Terminal.Colours != nil {
		t.Fatal("a new session does not start in the app's colours")
	}
	test.Tap(tf.ownColours)
	if tf.colours[0].Disabled() {
		t.Fatal("the palette stays disabled")
	}
	if got := f.settings().Terminal.Colours; !reflect.DeepEqual(got, profiles.DefaultColours()) {
		t.Fatalf("session colours start from %q, want PuTTY's", got)
	}
	tf.colours[2].SetText("")
	test.Type(tf.colours[2], "#FFFFDD")
	if got := tf.swatches[2].FillColor; got != (color.RGBA{255, 255, 221, 255}) {
		t.Errorf("the background's swatch is %v", got)
	}
	st := f.settings()
	if st.Terminal.Colours[2] != "#ffffdd" {
		t.Errorf("Default Background saved as %q", st.Terminal.Colours[2])
	}
	tf.colours[5].SetText("red")
	if err := f.validate(); err == nil {
		t.Error("a colour that is not #rrggbb passed")
	}
	test.Tap(tf.resetColours)
	if got := f.settings().Terminal.Colours; !reflect.DeepEqual(got, profiles.DefaultColours()) || f.validate() != nil {
		t.Errorf("PuTTY's defaults gave %q", got)
	}
	test.Tap(tf.ownColours)
	tf.colours[5].SetText("red") // ignored while the app's colours are used
	if f.validate() != nil || f.settings().Terminal.Colours != nil {
		t.Error("unticked, the session still has its own colours")
	}
}

// TestBellAndFeaturesForm: each choice of the Bell and features part
// reaches the session's settings.
func TestBellAndFeaturesForm(t *testing.T) {
	test.NewTempApp(t)
	f := newConnectForm(settings.Session{Engine: protocol.Config{Host: "r.lan"}})
	if got := f.settings().Terminal; !reflect.DeepEqual(got, profiles.Terminal{}) {
		t.Fatalf("a new session's terminal settings are %+v, want Tern's defaults", got)
	}
	tf := f.term
	tf.bell.SetSelected("System sound")
	for _, c := range []interface{ SetChecked(bool) }{tf.bellTaskbar, tf.bellUnlimited, tf.noTitle, tf.noKeypad, tf.noMouse, tf.noResize} {
		c.SetChecked(true)
	}
	test.Type(tf.answerback, "sw-12^M")
	want := profiles.Terminal{Bell: profiles.BellSound, BellTaskbar: true, BellUnlimited: true,
		NoRemoteTitle: true, NoAppKeypad: true, NoMouseReporting: true, NoRemoteResize: true, Answerback: "sw-12^M"}
	if got := f.settings().Terminal; !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	tf.bell.SetSelected("None")
	if f.settings().Terminal.Bell != profiles.BellNone {
		t.Error("None is not the bell's none")
	}
}
