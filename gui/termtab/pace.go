package termtab

import (
	"context"
	"sync"
	"time"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/linedisc"
	"github.com/tern-telnet/tern/protocol/pace"
)

// Paced pastes and Send file: when the session's pacing is on, a paste
// (after its cleaning and question) goes line by line through a
// pace.Pacer that sees the server's data as a tap; the window shows its
// progress (Pacing.Progress) with Pause and Cancel.

// Pacing is a tab's paced pastes: its pacing settings and the paste being
// sent. Any goroutine may call its methods.
type Pacing struct {
	mu          sync.Mutex
	settings    profiles.PacingSettings
	set         bool        // settings were changed for this tab
	pacer       *pace.Pacer // the paste being sent, nil when none
	shownAt     time.Time   // when progress was last shown
	shownPaused bool        // whether it was paused then
	showLater   bool        // a show is due at the end of the interval

	session func() profiles.PacingSettings   // the session's settings, when none were set
	changed func()                           // tells the window (from any goroutine)
	attach  func(*protocol.Session, DataTap) // gives a session's data to the pacer
}

// Progress is a paced paste's progress (protocol/pace's).
type Progress = pace.Progress

// Pacing is the tab's paced pastes.
func (t *Tab) Pacing() *Pacing { return &t.pacing }

// Settings are the tab's pacing: as set for it, else its session's.
func (pc *Pacing) Settings() profiles.PacingSettings {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.set {
		return pc.settings
	}
	return pc.session()
}

// SetSettings changes the tab's pacing for its next pastes.
func (pc *Pacing) SetSettings(p profiles.PacingSettings) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.settings, pc.set = p, true
}

// send sends cleaned text to s paced as ps says (line by line at
// least); a paste made while another is sent goes after it, paced as it
// is (a second paste must not overrun the device either). It reports
// false when it did not (no session, or the running paste holds too many
// lines to take it).
func (pc *Pacing) send(s *protocol.Session, text []byte, ps profiles.PacingSettings) bool {
	if s == nil || len(text) == 0 {
		return false
	}
	opt, err := settings.PacingOptions(ps)
	if err != nil {
		opt.Prompt = nil // the default; the dialog refuses a bad one
	}
	pc.mu.Lock()
	if pc.pacer != nil {
		err := pc.pacer.Append(text)
		if err != pace.ErrFinished { // else a new pacer takes its place
			pc.mu.Unlock()
			return err == nil
		}
	}
	var p *pace.Pacer
	p = pace.New(text, opt, func(b []byte) error { return s.Paste(b, false) }, func(pace.Progress) { pc.progressed(p) })
	pc.pacer = p
	pc.mu.Unlock()
	pc.attach(s, p) // closed at once when s is no longer current
	go func() {
		_ = p.Run(context.Background())
		pc.mu.Lock()
		if pc.pacer == p {
			pc.pacer = nil
		}
		pc.mu.Unlock()
		pc.changed()
	}()
	return true
}

// showEvery is how often progress is shown at most, but for every pause
// and resume and the last line, which are shown at once.
const showEvery = 200 * time.Millisecond

// progressed shows progress at most every showEvery, and what came within
// that time at its end (a line sent just after a show would otherwise
// wait for the next one, a whole line delay later).
func (pc *Pacing) progressed(p *pace.Pacer) {
	pr := p.Progress()
	pc.mu.Lock()
	wait := showEvery - time.Since(pc.shownAt)
	due := wait <= 0 || pr.Paused != pc.shownPaused || pr.Line == pr.Lines
	switch {
	case due:
		pc.shownAt, pc.shownPaused = time.Now(), pr.Paused
	case !pc.showLater:
		pc.showLater = true
		time.AfterFunc(wait, func() {
			pc.mu.Lock()
			pc.showLater, pc.shownAt, pc.shownPaused = false, time.Now(), p.Progress().Paused
			pc.mu.Unlock()
			pc.changed()
		})
	}
	pc.mu.Unlock()
	if due {
		pc.changed()
	}
}

func (pc *Pacing) running() *pace.Pacer {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	return pc.pacer
}

// Progress is the running paced paste's progress; ok is false when none
// runs.
func (pc *Pacing) Progress() (pr Progress, ok bool) {
	if p := pc.running(); p != nil {
		return p.Progress(), true
	}
	return pace.Progress{}, false
}

// Pause holds, or resumes, the running paced paste.
func (pc *Pacing) Pause(pause bool) {
	if p := pc.running(); p != nil {
		if pause {
			p.Pause()
		} else {
			p.Resume()
		}
	}
}

// Cancel stops the running paced paste, the pastes added to it too.
func (pc *Pacing) Cancel() {
	if p := pc.running(); p != nil {
		p.Cancel()
	}
}

// SendFile sends a file's text as a paste with the tab's pacing (line by
// line at least): cleaned, and asked about, as a paste is.
func (t *Tab) SendFile(data []byte) {
	clean := linedisc.CleanPaste(data)
	if len(clean.Text) == 0 || t.InPrompt() {
		return
	}
	ps := t.pacing.Settings()
	t.confirmPaste(clean, pacedHow(clean, ps, true), false, func(PasteAnswer) {
		t.InterruptLogon()
		t.scr.ScrollToBottom()
		t.pacing.send(t.Session(), clean.Text, ps)
	})
}
