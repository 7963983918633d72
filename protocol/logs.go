package protocol

import (
	"bytes"
	"time"

	"github.com/tern-telnet/tern/protocol/logon"
	"github.com/tern-telnet/tern/protocol/sessionlog"
)

// Log says where and how to log a session.
type Log struct {
	// Path is the file name; PuTTY's placeholders are replaced: &H host,
	// &P port, &Y year, &M month, &D day, &T time (HHMMSS), && a literal
	// &, and KiTTY's &S session name (the host when there is none).
	Path string
	// Append adds to an existing file instead of replacing it.
	Append bool
	// Timestamp, for a printable log, starts each line with the time it
	// began, in this format: &Y year, &M month, &D day, &T time
	// (15:04:05), &N milliseconds, && a literal & (not case-sensitive);
	// "[&Y-&M-&D &T] " gives "[2026-11-29 23:59:07] ". "" means none.
	Timestamp string
	// TextOnly keeps, in a session log, only the text (PuTTY's "Printable
	// output"): escape sequences and control characters other than CR, LF
	// and TAB are left out. false logs the output as sent (PuTTY's "All
	// session output").
	TextOnly bool
}

// openLogs opens the session and raw logs the config asks for; a log that
// cannot be opened is reported in the terminal and the event log.
func (s *Session) openLogs() {
	if l := s.cfg.SessionLog; l.Path != "" {
		if name, err := s.StartSessionLog(l); err != nil {
			s.logOpenFailed("session", name, err)
		}
	}
	if l := s.cfg.RawLog; l.Path != "" {
		name, f, err := s.openNamedLog(l, time.Now())
		if err != nil {
			s.logOpenFailed("raw", name, err)
			return
		}
		s.mu.Lock()
		s.rawLog = &sessionlog.Raw{File: f}
		s.mu.Unlock()
		s.logf("Logging raw traffic to %s", name)
	}
}

// openNamedLog opens l's file, its placeholders filled in for the moment at.
func (s *Session) openNamedLog(l Log, at time.Time) (string, *sessionlog.File, error) {
	name := sessionlog.ExpandName(l.Path, s.logNameFields(at))
	f, err := sessionlog.Open(name, l.Append || s.cfg.ContinueLogs)
	return name, f, err
}

func (s *Session) logOpenFailed(kind, name string, err error) {
	s.logf("Cannot open %s log %s: %v", kind, name, err)
	s.say("Tern cannot write the " + kind + " log " + name + ": " + err.Error() + "\r\n")
}

// logData writes the server's data to the printable log, and notes whether
// its last line asks for a password (see sendTyped).
func (s *Session) logData(p []byte) {
	s.mu.Lock()
	l := s.sessionLog
	s.notePrompt(p)
	s.mu.Unlock()
	if l != nil {
		_, _ = l.Write(p)
	}
}

func (s *Session) recordRaw(dir string, p []byte) {
	s.mu.Lock()
	l := s.rawLog
	s.mu.Unlock()
	if l != nil {
		l.Record(dir, p)
	}
}

func (s *Session) closeLogs() {
	s.mu.Lock()
	sl, rl := s.sessionLog, s.rawLog
	s.mu.Unlock()
	if sl != nil {
		_ = sl.Close()
	}
	if rl != nil {
		_ = rl.Close()
	}
}

// StartSessionLog starts (or restarts) the printable output log while the
// session runs, as PuTTY's logging settings do mid-session.
func (s *Session) StartSessionLog(l Log) (string, error) {
	now := time.Now()
	name, f, err := s.openNamedLog(l, now)
	if err != nil {
		return name, err
	}
	_, _ = f.Write([]byte(sessionlog.Header(now)))
	f.SetTimestamp(l.Timestamp)
	f.SetTextOnly(l.TextOnly)
	s.mu.Lock()
	old := s.sessionLog
	s.sessionLog = f
	s.cfg.SessionLog = l
	s.mu.Unlock()
	if old != nil {
		_ = old.Close()
	}
	s.logf("Logging printable output to %s", name)
	return name, nil
}

// StopSessionLog stops the printable output log, flushing it.
func (s *Session) StopSessionLog() {
	s.mu.Lock()
	old := s.sessionLog
	s.sessionLog = nil
	s.mu.Unlock()
	if old != nil {
		_ = old.Close()
		s.logf("Stopped logging printable output")
	}
}

// Logging reports whether a printable output log is open.
func (s *Session) Logging() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sessionLog != nil
}

func (s *Session) logNameFields(at time.Time) sessionlog.NameFields {
	return sessionlog.NameFields{Host: s.cfg.Host, Port: s.cfg.port(), Session: s.cfg.SessionName, At: at}
}

// promptTailMax bounds the last line kept for the prompt tables
// (logon.IsPasswordPrompt).
const promptTailMax = 256

// notePrompt follows the server's last line (s.mu held).
func (s *Session) notePrompt(p []byte) {
	if i := bytes.LastIndexByte(p, '\n'); i >= 0 {
		s.promptTail, p = s.promptTail[:0], p[i+1:]
	}
	s.promptTail = append(s.promptTail, p...)
	if over := len(s.promptTail) - promptTailMax; over > 0 {
		s.promptTail = append(s.promptTail[:0], s.promptTail[over:]...)
	}
	tail := string(s.promptTail)
	s.secretPrompt = logon.IsPasswordPrompt(tail)
	s.doubtPrompt = !s.secretPrompt && logon.MayAskForSecret(tail)
	if !s.secretPrompt && !s.doubtPrompt {
		s.maskRun = false
	}
}
