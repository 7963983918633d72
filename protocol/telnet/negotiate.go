package telnet

// Side names one end of an option: Local is what we do (WILL/WONT, asked
// with DO/DONT by the server), Remote is what the server does (WILL/WONT,
// asked with DO/DONT by us).
type Side uint8

// The two sides of an option.
const (
	Local Side = iota
	Remote
)

// QState is an option side's state in the RFC 1143 Q method.
type QState uint8

// The four Q method states.
const (
	No QState = iota
	Yes
	WantNo
	WantYes
)

func (q QState) String() string {
	return [...]string{"NO", "YES", "WANTNO", "WANTYES"}[q]
}

// Policy decides which options may be enabled.
type Policy interface {
	// Accept reports whether the option may be enabled on that side when
	// the other end asks for (Local) or offers (Remote) it.
	Accept(side Side, opt byte) bool
}

type optSide struct {
	state    QState
	opposite bool // the RFC 1143 queue bit: OPPOSITE when true
}

// Negotiator keeps both sides of every option by the RFC 1143 Q method, so
// that no sequence of requests, however hostile, makes it loop: it answers a
// request only when the state changes, and never answers its own request's
// reply.
type Negotiator struct {
	policy Policy
	send   func(verb, opt byte)
	change func(side Side, opt byte, enabled bool)
	sides  [2][256]optSide
}

// NewNegotiator returns a negotiator that asks policy what to accept, hands
// each negotiation it wants to send to send, and reports every option that
// becomes enabled or disabled to change (which may be nil).
func NewNegotiator(policy Policy, send func(verb, opt byte), change func(side Side, opt byte, enabled bool)) *Negotiator {
	if change == nil {
		change = func(Side, byte, bool) {}
	}
	return &Negotiator{policy: policy, send: send, change: change}
}

// State returns one side's Q method state of opt.
func (n *Negotiator) State(side Side, opt byte) QState { return n.sides[side][opt].state }

// Enabled reports whether opt is in effect on that side.
func (n *Negotiator) Enabled(side Side, opt byte) bool { return n.sides[side][opt].state == Yes }

// SetState forces a state without sending anything (for tests and for
// options a session starts in a known state).
func (n *Negotiator) SetState(side Side, opt byte, s QState) { n.sides[side][opt].state = s }

// askVerb and ackVerb give the verbs for a side: Local uses WILL/WONT,
// Remote uses DO/DONT.
func verbs(side Side) (yes, no byte) {
	if side == Local {
		return WILL, WONT
	}
	return DO, DONT
}

// Receive handles IAC WILL/WONT/DO/DONT opt from the server.
func (n *Negotiator) Receive(verb, opt byte) {
	switch verb {
	case WILL:
		n.receiveYes(Remote, opt)
	case WONT:
		n.receiveNo(Remote, opt)
	case DO:
		n.receiveYes(Local, opt)
	case DONT:
		n.receiveNo(Local, opt)
	}
}

// receiveYes handles WILL (Remote) or DO (Local), RFC 1143 section 7.
func (n *Negotiator) receiveYes(side Side, opt byte) {
	s := &n.sides[side][opt]
	yes, no := verbs(side)
	switch s.state {
	case No:
		if n.policy.Accept(side, opt) {
			s.state = Yes
			n.send(yes, opt)
			n.change(side, opt, true)
		} else {
			n.send(no, opt)
		}
	case Yes: // already enabled: never acknowledge again
	case WantNo:
		// The other end answered our DONT/WONT with a positive: an error
		// by the RFC; take its word.
		if s.opposite {
			s.state, s.opposite = Yes, false
			n.change(side, opt, true)
		} else {
			s.state = No
		}
	case WantYes:
		if s.opposite {
			s.state, s.opposite = WantNo, false
			n.send(no, opt)
		} else {
			s.state = Yes
			n.change(side, opt, true)
		}
	}
}

// receiveNo handles WONT (Remote) or DONT (Local).
func (n *Negotiator) receiveNo(side Side, opt byte) {
	s := &n.sides[side][opt]
	yes, no := verbs(side)
	switch s.state {
	case No: // already disabled: ignore
	case Yes:
		s.state = No
		n.send(no, opt)
		n.change(side, opt, false)
	case WantNo:
		if s.opposite {
			s.state, s.opposite = WantYes, false
			n.send(yes, opt)
		} else {
			s.state = No // reported as disabled when we asked
		}
	case WantYes:
		s.state, s.opposite = No, false
	}
}

// Request asks for opt to be enabled or disabled on a side: Local sends
// WILL/WONT, Remote sends DO/DONT. A request for the state already in
// effect, or already asked for, sends nothing.
func (n *Negotiator) Request(side Side, opt byte, enable bool) {
	s := &n.sides[side][opt]
	yes, no := verbs(side)
	if enable {
		switch s.state {
		case No:
			s.state = WantYes
			n.send(yes, opt)
		case WantNo:
			s.opposite = true
		case WantYes:
			s.opposite = false
		}
		return
	}
	switch s.state {
	case Yes:
		s.state = WantNo
		n.send(no, opt)
		n.change(side, opt, false)
	case WantNo:
		s.opposite = false
	case WantYes:
		s.opposite = true
	}
}
