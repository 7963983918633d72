package session

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// Logon actions (protocol/logon): each session of the tab that has steps
// gets a logonRun. The server's data reaches it from the first byte; once
// the session is connected and the password (when a step sends
// {password}) is known, the runner starts. Any key the person types stops
// it at once (the view calls InterruptLogon before the key goes out), as does
// the end of the session, a reconnect or closing the tab. A timeout or a
// refused login is explained in the terminal; the status bar shows the
// step in progress (LogonStatus).

// logonPlan is what a session's logon needs, read on the UI goroutine
// when the session starts.
type logonPlan struct {
	steps    []logon.Step
	vars     logon.Vars // without the password
	name     string     // the profile, "" for an unsaved session
	remember bool       // the profile keeps its password in the keychain
	// rememberEnable: the profile keeps its enable secret there too.
	rememberEnable bool
	// place is where the session goes; home is true when it is where
	// the tab's profile was opened for, so that its keychain password
	// may go there.
	place secretPlace
	home  bool
}

// logonRun is one session's logon.
type logonRun struct {
	plan   logonPlan
	ctx    context.Context
	cancel context.CancelFunc

	mu      sync.Mutex
	runner  *logon.Runner // nil until the password is known
	early   []byte        // server data before the runner exists
	status  string        // the status bar's note
	stopped bool          // the person typed or the session ended: start nothing
	ended   bool          // the run is over; status is its last word
	// gathered are the secrets given before the session dialled.
	gathered logonSecrets
}

// setGathered keeps the secrets gathered before connecting, for the
// logon once connected.
func (l *logonRun) setGathered(got logonSecrets) {
	l.mu.Lock()
	l.gathered = got
	l.mu.Unlock()
}

// toBegin is what the logon begins with once connected: the secrets
// gathered before, and false when it already ended (declined, stopped).
func (l *logonRun) toBegin() (logonSecrets, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	got := logonSecrets{}
	for k, v := range l.gathered {
		got[k] = v
	}
	return got, !l.ended && !l.stopped
}

// noUserStatus is the status bar's note for steps held back because they
// type {user} and the session has none: sending an empty line to a login
// prompt, and asking a password for nobody, helps no one.
const noUserStatus = "Logon actions not run: they type {user}, and this session has no Auto-login user name (Advanced)"

// newLogonRun prepares the logon of a session; nil when it has no steps.
// Steps that type {user} when there is no user name end at once, having
// asked and sent nothing.
func newLogonRun(plan logonPlan) *logonRun {
	if len(plan.steps) == 0 {
		return nil
	}
	l := &logonRun{plan: plan, status: fmt.Sprintf("Logon: %d steps, waiting for the connection", len(plan.steps))}
	l.ctx, l.cancel = context.WithCancel(context.Background())
	if plan.vars.User == "" && logon.NeedsUser(plan.steps) {
		l.giveUp(noUserStatus)
	}
	return l
}

// feed takes the server's data (the session's OnData goroutine).
func (l *logonRun) feed(p []byte) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case l.runner != nil:
		l.runner.Feed(p)
	case !l.stopped:
		l.early = append(l.early, p...)
		if over := len(l.early) - logon.Window; over > 0 {
			l.early = append(l.early[:0], l.early[over:]...)
		}
	}
}

// start makes the runner, hands it what the server sent so far and
// returns it; nil when the logon was stopped meanwhile.
func (l *logonRun) start(s logon.Sender, secrets logonSecrets) *logon.Runner {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.stopped {
		return nil
	}
	vars := l.plan.vars
	vars.Password, vars.Enable = secrets[passwordKind], secrets[enableKind]
	l.runner = logon.New(s, l.plan.steps, vars, nil)
	l.runner.Feed(l.early)
	l.early = nil
	return l.runner
}

// interrupt stops the logon for a key the person typed. It reports
// whether a logon was still under way; once one has ended, the first key
// clears its last word from the status bar.
func (l *logonRun) interrupt() bool {
	if l == nil {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ended {
		l.status = ""
		return false
	}
	if l.stopped {
		return false
	}
	l.stopped = true
	if l.runner != nil {
		l.runner.Interrupt() // Run returns and says so
	} else {
		l.endLocked(logon.Explain(&logon.Error{Kind: logon.Interrupted}))
	}
	return true
}

// stop ends the logon because its session ended or was replaced.
func (l *logonRun) stop() {
	if l == nil {
		return
	}
	l.mu.Lock()
	l.stopped = true
	if l.runner == nil {
		l.endLocked("")
	}
	l.mu.Unlock()
	l.cancel()
}

// giveUp ends a logon that never started, with its reason for the status
// bar.
func (l *logonRun) giveUp(why string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.stopped = true
	l.endLocked(why)
}

func (l *logonRun) endLocked(status string) {
	l.ended, l.status = true, status
	l.early = nil
}

func (l *logonRun) setStatus(s string) {
	l.mu.Lock()
	if !l.ended {
		l.status = s
	}
	l.mu.Unlock()
}

func (l *logonRun) statusText() string {
	if l == nil {
		return ""
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.status
}

// finish records how Run ended and returns what the terminal must say:
// a timeout or a refused login is explained there, the person's typing
// and the session's end only in the status bar (or not at all).
func (l *logonRun) finish(err error) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var e *logon.Error
	switch {
	case err == nil:
		l.endLocked("Logon: done")
	case errors.As(err, &e) && e.Kind == logon.Ended:
		l.endLocked("")
	case errors.As(err, &e) && e.Kind == logon.Interrupted:
		l.endLocked(logon.Explain(err))
	default:
		l.endLocked(logon.Explain(err))
		return logon.Explain(err)
	}
	return ""
}

// logonPlanOf is what a session to place needs for its logon; home is
// true when place is where the profile was opened for.
func logonPlanOf(st settings.Session, place secretPlace, home bool) logonPlan {
	return logonPlan{
		steps: append([]logon.Step(nil), st.Logon...),
		vars:  logon.Vars{User: st.Engine.User, Host: st.Engine.Host},
		name:  st.Name, remember: st.Profile.RememberPassword, rememberEnable: st.Profile.RememberEnable,
		place: place, home: home,
	}
}

// beginLogon starts the session's logon once it is connected: at once
// when no step sends {password} or {enable}, else once the controller,
// the keychain or the person gave each (gatherSecrets). Any goroutine
// may call it.
func (c *Controller) beginLogon(s *protocol.Session, l *logonRun) {
	if l == nil {
		return
	}
	got, ok := l.toBegin()
	if !ok {
		return
	}
	go c.gatherSecrets(l, got, "", func(got logonSecrets) { c.runLogon(s, l, got) }, func() {})
}

// knownPassword is the password given earlier for the same host, port
// and TLS, or the one the keychain keeps for the profile when the session
// goes where the profile was opened for.
func (c *Controller) knownPassword(plan logonPlan) (string, bool) {
	c.mu.Lock()
	pw, ok := c.secrets.password, c.secrets.havePassword && c.secrets.passwordFor == plan.place
	c.mu.Unlock()
	if ok || !plan.remember || plan.name == "" || !plan.home {
		return pw, ok
	}
	pw, ok = c.host.SavedPassword(plan.name, false)
	if !ok {
		return "", false
	}
	c.setPassword(pw, plan.place)
	return pw, true
}

// setPassword keeps pw for the sessions to place, and only those.
func (c *Controller) setPassword(pw string, place secretPlace) {
	c.mu.Lock()
	c.secrets.password, c.secrets.passwordFor, c.secrets.havePassword = pw, place, true
	c.mu.Unlock()
}

// runLogon runs the steps on its own goroutine; progress shows in the
// status bar, and a stop that needs explaining is explained in the
// terminal.
func (c *Controller) runLogon(s *protocol.Session, l *logonRun, secrets logonSecrets) {
	r := l.start(s, secrets)
	if r == nil {
		return
	}
	err := r.Run(l.ctx, func(p logon.Progress) {
		l.setStatus(p.String())
		c.host.Changed()
	})
	say := l.finish(err)
	if say != "" {
		c.Print("\r\n" + say + "\r\n")
	}
	if note := l.statusText(); note != "" { // the Event log keeps how it ended
		s.Events().Addf("%s", note)
	}
	c.host.Changed()
}

// currentLogon is the current session's logon, or nil.
func (c *Controller) currentLogon() *logonRun {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.logon
}

// InterruptLogon stops the current session's logon actions before a key
// the person typed (in this view or in another, while typing into all
// tabs) goes out: the session is theirs. It reports whether they were
// running.
func (c *Controller) InterruptLogon() bool { return c.currentLogon().interrupt() }

// LogonStatus is the status bar's note on the logon actions: "Logon:
// step 2 of 4, waiting for “Password:”", how they ended, or "".
func (c *Controller) LogonStatus() string { return c.currentLogon().statusText() }

// recordLines is how many lines typed a recording keeps: enough for a
// login, and a bound on what a long session holds.
const recordLines = 16

// recording watches a session's first lines for Record from this
// session (Recorder is not safe for concurrent use; this is).
type recording struct {
	mu    sync.Mutex
	rec   logon.Recorder
	lines int
}

func (r *recording) output(p []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.lines < recordLines {
		r.rec.Output(p)
	}
}

func (r *recording) typed(p []byte, secret, quiet bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.lines >= recordLines {
		return
	}
	r.rec.Typed(p, secret, quiet)
	for _, c := range p {
		if c == '\r' {
			r.lines++
		}
	}
}

// ProposeLogon is Record from this session: steps proposed from what the
// server printed and the person typed since the current session started
// (nil before any line was typed). A line typed at a password prompt
// becomes {password}, the session's user name {user}.
func (c *Controller) ProposeLogon() []logon.Step {
	c.mu.Lock()
	rec, st := c.rec, c.settings
	c.mu.Unlock()
	if rec == nil {
		return nil
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return rec.rec.Steps(logon.Vars{User: st.Engine.User, Host: st.Engine.Host})
}

// Send is what the person typed, for the session: the recording sees it,
// then it goes out.
func (c *Controller) Send(p []byte) {
	c.mu.Lock()
	s, rec := c.sess, c.rec
	c.mu.Unlock()
	if s == nil {
		return
	}
	if rec != nil {
		rec.typed(p, s.SecretInput(), !s.Status().LocalEcho)
	}
	_, _ = s.Write(p)
}
