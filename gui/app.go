package gui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"

	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/gui/fasttick"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// applyCommandLine lets options given beside -load override the profile.
func applyCommandLine(st settings.Session, o cmdline.Options) settings.Session {
	e := &st.Engine
	if o.Host != "" {
		e.Host = o.Host
	}
	if o.Port != "" {
		e.Port = o.Port
	}
	if o.Bind != "" {
		e.Bind = o.Bind
	}
	if o.Network != "" {
		e.Network = o.Network
	}
	if o.Raw {
		e.Negotiation = protocol.NegotiateRaw
	}
	if o.SessionLog != "" {
		e.SessionLog = protocol.Log{Path: o.SessionLog}
	}
	if o.RawLog != "" {
		e.RawLog = protocol.Log{Path: o.RawLog}
	}
	if o.EscapeSet {
		e.Escape = o.Escape
	}
	if o.CloseSet {
		st.Close = o.Close
	}
	if o.Proxy.Active() {
		// The profile's remembered proxy password still goes only to the
		// proxy it was saved for (settings.WantsProxyPassword).
		e.Proxy = o.Proxy
	}
	return st
}

// Start builds the main window for the command line's options and shows
// it: a session when a host was given, the New session dialog otherwise.
// A command-line mistake (usageErr non-nil) is shown in a dialog too, for
// people who started Tern from a launcher. Text cursors are steady (see
// animations.go); the heap's growth is bounded tighter than Go's default
// (see memory.go).
func Start(a fyne.App, store *profiles.Store, opts cmdline.Options, usageErr error) *mainWindow {
	turnOffAnimations(a)
	setGCGoal()
	w := NewMainWindow(a, store)
	w.win.Show()
	fasttick.Start()         // keys read as they arrive, where the platform allows
	f, _ := w.loadProfiles() // reports a broken profiles file
	if usageErr == nil && opts.Profile != "" {
		p, err := profiles.Lookup(f, opts.Profile)
		if err != nil {
			usageErr = fmt.Errorf("%w: %v", cmdline.ErrUsage, err)
		} else {
			w.quitWhenEmpty = true
			w.openSession(withMailDomain(applyCommandLine(settings.FromProfile(p), opts), opts), printFound(opts))
			return w
		}
	}
	switch {
	case usageErr != nil && errors.Is(usageErr, cmdline.ErrUsage):
		w.showUsage(cmdline.Message(usageErr))
	case usageErr != nil:
		w.showInfo("Tern", usageErr.Error())
	case opts.MX != "":
		w.quitWhenEmpty = true
		w.openSession(mailDomainSettings(opts), printFound(opts))
	case opts.Host != "":
		st := settings.FromCommandLine(opts)
		w.quitWhenEmpty = true
		w.OpenSession(st)
	default:
		w.ShowNewSession()
	}
	return w
}
