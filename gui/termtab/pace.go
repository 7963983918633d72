package termtab

import (
	"context"
	"regexp"
	"sync"
	"time"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/linedisc"
	"github.com/tern-telnet/tern/protocol/pace"
)

// Paced pastes and Send file: when the session's pacing is on, a paste
// (after its cleaning and question) goes line by line through a
// pace.Pacer that sees the server's data as a tap; the window shows its
// progress (Pacing) with Pause and Cancel. A tab's pacing state lives in
// tabPacing, keyed by the tab, so that this file needs no field in Tab.

type pacingState struct {
	settings profiles.PacingSettings
	set      bool        // settings were changed for this tab
	pacer    *pace.Pacer // the paste being sent, nil when none
	shownAt  time.Time   // when progress was last shown
}

// Progress is a paced paste's progress (protocol/pace's).
type Progress = pace.Progress

var tabPacing sync.Map // *Tab → *pacingState, under pacingMu

var pacingMu sync.Mutex

func (t *Tab) pacingState() *pacingState {
	v, _ := tabPacing.LoadOrStore(t, &pacingState{})
	return v.(*pacingState)
}

// PacingSettings are the tab's pacing: as set for it, else its session's.
func (t *Tab) PacingSettings() profiles.PacingSettings {
	pacingMu.Lock()
	defer pacingMu.Unlock()
	if st := t.pacingState(); st.set {
		return st.settings
	}
	return t.Settings().Profile.Pacing
}

// SetPacingSettings changes the tab's pacing for its next pastes.
func (t *Tab) SetPacingSettings(p profiles.PacingSettings) {
	pacingMu.Lock()
	defer pacingMu.Unlock()
	st := t.pacingState()
	st.settings, st.set = p, true
}

// PacingOptions turns settings into the pacer's options; a prompt that
// is not a valid regular expression is an error.
func PacingOptions(p profiles.PacingSettings) (pace.Options, error) {
	opt := pace.Options{LineDelay: time.Duration(p.LineDelayMs) * time.Millisecond, CharDelay: time.Duration(p.CharDelayMs) * time.Millisecond,
		WaitEcho: p.WaitEcho, Timeout: time.Duration(p.TimeoutS) * time.Second}
	if p.Prompt != "" {
		re, err := regexp.Compile(p.Prompt)
		if err != nil {
			return opt, err
		}
		opt.Prompt = re
	}
	return opt, nil
}

// sendPaced sends cleaned text with the tab's pacing, or always when
// force (Send file); it reports false when it did not (no pacing, or a
// paste already running, or no session).
func (t *Tab) sendPaced(text []byte, force bool) bool {
	settings := t.PacingSettings()
	s := t.Session()
	if !settings.Active() && !force || s == nil || len(text) == 0 {
		return false
	}
	opt, err := PacingOptions(settings)
	if err != nil {
		opt.Prompt = nil // the default; the dialog refuses a bad one
	}
	pacingMu.Lock()
	st := t.pacingState()
	if st.pacer != nil {
		pacingMu.Unlock()
		return false
	}
	var p *pace.Pacer
	p = pace.New(text, opt, func(b []byte) error { return s.Paste(b, false) }, func(pace.Progress) { t.pacingChanged(p) })
	st.pacer = p
	pacingMu.Unlock()
	t.Controller.Attach(s, p) // closed at once when s is no longer current
	go func() {
		_ = p.Run(context.Background())
		pacingMu.Lock()
		if st.pacer == p {
			st.pacer = nil
		}
		pacingMu.Unlock()
		t.ui.do(func() { t.host.SessionChanged(t) })
	}()
	return true
}

// pacingChanged shows progress at most five times a second, and every
// pause at once.
func (t *Tab) pacingChanged(p *pace.Pacer) {
	pr := p.Progress()
	pacingMu.Lock()
	st := t.pacingState()
	due := time.Since(st.shownAt) >= 200*time.Millisecond || pr.Paused || pr.Line == pr.Lines
	if due {
		st.shownAt = time.Now()
	}
	pacingMu.Unlock()
	if due {
		t.ui.do(func() { t.host.SessionChanged(t) })
	}
}

func (t *Tab) pacer() *pace.Pacer {
	pacingMu.Lock()
	defer pacingMu.Unlock()
	return t.pacingState().pacer
}

// Pacing is the running paced paste's progress; ok is false when none runs.
func (t *Tab) Pacing() (pr Progress, ok bool) {
	if p := t.pacer(); p != nil {
		return p.Progress(), true
	}
	return pace.Progress{}, false
}

// PausePacing holds, or resumes, the running paced paste.
func (t *Tab) PausePacing(pause bool) {
	if p := t.pacer(); p != nil {
		if pause {
			p.Pause()
		} else {
			p.Resume()
		}
	}
}

// CancelPacing stops the running paced paste.
func (t *Tab) CancelPacing() {
	if p := t.pacer(); p != nil {
		p.Cancel()
	}
}

// forgetPacing drops the tab's pacing state when the tab closes.
func (t *Tab) forgetPacing() {
	t.CancelPacing()
	tabPacing.Delete(t)
}

// SendFile sends a file's text as a paste with the tab's pacing (line by
// line at least): cleaned, and asked about, as a paste is.
func (t *Tab) SendFile(data []byte) {
	clean := linedisc.CleanPaste(data)
	if len(clean.Text) == 0 || t.InPrompt() {
		return
	}
	t.confirmPaste(clean, func() {
		t.InterruptLogon()
		t.scr.ScrollToBottom()
		t.sendPaced(clean.Text, true)
	})
}
