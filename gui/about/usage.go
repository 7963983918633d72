package about

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/gui/widgets"
)

// columnsText shows text whose columns must line up, such as the command
// line's usage: monospaced and left-aligned.
func columnsText(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
}

// ShowUsage shows a command-line mistake with the usage below it, for
// people who started Tern from a launcher or without a console.
func ShowUsage(dialogs *widgets.Dialogs, problem string) {
	content := container.NewVBox(
		widget.NewLabel("The command line was not understood: "+problem),
		columnsText(cmdline.Usage))
	dialogs.Show(dialogs.Closable("Tern", "OK", content))
}

// ShowText opens a window holding text alone, such as -help or -version
// from a Tern started without a console (on Windows, from a shortcut).
// Closing it ends the app.
func ShowText(a fyne.App, text string) fyne.Window {
	win := a.NewWindow("Tern")
	ok := widget.NewButton("OK", win.Close)
	ok.Importance = widget.HighImportance
	win.SetContent(container.NewBorder(nil, container.NewCenter(ok), nil, nil, container.NewPadded(columnsText(text))))
	win.SetMaster()
	win.Show()
	return win
}
