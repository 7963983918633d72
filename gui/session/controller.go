// Package session is a tab's session controller: it starts a tab's
// sessions (the first and each reconnection), hands their output to the
// view, runs the logon actions, feeds the data taps, reconnects when the
// profile asks, keeps the passwords and certificates the person gave, and
// serves the telnet> prompt. It imports no Fyne: it meets the view only
// through Host, so it is tested without a window or a UI queue.
package session

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// Host is what the controller tells the view it serves, and the few
// things it asks of it. The controller never calls it with its lock held.
type Host interface {
	// Output shows p in the terminal: the session's output, and Tern's
	// own text as if the server sent it. It is called on the session's
	// output goroutine or on the goroutine of the call that prints, and
	// must not keep p.
	Output(p []byte)
	// Size is the terminal's size in cells, for a new session.
	Size() (cols, rows int)
	// Started says s is the current session now, before it reads
	// anything; the tap returned (nil for none) sees its data. It is
	// called on the goroutine that called Connect (Options.Owner's for a
	// reconnection).
	Started(s *protocol.Session) DataTap
	// Changed says the status changed: connected, a mode, a logon step,
	// a reconnection scheduled. Any goroutine.
	Changed()
	// GreetingSeen says the current session's first line is whole
	// (Controller.Greeting). The session's output goroutine.
	GreetingSeen()
	// EscapeTyped says the person typed the escape character (Ctrl+]):
	// the view opens the telnet> prompt (OpenPrompt). The session's
	// goroutine.
	EscapeTyped()
	// Ended says the current session s ended, why (err), and whether a
	// reconnection is scheduled, once its last byte went to Output. It is
	// called on the goroutine that waited for s.
	Ended(s *protocol.Session, err error, reconnecting bool)
	// AskPassword asks the person for the password the logon actions
	// send as {password}, saying why in prompt; answer may run on any
	// goroutine, with ok false when they declined and remember true when
	// the keychain keeps it now.
	AskPassword(prompt string, answer func(password string, remember, ok bool))
	// SavedPassword is the keychain's password for a profile: its logon
	// password, or its proxy's when proxy is true. Any goroutine.
	SavedPassword(profile string, proxy bool) (string, bool)
	// VerifyCertificate decides about a certificate that did not verify
	// for a session to where (host:port), as tlscheck.VerifyCertificateFunc
	// does. The session's goroutine.
	VerifyCertificate(ctx context.Context, where string, info tlscheck.Info) error
	// Retitle says the settings changed (telnet> open): the title follows.
	Retitle()
	// Quit is telnet> quit: the view closes.
	Quit()
}

// Options are the view's choices for its controller.
type Options struct {
	// Owner runs the controller's own later work (a reconnection attempt)
	// on the goroutine that owns the view, the UI goroutine in a tab; nil
	// runs it on the timer's goroutine.
	Owner func(func())
}

// Controller runs one view's succession of sessions. Its methods may be
// called on any goroutine.
//
// Who touches its fields: host and owner are set by New and only read
// after. Every other field is guarded by mu, taken by the goroutines that
// use them: the caller's (the UI goroutine in a tab), each session's
// goroutine (OnChange, certificate questions), the goroutine that waits
// for a session's end, the logon runner's, and the reconnection timer's
// (through Owner). The current session's taps, logon run, recording and
// greeting are fed on its output goroutine and guard themselves. mu is
// never held while calling Host or a protocol.Session.
type Controller struct {
	host  Host         // set by New, then read only
	owner func(func()) // set by New, then read only

	mu       sync.Mutex // guards every field below
	settings settings.Session
	sess     *protocol.Session
	fedAll   chan struct{} // closed once sess's last byte went to the view
	taps     *sessionTaps  // the current session's data taps
	lastErr  error
	closing  bool
	prompt   promptLine
	logon    *logonRun  // the current session's logon actions, or nil
	rec      *recording // the current session's first lines, for ProposeLogon
	greet    *greeting  // the current session's first line
	secrets  secrets    // see trust.go
	retry    retrying   // see reconnect.go

	// lineEnds are the implicit CRs and LFs the current session's output
	// gets: set by Connect and ApplyLineEnds, read by feed at every read.
	lineEnds atomic.Pointer[newlines]
}

// New makes the controller for a view whose sessions use st.
func New(host Host, st settings.Session, opt Options) *Controller {
	c := &Controller{host: host, owner: opt.Owner, settings: st}
	if c.owner == nil {
		c.owner = func(f func()) { f() }
	}
	return c
}

// Settings are what the next session connects with.
func (c *Controller) Settings() settings.Session {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.settings
}

// SetSettings takes the settings the next connection uses, leaving the
// current session as it is. What only the telnet> prompt sets (toggle
// options, unexported variables) is the tab's and stays: no dialog shows
// it, so settings from one do not undo it.
func (c *Controller) SetSettings(st settings.Session) {
	c.mu.Lock()
	keepPromptState(c.settings.Engine, &st.Engine)
	c.settings = st
	c.mu.Unlock()
}

// keepPromptState carries old's telnet> state into e: the options toggle,
// and each unexported variable that e neither defines nor (for USER)
// gives another value.
func keepPromptState(old protocol.Config, e *protocol.Config) {
	e.ShowOptions = old.ShowOptions
	var kept map[string]string
	for k, v := range old.EnvironUnexported {
		if _, defined := e.Environment[k]; defined || k == "USER" && v != e.User {
			continue
		}
		if kept == nil {
			kept = map[string]string{}
		}
		kept[k] = v
	}
	e.EnvironUnexported = kept
}

// Session is the current session (nil before the first Connect).
func (c *Controller) Session() *protocol.Session {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.sess
}

// State returns the session's state, or StateNew before the first connect.
func (c *Controller) State() protocol.State {
	if s := c.Session(); s != nil {
		return s.Status().State
	}
	return protocol.StateNew
}

// Live reports whether there is a connected or connecting session.
func (c *Controller) Live() bool {
	st := c.State()
	return st == protocol.StateConnecting || st == protocol.StateConnected
}

// LastError is why the current session ended, or nil.
func (c *Controller) LastError() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lastErr
}

// Print shows Tern's own text in the terminal.
func (c *Controller) Print(text string) { c.host.Output([]byte(text)) }

// Connect starts a new session (the first, or a reconnection); a session
// still running is closed.
func (c *Controller) Connect() {
	st := c.Settings()
	cfg := st.Engine
	cfg.SessionName = st.Name
	if settings.WantsProxyPassword(st) {
		// Nothing remembered (or no keychain) connects without one; the
		// proxy then says authentication failed.
		cfg.Proxy.Password, _ = c.host.SavedPassword(st.Name, true)
	}
	cfg.Cols, cfg.Rows = c.host.Size()
	cfg.ContinueLogs = c.Session() != nil // a reconnect appends to the logs
	place := placeOf(cfg)
	home := c.arrive(place)
	cfg.VerifyCertificate = c.verifier(place.where())
	s := protocol.NewSession(cfg)
	taps := &sessionTaps{}
	lr, rec, greet := newLogonRun(logonPlanOf(st, place, home)), &recording{}, &greeting{}
	s.OnData = func(p []byte) {
		taps.feed(p)
		lr.feed(p)
		rec.output(p)
		if greet.feed(p) {
			c.host.GreetingSeen()
		}
	}
	s.OnEscape = c.host.EscapeTyped
	s.OnChange = c.onChange(s, lr, st.Profile.PortCheck)
	fedAll := make(chan struct{})
	c.mu.Lock()
	old, oldLogon := c.sess, c.logon
	c.sess, c.fedAll, c.lastErr, c.taps, c.logon, c.rec, c.greet = s, fedAll, nil, taps, lr, rec, greet
	c.mu.Unlock()
	oldLogon.stop()
	if old != nil {
		old.Close()
		old.Detach()
	}
	taps.attach(c.host.Started(s))
	c.ApplyLineEnds(st.LFImpliesCR, st.CRImpliesLF)
	go func() { c.feed(s); close(fedAll) }()
	run := func() {
		go func() {
			err := s.Run(context.Background())
			lr.stop()
			<-fedAll
			taps.close()
			c.sessionEnded(s, err)
		}()
	}
	if lr != nil && !st.Profile.PortCheck {
		// The logon's secrets are asked before dialling.
		go c.gatherBeforeConnect(lr, run)
	} else {
		run()
	}
	c.host.Changed()
}

// onChange follows a session's status: a port check reports and hangs up
// once connected; otherwise the logon begins.
func (c *Controller) onChange(s *protocol.Session, lr *logonRun, portCheck bool) func(protocol.Status) {
	var once sync.Once
	return func(st protocol.Status) {
		if st.State == protocol.StateConnected {
			once.Do(func() {
				if !portCheck {
					c.beginLogon(s, lr)
					return
				}
				// through the session's output, so it reads after "Connected to …"
				s.Say(fmt.Sprintf("\r\nPort %s on %s is open: %s accepted the connection. Closing.\r\n", st.Port, st.Host, st.Remote))
				s.Close()
			})
		}
		c.host.Changed()
	}
}

// ApplyLineEnds sets PuTTY's implicit CR in every LF and LF in every CR
// for the current session's output from its next read on (Change
// settings applies them at once). Any goroutine.
func (c *Controller) ApplyLineEnds(lfCR, crLF bool) {
	c.lineEnds.Store(&newlines{lfCR: lfCR, crLF: crLF})
}

// feed hands the session's output to the view, with the implicit CRs and
// LFs the settings ask for (the session's output goroutine).
func (c *Controller) feed(s *protocol.Session) {
	buf := make([]byte, 32<<10)
	var conv []byte
	out := s.Output()
	for {
		n, err := out.Read(buf)
		nl := *c.lineEnds.Load()
		switch {
		case n > 0 && nl.on():
			conv = nl.apply(conv[:0], buf[:n])
			c.host.Output(conv)
		case n > 0:
			c.host.Output(buf[:n])
		}
		if err != nil {
			return
		}
	}
}

// sessionEnded runs when a session's last byte went to the view: the
// current session's end schedules a reconnection when the settings ask,
// and is told to the view.
func (c *Controller) sessionEnded(s *protocol.Session, err error) {
	c.mu.Lock()
	current := c.sess == s
	if current {
		c.lastErr = err
	}
	c.mu.Unlock()
	if !current {
		return
	}
	reconnecting := c.shouldReconnect(s) && c.scheduleReconnect(s)
	c.host.Ended(s, err, reconnecting)
}

// Attach adds tap to s's data taps when s is still the current session;
// otherwise its data is over and tap is closed at once.
func (c *Controller) Attach(s *protocol.Session, tap DataTap) {
	c.mu.Lock()
	taps := c.taps
	if c.sess != s {
		taps = &sessionTaps{closed: true}
	}
	c.mu.Unlock()
	taps.attach(tap)
}

// Close ends the session, its logon and any pending reconnection for
// good. It reports false when the controller was closed already.
func (c *Controller) Close() bool {
	c.mu.Lock()
	if c.closing {
		c.mu.Unlock()
		return false
	}
	c.closing = true
	s, lr := c.sess, c.logon
	c.retry.stopLocked()
	c.mu.Unlock()
	lr.stop()
	if s != nil {
		s.Close()
		s.Detach()
	}
	return true
}
