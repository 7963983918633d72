// Command probe is the bare-Fyne baseline for Tern's idle and start-up
// benchmarks: the least a Fyne window can cost, with none of Tern's code.
//
//	probe -mode dialog    a 1180x700 window with a modal pop-up holding one focused Entry
//	probe -mode terminal  a 1180x700 window holding a fyne-io/terminal widget
//
// The window is titled "probe" so that bench/run.sh can wait for it.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	terminal "github.com/fyne-io/terminal"
)

func main() {
	mode := flag.String("mode", "dialog", "dialog or terminal")
	flag.Parse()
	a := app.New()
	w := a.NewWindow("probe")
	w.Resize(fyne.NewSize(1180, 700))
	switch *mode {
	case "dialog":
		w.SetContent(widget.NewLabel("bare Fyne"))
		w.Show()
		showEntryPopUp(w)
	case "terminal":
		term := terminal.New()
		w.SetContent(term)
		w.Show()
		r, wr := io.Pipe() // a connection that stays silent
		go func() { _ = term.RunWithConnection(wr, r) }()
	default:
		fmt.Fprintln(os.Stderr, "probe: -mode dialog or terminal")
		os.Exit(2)
	}
	a.Run()
}

// showEntryPopUp shows a modal pop-up holding one focused Entry.
func showEntryPopUp(w fyne.Window) {
	e := widget.NewEntry()
	e.SetPlaceHolder("host")
	box := container.NewVBox(widget.NewLabel("New session"), e)
	pop := widget.NewModalPopUp(box, w.Canvas())
	pop.Resize(fyne.NewSize(400, 120))
	pop.Show()
	w.Canvas().Focus(e)
}
