package panel

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

// ReplyView lists one protocol's replies (R). mu also guards the panel's
// own fields that the reading goroutines share.
type ReplyView[R any] struct {
	Mu      sync.Mutex
	Shown   []R
	rows    []replyRow // shown's rows, made once
	bytes   int        // the sum of their sizes
	Replies *widget.List
	Detail  *widget.Label
	ShowAll *widget.Button // the selected reply whole

	Short   func(R) string   // the reply on one line
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

func (v *ReplyView[R]) NewReplyView(w Window, short func(R) string, lines func(R) []string, explain func(R) string) fyne.CanvasObject {
	v.Short, v.lines, v.explain = short, lines, explain
	v.win = w
	v.Replies = widget.NewList(
		func() int { v.Mu.Lock(); defer v.Mu.Unlock(); return len(v.Shown) },
		func() fyne.CanvasObject {
			reply, meaning := widget.NewLabel(""), widget.NewLabel("")
			reply.Truncation, meaning.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			reply.TextStyle.Monospace = true
			return container.NewVBox(reply, meaning)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			v.Mu.Lock()
			var row replyRow
			if id >= 0 && id < len(v.rows) {
				row = v.rows[id]
			}
			v.Mu.Unlock()
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(row.short)
			box.Objects[1].(*widget.Label).SetText(row.meaning)
		})
	v.Replies.OnSelected = func(id widget.ListItemID) { v.showReply(v.reply(id)) }
	v.Detail = widget.NewLabel("The server's replies appear here, each with what it means.")
	v.Detail.Wrapping = fyne.TextWrapWord
	v.ShowAll = widget.NewButton("Show all…", nil)
	v.ShowAll.Disable()
	detail := container.NewVScroll(v.Detail)
	detail.SetMinSize(fyne.NewSize(0, 5*theme.TextSize()))
	return container.NewBorder(nil, WithShowAll(detail, v.ShowAll), nil, nil, v.Replies)
}

func (v *ReplyView[R]) reply(id int) R {
	v.Mu.Lock()
	defer v.Mu.Unlock()
	if id < 0 || id >= len(v.Shown) {
		var zero R
		return zero
	}
	return v.Shown[id]
}

// showReply puts the head of r and its explanation below the list; Show
// all… shows r whole.
func (v *ReplyView[R]) showReply(r R) {
	text, more := Head(v.lines(r), 0)
	if more > 0 {
		text += "\n" + MoreLines(more) + " (Show all… shows the whole reply)"
	}
	v.Detail.SetText(text + "\n→ " + Clip(v.explain(r), SayRunes))
	v.ShowAll.OnTapped = func() { v.showWhole(r) }
	v.ShowAll.Enable()
}

// showWhole shows reply r whole, with its explanation.
func (v *ReplyView[R]) showWhole(r R) {
	ShowAll(v.win, "Reply: "+Clip(OneLine(v.Short(r)), 60), strings.Join(v.lines(r), "\n")+"\n\n→ "+v.explain(r))
}

// Add lists a reply and shows its head.
func (v *ReplyView[R]) Add(r R) {
	row := replyRow{short: OneLine(v.Short(r)), meaning: OneLine("→ " + v.explain(r))}
	for _, l := range v.lines(r) {
		row.size += len(l)
	}
	v.Mu.Lock()
	v.Shown, v.rows, v.bytes = append(v.Shown, r), append(v.rows, row), v.bytes+row.size
	drop := 0
	for len(v.Shown)-drop > maxReplies || v.bytes > maxReplyBytes && drop < len(v.Shown)-1 {
		v.bytes -= v.rows[drop].size
		drop++
	}
	if drop > 0 {
		v.Shown = append(v.Shown[:0:0], v.Shown[drop:]...)
		v.rows = append(v.rows[:0:0], v.rows[drop:]...)
	}
	v.Mu.Unlock()
	v.Replies.UnselectAll()
	v.Replies.Refresh()
	v.Replies.ScrollToBottom()
	v.showReply(r)
}
