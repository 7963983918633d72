package gui

import (
	"cmp"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// ReadmeURL is where Tern's manual is.
const ReadmeURL = "https://github.com/tern-telnet/tern#readme"

// licences are the licences of the modules Tern is built from, by
// module path prefix (read from each module's LICENSE).
var licences = []struct{ prefix, licence string }{
	{"fyne.io/", "BSD 3-Clause"},
	{"github.com/fyne-io/", "BSD 3-Clause"},
	{"github.com/go-gl/", "BSD 3-Clause"},
	{"golang.org/x/", "BSD 3-Clause"},
	{"github.com/emersion/", "MIT"},
	{"github.com/zalando/go-keyring", "MIT"},
	{"github.com/charmbracelet/", "MIT"},
}

func licenceOf(path string) string {
	for _, l := range licences {
		if strings.HasPrefix(path, l.prefix) {
			return l.licence
		}
	}
	return "see the module's LICENSE"
}

// aboutText is Help ▸ About's text: version, where the manual is, and
// the modules built in with their licences.
func aboutText(version string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Tern %s, a Telnet client with protocol assistants.\nBuilt with %s for %s/%s.\n\nManual: %s\n\nBuilt from these modules:\n",
		cmp.Or(version, "dev"), runtime.Version(), runtime.GOOS, runtime.GOARCH, ReadmeURL)
	fmt.Fprintf(&b, "  Go standard library  BSD 3-Clause\n")
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			fmt.Fprintf(&b, "  %s %s  %s\n", m.Path, m.Version, licenceOf(m.Path))
		}
	}
	return b.String()
}

// showAbout shows Help ▸ About Tern.
func (w *mainWindow) showAbout() {
	text := widget.NewLabel(aboutText(w.opts.Version))
	text.Wrapping = fyne.TextWrapWord
	d := w.dialogs.Closable("About Tern", "Close", container.NewVScroll(text))
	d.Resize(w.dialogs.Size(700, 480))
	w.dialogs.Show(d)
}

// copyReadmeURL puts the manual's address on the clipboard and says so.
func (w *mainWindow) copyReadmeURL() {
	w.app.Clipboard().SetContent(ReadmeURL)
	w.dialogs.Info("Tern's manual", "The manual is at "+ReadmeURL+" (the address is on the clipboard).")
}
