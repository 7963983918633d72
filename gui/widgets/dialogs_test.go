package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestQuestionAnswers: each way out of a three-way question is heard
// once, with the index of its choice; Escape on a button and closing the
// dialog are the first choice, the way out.
func TestQuestionAnswers(t *testing.T) {
	choices := []Choice{{"Cancel", theme.CancelIcon()}, {"Paste line by line", theme.MediaPlayIcon()}, {"Paste", theme.ConfirmIcon()}}
	tests := []struct {
		name string
		act  func(d *dialog.CustomDialog, buttons []*Button)
		want int
	}{
		{"Cancel", func(_ *dialog.CustomDialog, b []*Button) { test.Tap(b[0]) }, 0},
		{"the middle button", func(_ *dialog.CustomDialog, b []*Button) { test.Tap(b[1]) }, 1},
		{"the default", func(_ *dialog.CustomDialog, b []*Button) { test.Tap(b[2]) }, 2},
		{"Escape on the default", func(_ *dialog.CustomDialog, b []*Button) { b[2].TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) }, 0},
		{"closed", func(d *dialog.CustomDialog, _ []*Button) { d.Hide() }, 0},
	}
	test.NewTempApp(t)
	win := test.NewWindow(nil)
	defer win.Close()
	win.Resize(fyne.NewSize(800, 600))
	for _, tc := range tests {
		var heard []int
		d, buttons := NewQuestion("Paste?", "Paste 3 lines?", choices, func(i int) { heard = append(heard, i) }, win)
		if len(buttons) != 3 || buttons[2].Importance != widget.HighImportance || buttons[0].Text != "Cancel" {
			t.Fatalf("%s: buttons %v", tc.name, buttons)
		}
		d.Show()
		tc.act(d, buttons)
		d.Hide() // a second close is not heard
		if len(heard) != 1 || heard[0] != tc.want {
			t.Errorf("%s: heard %v, want [%d]", tc.name, heard, tc.want)
		}
	}
}
