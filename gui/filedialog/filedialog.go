// Package filedialog asks where to save a file, or which file to open,
// with the platform's own dialog where it has one: Windows' common file
// dialog and macOS's panel (github.com/sqweek/dialog), zenity or kdialog
// on Linux and the BSDs when installed. Where there is none it shows
// Fyne's dialog instead. The platform's dialog has the person's places
// (Documents, Desktop), shows whole names and closes with Escape. A
// native dialog runs on its own goroutine (it blocks until answered);
// when it fails, Fyne's is shown.
package filedialog

import (
	"errors"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// errNoNative means the platform has no file dialog of its own here.
var errNoNative = errors.New("filedialog: no native file dialog")

// errCancelled means the person closed the dialog without choosing.
var errCancelled = errors.New("filedialog: cancelled")

// Save asks where to save a file, offering name in the person's home
// folder; then runs on the UI goroutine (through ui, nil meaning
// fyne.Do) with a writer to the chosen file, or nil when they cancelled,
// as Fyne's NewFileSave callback does.
func Save(win fyne.Window, ui func(func()), name string, then func(fyne.URIWriteCloser, error)) {
	home, _ := os.UserHomeDir()
	go func() {
		path, err := nativeSave(name, home)
		runUI(ui, func() {
			switch {
			case errors.Is(err, errCancelled):
				then(nil, nil)
			case err != nil: // none here, or it failed: Fyne's
				fyneSave(win, name, home, then)
			default:
				then(storage.Writer(storage.NewFileURI(path)))
			}
		})
	}()
}

// Open asks which file to open, from the person's home folder; then runs
// as Save's does, with a reader.
func Open(win fyne.Window, ui func(func()), then func(fyne.URIReadCloser, error)) {
	home, _ := os.UserHomeDir()
	go func() {
		path, err := nativeOpen(home)
		runUI(ui, func() {
			switch {
			case errors.Is(err, errCancelled):
				then(nil, nil)
			case err != nil: // none here, or it failed: Fyne's
				dialog.ShowFileOpen(then, win)
			default:
				then(storage.Reader(storage.NewFileURI(path)))
			}
		})
	}()
}

// fyneSave is Fyne's own save dialog, in dir, offering name.
func fyneSave(win fyne.Window, name, dir string, then func(fyne.URIWriteCloser, error)) {
	d := dialog.NewFileSave(then, win)
	d.SetFileName(name)
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
}

func runUI(ui func(func()), f func()) {
	if ui == nil {
		fyne.Do(f)
		return
	}
	ui(f)
}
