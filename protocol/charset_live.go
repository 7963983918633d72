package protocol

import "github.com/tern-telnet/tern/protocol/charset"

// SetCharset changes the remote character set of a running session
// (Change settings): what is typed or sent from now on is encoded in it,
// and the server's output is read in it from its next read on (a
// character cut between the two reads is lost). "" means UTF-8.
func (s *Session) SetCharset(name string) {
	s.locked(func() {
		s.cfg.Charset = name
		s.toRemote = charset.NewEncoder(name)
		s.charsetGen.Add(1)
	})
}

// charsetNow is the character set in effect and its SetCharset count.
func (s *Session) charsetNow() (gen uint64, name string) {
	s.locked(func() { gen, name = s.charsetGen.Load(), s.cfg.Charset })
	return gen, name
}
