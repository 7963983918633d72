// Package pacing is a tab's paced pastes as the window shows them: the
// status bar's progress line with Pause and Cancel, the Paste pacing
// dialog and Send file. It knows the window only through Host.
package pacing

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/termtab"
)

// Bar is the status bar's progress line for a paced paste or Send
// file in the current tab, with Pause (Resume) and Cancel; hidden when
// none runs.
type Bar struct {
	label         *widget.Label
	pause, cancel *widget.Button
	// Box is the line, hidden when no paced paste runs.
	Box    *fyne.Container
	tab    *termtab.Tab
	paused bool
}

// NewBar makes the bar, hidden.
func NewBar() *Bar {
	b := &Bar{label: widget.NewLabel("")}
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
	b.Box = container.NewHBox(b.label, b.pause, b.cancel)
	b.Box.Hide()
	return b
}

// Show follows t's paced paste (t may be nil).
func (b *Bar) Show(t *termtab.Tab) {
	b.tab = t
	pr, ok := termtab.Progress{}, false
	if t != nil {
		pr, ok = t.Pacing().Progress()
	}
	if !ok || pr.Done {
		b.Box.Hide()
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
	b.Box.Show()
}
