// Package about holds Tern's words about itself: Help ▸ About (version,
// manual, the modules built in and their licences), the window that
// shows -help or -version without a console, and the usage text shown for
// a command-line mistake.
package about

import (
	"cmp"
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/widgets"
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

// Text is Help ▸ About's text: version, where the manual is, and
// the modules built in with their licences.
func Text(version string) string {
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

// Show shows Help ▸ About Tern for version over dialogs' window.
func Show(dialogs *widgets.Dialogs, version string) {
	text := widget.NewLabel(Text(version))
	text.Wrapping = fyne.TextWrapWord
	d := dialogs.Closable("About Tern", "Close", container.NewVScroll(text))
	d.Resize(dialogs.Size(700, 480))
	dialogs.Show(d)
}

// CopyReadmeURL puts the manual's address on clipboard and says so.
func CopyReadmeURL(dialogs *widgets.Dialogs, clipboard fyne.Clipboard) {
	clipboard.SetContent(ReadmeURL)
	dialogs.Info("Tern's manual", "The manual is at "+ReadmeURL+" (the address is on the clipboard).")
}
