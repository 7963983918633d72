package sessioninfo

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/sessionlog"
)

// eventLogView is PuTTY's Event Log: live, selectable, copyable.
type eventLogView struct {
	mu    sync.Mutex
	lines []string
	bytes int // of lines, kept within sessionlog.DefaultEventLogBytes
	list  *widget.List
	// heights are the rows made taller for a wrapped line (UI goroutine).
	heights map[widget.ListItemID]float32
}

func newEventLogView(log *sessionlog.EventLog) (*eventLogView, fyne.CanvasObject) {
	v := &eventLogView{}
	for _, e := range log.Lines() {
		v.keep(e)
	}
	v.list = widget.NewList(
		func() int { v.mu.Lock(); defer v.mu.Unlock(); return len(v.lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Selectable = true
			l.Wrapping = fyne.TextWrapWord // a long line is read whole, on several rows
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			v.mu.Lock()
			text := ""
			if id < len(v.lines) {
				text = v.lines[id]
			}
			v.mu.Unlock()
			l := o.(*widget.Label)
			l.SetText(text)
			v.fitRow(id, l)
		})
	return v, v.list
}

// fitRow makes row id as tall as its wrapped label needs at the list's
// width (a row is one line high by default).
func (v *eventLogView) fitRow(id widget.ListItemID, l *widget.Label) {
	width := v.list.Size().Width - theme.ScrollBarSize() - 2*theme.Padding()
	if width < 100 { // not laid out yet
		return
	}
	l.Resize(fyne.NewSize(width, l.Size().Height))
	if h := l.MinSize().Height; h != v.heights[id] {
		if v.heights == nil {
			v.heights = map[widget.ListItemID]float32{}
		}
		v.heights[id] = h
		v.list.SetItemHeight(id, h)
	}
}

// add appends a line (on the UI goroutine).
func (v *eventLogView) add(e sessionlog.Event) {
	v.mu.Lock()
	v.keep(e)
	v.mu.Unlock()
	v.list.Refresh()
	v.list.ScrollToBottom()
}

// keep appends a line and drops the oldest past the event log's bounds in
// lines and bytes (v.mu held, or v not shared yet).
func (v *eventLogView) keep(e sessionlog.Event) {
	line := e.String()
	v.lines = append(v.lines, line)
	v.bytes += len(line)
	if len(v.lines) <= sessionlog.DefaultEventLogLines && v.bytes <= sessionlog.DefaultEventLogBytes {
		return
	}
	drop := 0 // a tenth or more at once: amortised O(1) per line
	for len(v.lines)-drop > sessionlog.DefaultEventLogLines*9/10 || v.bytes > sessionlog.DefaultEventLogBytes*9/10 {
		v.bytes -= len(v.lines[drop])
		drop++
	}
	v.lines = append(v.lines[:0:0], v.lines[drop:]...)
}

// ShowEventLog shows the event log of s in a dialog over the window (a
// second top-level window would be lost behind the main one on many
// desktops); it follows new events, through ui (the window's bridge),
// while open. Copy all puts it on clipboard; closed runs when it closes.
func ShowEventLog(dialogs *widgets.Dialogs, title string, s *protocol.Session, clipboard fyne.Clipboard, ui func(func()), closed func()) {
	v, content := newEventLogView(s.Events())
	copyAll := widgets.NewButtonWithIcon("Copy all", theme.ContentCopyIcon(), func() {
		clipboard.SetContent(s.Events().String())
	})
	var d *dialog.CustomDialog
	closeBtn := widgets.NewButton("Close", func() { d.Hide() })
	body := container.NewBorder(nil, container.NewHBox(copyAll, closeBtn), nil, nil, content)
	d = dialog.NewCustomWithoutButtons("Event log — "+title, body, dialogs.Window())
	s.Events().OnEvent(func(e sessionlog.Event) { ui(func() { v.add(e) }) })
	d.SetOnClosed(func() {
		s.Events().OnEvent(nil)
		closed()
	})
	d.Resize(dialogs.Size(760, 520))
	dialogs.Show(d)
	v.list.ScrollToBottom() // only once the list has been laid out
}
