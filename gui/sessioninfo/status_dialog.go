package sessioninfo

import (
	"cmp"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/prompt"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/telnet"
)

// statusContent shows the BSD status text, the connection's facts and a
// table of every option in both directions.
func statusContent(st protocol.Status) fyne.CanvasObject {
	text := widget.NewLabel(prompt.StatusText(st))
	facts := widget.NewForm(
		widget.NewFormItem("Host", widget.NewLabel(st.Host+" port "+st.Port)),
		widget.NewFormItem("Remote address", widget.NewLabel(cmp.Or(st.Remote, "—"))),
		widget.NewFormItem("Local address", widget.NewLabel(cmp.Or(st.Local, cmp.Or(st.Bind, "—")))),
		widget.NewFormItem("Negotiation", widget.NewLabel(st.Mode.String())),
		widget.NewFormItem("Received", widget.NewLabel(fmt.Sprintf("%d bytes", st.BytesIn))),
		widget.NewFormItem("Sent", widget.NewLabel(fmt.Sprintf("%d bytes", st.BytesOut))),
		widget.NewFormItem("Connected for", widget.NewLabel(since(st.Since))),
	)
	header := []string{"Option", "We (WILL)", "Server (WILL)"}
	rows := [][]string{header}
	for _, o := range st.Options {
		rows = append(rows, []string{fmt.Sprintf("%s (%d)", o.Name, o.Option), qText(o.Local), qText(o.Remote)})
	}
	if len(rows) == 1 {
		rows = append(rows, []string{"no option negotiated", "", ""})
	}
	// A grid of labels, not a Table: nothing in it takes the focus, so
	// Tab goes to Close and Escape always closes the dialog.
	grid := container.NewGridWithColumns(3)
	for i, row := range rows {
		for _, cell := range row {
			grid.Add(widget.NewLabelWithStyle(cell, fyne.TextAlignLeading, fyne.TextStyle{Bold: i == 0}))
		}
	}
	left := container.NewVBox(text, facts)
	return container.NewBorder(nil, nil, left, nil, container.NewVScroll(grid))
}

func qText(q telnet.QState) string {
	switch q {
	case telnet.Yes:
		return "yes"
	case telnet.No:
		return "no"
	}
	return "asking (" + q.String() + ")"
}

func since(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return time.Since(t).Round(time.Second).String()
}

// ShowStatus shows the Status dialog of a session whose status is st;
// closed runs when it closes.
func ShowStatus(dialogs *widgets.Dialogs, title string, st protocol.Status, closed func()) {
	d := dialogs.Closable("Status — "+title, "Close", statusContent(st))
	d.SetOnClosed(closed)
	d.Resize(dialogs.Size(900, 520))
	dialogs.Show(d)
}
