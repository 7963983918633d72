// Command probe is the bare-Fyne baseline for Tern's idle and start-up
// benchmarks: the least a Fyne window can cost, with none of Tern's code.
//
//	probe -mode dialog    a 1180x700 window with a modal pop-up holding one focused Entry
//	probe -mode terminal  a 1180x700 window holding a fyne-io/terminal widget (it shows no text)
//	probe -mode label     a 1180x700 window showing one line of text
//	probe -mode window    Tern's first screen made of Fyne's own widgets: a toolbar of
//	                      buttons with icons, tabs holding a fyne-io/terminal that shows
//	                      a server's greeting, a status line
//
// Under a software OpenGL (Mesa's llvmpipe) the first text a window draws
// compiles the shader variant that samples a texture, which brings in
// ~11 MB of LLVM's code and ~20 ms: "terminal" never draws text, so it is
// a floor no program that shows text can reach; "label" and "window" are
// the floors for a window that does.
//
// The window is titled "probe" so that bench/run.sh can wait for it.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	terminal "github.com/fyne-io/terminal"
)

func main() {
	mode := flag.String("mode", "dialog", "dialog, terminal, label or window")
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
	case "label":
		w.SetContent(widget.NewLabel("bare Fyne"))
		w.Show()
	case "window":
		term := terminal.New()
		w.SetContent(ternLikeWindow(term))
		w.Show()
		r, wr := io.Pipe() // says a greeting, then stays silent
		go func() { _ = term.RunWithConnection(wr, greeting(r)) }()
	default:
		fmt.Fprintln(os.Stderr, "probe: -mode dialog, terminal, label or window")
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

// ternLikeWindow lays out Fyne's stock widgets as Tern's session window
// is: a toolbar row of buttons with an icon and a word each, one tab
// holding term, a status line.
func ternLikeWindow(term fyne.CanvasObject) fyne.CanvasObject {
	icons := []fyne.Resource{theme.ContentAddIcon(), theme.ContentCopyIcon(), theme.ContentPasteIcon(),
		theme.SearchIcon(), theme.MailSendIcon(), theme.InfoIcon(), theme.ListIcon(), theme.MediaRecordIcon(),
		theme.ViewRefreshIcon(), theme.CancelIcon(), theme.DocumentIcon(), theme.SettingsIcon()}
	words := []string{"New session", "Duplicate", "Send IP", "AYT", "Status", "Find", "Log", "Assistant",
		"Reconnect", "Close", "Profiles", "Settings"}
	bar := container.NewHBox()
	for i, ic := range icons {
		b := widget.NewButtonWithIcon(words[i], ic, func() {})
		b.Importance = widget.LowImportance
		bar.Add(b)
	}
	tabs := container.NewDocTabs(container.NewTabItemWithIcon("127.0.0.1:2323", theme.ComputerIcon(), term))
	status := widget.NewLabel("127.0.0.1:2323 · Telnet · connected · in 11 B, out 0 B")
	return container.NewBorder(container.NewHScroll(bar), status, nil, nil, tabs)
}

// greeting is a connection that says one line, as a server's banner,
// then stays silent until r ends.
func greeting(r io.Reader) io.Reader {
	return io.MultiReader(strings.NewReader("220 probe ready\r\n"), r)
}
