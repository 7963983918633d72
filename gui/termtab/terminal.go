package termtab

import (
	"github.com/tern-telnet/tern/gui/paint"
	"github.com/tern-telnet/tern/gui/screen"
)

// applyTerminal gives the screen the session's Features and answerback
// (settings.Session.Terminal) and the painter its colours. Call it on
// the UI goroutine.
func (t *Tab) applyTerminal() {
	tm := t.Settings().Terminal
	t.scr.SetRefusals(screen.Refusals{Title: tm.NoRemoteTitle, AppKeypad: tm.NoAppKeypad,
		Mouse: tm.NoMouseReporting, Resize: tm.NoRemoteResize})
	t.scr.SetAnswerback(screen.ParseAnswerback(tm.Answerback))
	t.bell.Configure(tm)
	t.colors.Store(sessionColours(tm.Colours))
}

// sessionColours is the app theme's colours with a session's PuTTY
// palette over them, if it has one. It reads the theme: UI goroutine.
func sessionColours(palette []string) *paint.Theme {
	th := paintTheme().WithPuTTY(paint.ParsePuTTYPalette(palette))
	return &th
}
