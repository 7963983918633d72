package appprefs

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// animationCounter counts the animations widgets start.
type animationCounter struct {
	fyne.Driver
	started int
}

func (d *animationCounter) StartAnimation(a *fyne.Animation) {
	d.started++
	d.Driver.StartAnimation(a)
}

type countingApp struct {
	fyne.App
	drv *animationCounter
}

func (a countingApp) Driver() fyne.Driver { return a.drv }

// focusedEntryAnimations focuses an Entry and counts the animations it starts.
func focusedEntryAnimations(t *testing.T, still bool) int {
	a := test.NewTempApp(t)
	counting := countingApp{App: a, drv: &animationCounter{Driver: a.Driver()}}
	fyne.SetCurrentApp(counting)
	if still {
		TurnOffAnimations(counting)
	}
	e := widget.NewEntry()
	w := test.NewWindow(e)
	defer w.Close()
	w.Canvas().Focus(e)
	test.Type(e, "mail.example.com")
	return counting.drv.started
}

func TestTextCursorIsSteady(t *testing.T) {
	if n := focusedEntryAnimations(t, false); n == 0 {
		t.Fatal("a focused Entry should animate its cursor when animations are on (else this test proves nothing)")
	}
	if n := focusedEntryAnimations(t, true); n != 0 {
		t.Fatalf("with animations off a focused Entry started %d animations", n)
	}
	if fyne.CurrentApp().Settings().Theme() == nil {
		t.Fatal("the still app should keep the app's other settings")
	}
}
