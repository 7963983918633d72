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
// until the person picks one) in full, with its whole explanation.

// maxReplies bounds the replies kept in the view.
const maxReplies = 200

// replyView lists one protocol's replies (R). mu also guards the panel's
// own fields that the reading goroutines share.
type replyView[R any] struct {
	mu      sync.Mutex
	shown   []R
	replies *widget.List
	detail  *widget.Label

	short   func(R) string   // the reply on one line
	lines   func(R) []string // the reply as the server sent it
	explain func(R) string
}

func (v *replyView[R]) newReplyView(short func(R) string, lines func(R) []string, explain func(R) string) fyne.CanvasObject {
	v.short, v.lines, v.explain = short, lines, explain
	v.replies = widget.NewList(
		func() int { v.mu.Lock(); defer v.mu.Unlock(); return len(v.shown) },
		func() fyne.CanvasObject {
			reply, meaning := widget.NewLabel(""), widget.NewLabel("")
			reply.Truncation, meaning.Truncation = fyne.TextTruncateEllipsis, fyne.TextTruncateEllipsis
			reply.TextStyle.Monospace = true
			return container.NewVBox(reply, meaning)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			r := v.reply(id)
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(v.short(r))
			box.Objects[1].(*widget.Label).SetText("→ " + v.explain(r))
		})
	v.replies.OnSelected = func(id widget.ListItemID) { v.showReply(v.reply(id)) }
	v.detail = widget.NewLabel("The server's replies appear here, each with what it means.")
	v.detail.Wrapping = fyne.TextWrapWord
	detail := container.NewVScroll(v.detail)
	detail.SetMinSize(fyne.NewSize(0, 5*theme.TextSize()))
	return container.NewBorder(nil, detail, nil, nil, v.replies)
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

// showReply puts r and its whole explanation below the list.
func (v *replyView[R]) showReply(r R) {
	v.detail.SetText(strings.Join(v.lines(r), "\n") + "\n→ " + v.explain(r))
}

// add lists a reply and shows it in full.
func (v *replyView[R]) add(r R) {
	v.mu.Lock()
	v.shown = append(v.shown, r)
	if len(v.shown) > maxReplies {
		v.shown = v.shown[len(v.shown)-maxReplies:]
	}
	v.mu.Unlock()
	v.replies.UnselectAll()
	v.replies.Refresh()
	v.replies.ScrollToBottom()
	v.showReply(r)
}
