package protocol

import "time"

// openLogs opens the session and raw logs the config asks for; a log that
// cannot be opened is reported in the terminal and the event log.
func (s *Session) openLogs() {
	now := time.Now()
	if p := s.cfg.SessionLog.Path; p != "" {
		name := ExpandLogName(p, s.logNameFields(now))
		if l, err := openLog(name, s.cfg.SessionLog.Append); err != nil {
			s.logf("Cannot open session log %s: %v", name, err)
			s.say("Tern cannot write the session log " + name + ": " + err.Error() + "\r\n")
		} else {
			_, _ = l.Write([]byte(sessionLogHeader(now)))
			s.mu.Lock()
			s.sessionLog = l
			s.mu.Unlock()
			s.logf("Logging printable output to %s", name)
		}
	}
	if p := s.cfg.RawLog.Path; p != "" {
		name := ExpandLogName(p, s.logNameFields(now))
		if l, err := openLog(name, s.cfg.RawLog.Append); err != nil {
			s.logf("Cannot open raw log %s: %v", name, err)
			s.say("Tern cannot write the raw log " + name + ": " + err.Error() + "\r\n")
		} else {
			s.mu.Lock()
			s.rawLog = &rawLogger{l}
			s.mu.Unlock()
			s.logf("Logging raw traffic to %s", name)
		}
	}
}

func (s *Session) logData(p []byte) {
	s.mu.Lock()
	l := s.sessionLog
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
		l.record(dir, p)
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
	name := ExpandLogName(l.Path, s.logNameFields(now))
	f, err := openLog(name, l.Append)
	if err != nil {
		return name, err
	}
	_, _ = f.Write([]byte(sessionLogHeader(now)))
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

func (s *Session) logNameFields(at time.Time) LogNameFields {
	return LogNameFields{Host: s.cfg.Host, Port: s.cfg.port(), Session: s.cfg.SessionName, At: at}
}
