package gui

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/protocol"
)

// eventLogView is PuTTY's Event Log: live, selectable, copyable.
type eventLogView struct {
	mu    sync.Mutex
	lines []string
	list  *widget.List
}

func newEventLogView(log *protocol.EventLog) (*eventLogView, fyne.CanvasObject) {
	v := &eventLogView{}
	for _, e := range log.Lines() {
		v.lines = append(v.lines, e.String())
	}
	v.list = widget.NewList(
		func() int { v.mu.Lock(); defer v.mu.Unlock(); return len(v.lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Selectable = true
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			v.mu.Lock()
			text := ""
			if id < len(v.lines) {
				text = v.lines[id]
			}
			v.mu.Unlock()
			o.(*widget.Label).SetText(text)
		})
	v.list.ScrollToBottom()
	return v, v.list
}

// add appends a line (on the UI goroutine).
func (v *eventLogView) add(e protocol.Event) {
	v.mu.Lock()
	v.lines = append(v.lines, e.String())
	if len(v.lines) > protocol.DefaultEventLogLines {
		v.lines = v.lines[len(v.lines)-protocol.DefaultEventLogLines:]
	}
	v.mu.Unlock()
	v.list.Refresh()
	v.list.ScrollToBottom()
}

func (w *mainWindow) showEventLog() {
	t := w.current()
	if t == nil || t.session() == nil {
		return
	}
	s := t.session()
	v, content := newEventLogView(s.Events())
	lw := w.app.NewWindow("Event log — " + t.settings.Title())
	copyAll := widget.NewButton("Copy all", func() { w.app.Clipboard().SetContent(s.Events().String()) })
	closeBtn := widget.NewButton("Close", lw.Close)
	lw.SetContent(container.NewBorder(nil, container.NewHBox(copyAll, closeBtn), nil, nil, content))
	s.Events().OnEvent(func(e protocol.Event) { onUI(func() { v.add(e) }) })
	lw.SetOnClosed(func() { s.Events().OnEvent(nil) })
	lw.Resize(fyne.NewSize(640, 420))
	lw.Show()
}
