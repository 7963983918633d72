package gui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/tern-telnet/tern/gui/cmdline"
)

// Start builds the main window for the command line's options and shows
// it: a session when a host was given, the New session dialog otherwise.
// A command-line mistake (usageErr non-nil) is shown in a dialog too, for
// people who started Tern from a launcher.
func Start(a fyne.App, opts cmdline.Options, usageErr error) *mainWindow {
	w := NewMainWindow(a)
	w.win.Show()
	switch {
	case usageErr != nil:
		msg := usageErr.Error()
		if errors.Is(usageErr, cmdline.ErrUsage) {
			msg = "The command line was not understood: " + cmdline.Message(usageErr) + "\n\n" + cmdline.Usage
		}
		dialog.ShowInformation("Tern", msg, w.win)
	case opts.Host != "":
		st := FromCommandLine(opts)
		st.Scrollback = w.prefs.scrollback
		w.quitWhenEmpty = true
		w.OpenSession(st)
	default:
		w.ShowNewSession()
	}
	return w
}
