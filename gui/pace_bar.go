package gui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/termtab"
)

// paceBar is the status bar's progress line for a paced paste or Send
// file in the current tab, with Pause (Resume) and Cancel; hidden when
// none runs.
type paceBar struct {
	label         *widget.Label
	pause, cancel *widget.Button
	box           *fyne.Container
	tab           *termtab.Tab
	paused        bool
}

func newPaceBar() *paceBar {
	b := &paceBar{label: widget.NewLabel("")}
	b.pause = widget.NewButton("Pause", func() {
		if b.tab != nil {
			b.tab.Pacing().Pause(!b.paused)
		}
	})
	b.cancel = widget.NewButton("Cancel", func() {
		if b.tab != nil {
			b.tab.Pacing().Cancel()
		}
	})
	b.box = container.NewHBox(b.label, b.pause, b.cancel)
	b.box.Hide()
	return b
}

// show follows t's paced paste (t may be nil).
func (b *paceBar) show(t *termtab.Tab) {
	b.tab = t
	pr, ok := termtab.Progress{}, false
	if t != nil {
		pr, ok = t.Pacing().Progress()
	}
	if !ok || pr.Done {
		b.box.Hide()
		return
	}
	text := fmt.Sprintf("Sending line %d of %d", pr.Line, pr.Lines)
	switch {
	case pr.Reason != "":
		text += " · paused: " + pr.Reason
	case pr.Paused:
		text += " · paused"
	}
	b.paused = pr.Paused
	b.pause.SetText(map[bool]string{true: "Resume", false: "Pause"}[pr.Paused])
	if b.label.Text != text {
		b.label.SetText(text)
	}
	b.box.Show()
}
