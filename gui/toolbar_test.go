package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/widgets"
)

func toolButtons(w *mainWindow) []*widgets.ToolButton {
	var out []*widgets.ToolButton
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widgets.ToolButton:
			out = append(out, v)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
		case *container.Scroll:
			walk(v.Content)
		}
	}
	walk(w.toolbarRow)
	return out
}

// TestToolbarShowsWordsWhenThereIsRoom: a wide window shows every button
// with its words; a narrow one shows icons alone, all of them still there.
func TestToolbarShowsWordsWhenThereIsRoom(t *testing.T) {
	w := newTestWindow(t)
	tests := []struct {
		width   float32
		compact bool
	}{{1600, false}, {700, true}, {1600, false}}
	for _, tt := range tests {
		w.win.Resize(fyne.NewSize(tt.width, 600))
		buttons := toolButtons(w)
		if len(buttons) != 12 {
			t.Fatalf("%d toolbar buttons", len(buttons))
		}
		for _, b := range buttons {
			if (b.Text == "") != tt.compact {
				t.Errorf("width %v: button %q shows %q", tt.width, b.Label(), b.Text)
			}
		}
		if row := w.toolbarRow.Size().Width; tt.compact && row > tt.width {
			t.Errorf("width %v: compact toolbar is %v wide", tt.width, row)
		}
	}
}

// TestToolbarTooltip: resting the pointer on a button shows what it does
// and its shortcut; leaving hides it.
func TestToolbarTooltip(t *testing.T) {
	w := newTestWindow(t)
	w.win.Resize(fyne.NewSize(700, 600))
	find := toolButtons(w)[9]
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(find).Add(fyne.NewPos(5, 5))
	test.MoveMouse(w.win.Canvas(), pos)
	waitUntil(t, "tooltip", func() bool { return w.tips.Shown() != "" })
	if tip := w.tips.Shown(); !strings.HasPrefix(tip, "Find\n") || !strings.Contains(tip, "Ctrl+Shift+F") {
		t.Fatalf("tooltip %q", tip)
	}
	test.MoveMouse(w.win.Canvas(), fyne.NewPos(300, 400))
	if tip := w.tips.Shown(); tip != "" {
		t.Fatalf("tooltip %q still shown", tip)
	}
}
