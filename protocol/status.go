package protocol

import (
	"time"

	"github.com/tern-telnet/tern/protocol/telnet"
)

// OptionState is one option's Q method state on both sides.
type OptionState struct {
	Option        byte
	Name          string
	Local, Remote telnet.QState
}

// Status is a snapshot of a session for the GUI and for telnet's "status".
type Status struct {
	State            State
	Host, Port, Bind string
	Remote, Local    string // addresses once connected
	// Proxy names the proxy the session goes through ("SOCKS 5 proxy
	// 10.0.0.5:1080"; Remote is then the proxy's address); "" for none.
	Proxy             string
	Since             time.Time
	BytesIn, BytesOut int64
	Mode              Negotiation // as resolved (never Auto)
	LineMode          bool        // local line editing
	LocalEcho         bool
	Escape            int
	ShowOptions       bool // option processing is shown (Session.ShowOptions)
	Options           []OptionState
}

// Status returns a snapshot; it never waits on the network.
func (s *Session) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Status{
		State: s.state, Host: s.cfg.Host, Port: s.cfg.port(), Bind: s.cfg.Bind,
		Remote: s.peer.remote, Local: s.peer.local, Since: s.peer.since,
		BytesIn: s.link.bytesIn.Load(), BytesOut: s.link.bytesOut.Load(),
		Mode: s.mode(), LineMode: s.ld.Edit, LocalEcho: s.ld.EchoOn, Escape: s.escape, ShowOptions: s.showOptions,
		Options: s.optionStatesLocked(), Proxy: s.cfg.proxyName(),
	}
}
