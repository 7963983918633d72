package newsession

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles/putty"
)

// importDetailsMax bounds the lines the import summary shows.
const importDetailsMax = 400

// importDetails lists, per imported session, the settings it changed from
// PuTTY's defaults that Tern does not have; "" when nothing was left out.
func importDetails(res putty.ImportResult) string {
	var b strings.Builder
	lines := 0
	for _, n := range res.NotImported {
		fmt.Fprintf(&b, "%s:\n", n.Name)
		for _, s := range n.Settings {
			fmt.Fprintf(&b, "    %s\n", s)
		}
		if lines += 1 + len(n.Settings); lines >= importDetailsMax {
			b.WriteString("…\n")
			break
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// showImportDetails shows what an import left out, in a dialog the
// person closes.
func showImportDetails(dialogs *widgets.Dialogs, details string) {
	intro := widget.NewLabel("Imported, but without these settings (Tern has no such setting):")
	list := widget.NewLabel(details)
	list.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(intro, nil, nil, nil, container.NewVScroll(list))
	d := dialogs.Closable("Import summary", "Close", body)
	d.Resize(dialogs.Size(640, 420))
	dialogs.Show(d)
}
