package gui

import (
	"cmp"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/telnet"
)

// statusContent shows the BSD status text, the connection's facts and a
// table of every option in both directions.
func statusContent(st protocol.Status) fyne.CanvasObject {
	text := widget.NewLabel(st.Text())
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
	table := widget.NewTable(
		func() (int, int) { return len(rows), 3 },
		func() fyne.CanvasObject { return widget.NewLabel("NEW-ENVIRON (39) ") },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(rows[id.Row][id.Col])
			l.TextStyle.Bold = id.Row == 0
		})
	table.SetColumnWidth(0, 200)
	table.SetColumnWidth(1, 120)
	table.SetColumnWidth(2, 120)
	left := container.NewVBox(text, facts)
	return container.NewBorder(nil, nil, left, nil, table)
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

func (w *mainWindow) showStatus() {
	t := w.current()
	if t == nil || t.Session() == nil {
		w.showInfo("Status", "No connection.")
		return
	}
	d := w.closableDialog("Status — "+t.Settings().Title(), "Close", statusContent(t.Session().Status()))
	d.SetOnClosed(w.focusCurrent)
	d.Resize(w.dialogSize(900, 520))
	w.showDialog(d)
}
