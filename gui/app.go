package gui

import (
	"errors"
	"fmt"
	"net"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/about"
	"github.com/tern-telnet/tern/gui/appprefs"
	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/gui/fasttick"
	"github.com/tern-telnet/tern/gui/launch"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
)

// Options are what main decides for the window and the process around it.
type Options struct {
	// Store holds the saved sessions.
	Store *profiles.Store
	// Command is the command line; UsageErr a mistake in it, shown in a
	// dialog for people who started Tern from a launcher.
	Command  cmdline.Options
	UsageErr error
	// Version is Tern's version, for Help ▸ About ("dev" when empty).
	Version string
	// Resolver looks up mail domains (tern -mx, the SMTP assistant's
	// Mail domain); nil means the system's.
	Resolver *net.Resolver
	// EachSecond hears, once a second on the UI goroutine, how many bytes
	// every tab's session has received and how many tabs there are (main
	// gives memory back after a burst); nil for nothing.
	EachSecond func(received int64, tabs int)
}

// Start builds the main window and shows it: a session when the command
// line gave a host, the New session dialog otherwise. Text cursors are
// steady (see gui/appprefs/animations.go).
func Start(a fyne.App, o Options) {
	appprefs.TurnOffAnimations(a)
	w := newMainWindow(a, o, fyneDo)
	w.win.Show()
	fasttick.Start()         // keys read as they arrive, where the platform allows
	f, _ := w.loadProfiles() // reports a broken profiles file
	w.openFromCommandLine(f, o.Command, o.UsageErr)
}

// openFromCommandLine opens what the command line asks for, or says what
// is wrong with it.
func (w *mainWindow) openFromCommandLine(f *profiles.File, opts cmdline.Options, usageErr error) {
	if usageErr == nil && opts.Profile != "" {
		p, err := profiles.Lookup(f, opts.Profile)
		if err != nil {
			usageErr = fmt.Errorf("%w: %v", cmdline.ErrUsage, err)
		} else {
			w.quitWhenEmpty = true
			w.openSession(launch.Loaded(p, opts), launch.PrintFound(opts))
			return
		}
	}
	last := launch.LastTabs(w.app.Preferences(), f) // Reopen last tabs, an option in Settings
	switch {
	case usageErr != nil && errors.Is(usageErr, cmdline.ErrUsage):
		about.ShowUsage(w.dialogs, cmdline.Message(usageErr))
	case usageErr != nil:
		w.dialogs.Info("Tern", usageErr.Error())
	case opts.MX != "":
		w.quitWhenEmpty = true
		w.openSession(launch.MailDomain(opts), launch.PrintFound(opts))
	case opts.Host != "":
		st := settings.FromCommandLine(opts)
		w.quitWhenEmpty = true
		w.OpenSession(st)
	case len(last) > 0:
		for _, st := range last {
			w.OpenSession(st)
		}
	default:
		sessionDialogs{w}.showNew()
	}
}
