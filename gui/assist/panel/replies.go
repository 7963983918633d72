package assist

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The assistant's reply view: every reply the server sent, one line each
// with its meaning, and below the list the selected reply (the newest
// until the person picks one): its first lines, each cut, with its whole
// explanation, and Show all… for the whole reply (see bounded.go).

// maxReplies and maxReplyBytes bound the replies kept in the view.
const (
	maxReplies    = 200
	maxReplyBytes = 8 << 20
)

// replyView lists one protocol's replies (R). mu also guards the panel's
// own fields that the reading goroutines share.
type replyView[R any] struct {
	mu      sync.Mutex
	shown   []R
	rows    []replyRow // shown's rows, made once
	bytes   int        // the sum of their sizes
	replies *widget.List
	detail  *widget.Label
	showAll *widget.Button // the selected reply whole

	short   func(R) string   // the reply on one line
	lines   func(R) []string // the reply as the server sent it
	explain func(R) string
	win     Window // for Show all…'s dialog
}

// replyRow is a reply as its row shows it, made once when it is listed
// (a row is drawn again at every scroll), and the bytes of its lines.
type replyRow struct {
	short, meaning string
	size           int
}

func (v *replyView[R]) newReplyView(w Window, short func(R) string, lines func(R) []string, explain func(R) string) fyne.CanvasObject {
	v.short, v.lines, v.explain = short, lines, explain
	v.win = w
	v.replies = widget.NewList(
		func() int { v.mu.Lock(); defer v.mu.Unlock(); return len(v.shown) },
		func() fyne.CanvasObject {
			reply, meaning := widget.NewLabel(""), widget.NewLabel("")
			reply.Truncation, meaning.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			reply.TextStyle.Monospace = true
			return container.NewVBox(reply, meaning)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			v.mu.Lock()
			var row replyRow
			if id >= 0 && id < len(v.rows) {
				row = v.rows[id]
			}
			v.mu.Unlock()
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(row.short)
			box.Objects[1].(*widget.Label).SetText(row.meaning)
		})
	v.replies.OnSelected = func(id widget.ListItemID) { v.showReply(v.reply(id)) }
	v.detail = widget.NewLabel("The server's replies appear here, each with what it means.")
	v.detail.Wrapping = fyne.TextWrapWord
	v.showAll = widget.NewButton("Show all…", nil)
	v.showAll.Disable()
	detail := container.NewVScroll(v.detail)
	detail.SetMinSize(fyne.NewSize(0, 5*theme.TextSize()))
	return container.NewBorder(nil, withShowAll(detail, v.showAll), nil, nil, v.replies)
}

func (v *replyView[R]) reply(id int) R {
	v.mu.Lock()
	defer v.mu.Unlock()
	if id < 0 || id >= len(v.shown) {
		var zero R
		return zero
	}
	return v.shown[id]
}

// showReply puts the head of r and its explanation below the list; Show
// all… shows r whole.
func (v *replyView[R]) showReply(r R) {
	text, more := head(v.lines(r), 0)
	if more > 0 {
		text += "\n" + moreLines(more) + " (Show all… shows the whole reply)"
	}
	v.detail.SetText(text + "\n→ " + clip(v.explain(r), sayRunes))
	v.showAll.OnTapped = func() { v.showWhole(r) }
	v.showAll.Enable()
}

// showWhole shows reply r whole, with its explanation.
func (v *replyView[R]) showWhole(r R) {
	showAll(v.win, "Reply: "+clip(oneLine(v.short(r)), 60), strings.Join(v.lines(r), "\n")+"\n\n→ "+v.explain(r))
}

// add lists a reply and shows its head.
func (v *replyView[R]) add(r R) {
	row := replyRow{short: oneLine(v.short(r)), meaning: oneLine("→ " + v.explain(r))}
	for _, l := range v.lines(r) {
		row.size += len(l)
	}
	v.mu.Lock()
	v.shown, v.rows, v.bytes = append(v.shown, r), append(v.rows, row), v.bytes+row.size
	drop := 0
	for len(v.shown)-drop > maxReplies || v.bytes > maxReplyBytes && drop < len(v.shown)-1 {
		v.bytes -= v.rows[drop].size
		drop++
	}
	if drop > 0 {
		v.shown = append(v.shown[:0:0], v.shown[drop:]...)
		v.rows = append(v.rows[:0:0], v.rows[drop:]...)
	}
	v.mu.Unlock()
	v.replies.UnselectAll()
	v.replies.Refresh()
	v.replies.ScrollToBottom()
	v.showReply(r)
}
