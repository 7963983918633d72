package protocol

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tern-telnet/tern/protocol/telnet"
)

// State is where a session is in its life.
type State int

// The states of a session.
const (
	StateNew State = iota
	StateConnecting
	StateConnected
	StateClosed
)

func (s State) String() string {
	return [...]string{"New", "Connecting…", "Connected", "Closed"}[s]
}

// readSize is how much one socket read takes.
const readSize = 32 << 10

// maxPendingOut bounds what waits to be written to a server that does not
// read; beyond it the connection is dropped.
const maxPendingOut = 4 << 20

// Session is one Telnet (or raw) connection with its terminal-side streams.
// Create it with NewSession, set the On* hooks, then call Run.
type Session struct {
	// OnEscape is called (on the input goroutine) when the escape
	// character is typed.
	OnEscape func()
	// OnChange is called when the state, echo or line mode changes.
	OnChange func()
	// OnData, if set, sees the server's data after Telnet processing, on
	// the reading goroutine (the SMTP assistant reads replies from it). It
	// must not block.
	OnData func([]byte)

	cfg    Config
	out    *stream
	events *EventLog

	input    chan inputItem
	inputEnd chan struct{}
	inOnce   sync.Once

	mu           sync.Mutex // guards everything below
	state        State
	conn         *net.TCPConn
	neg          *telnet.Negotiator
	ld           lineDiscipline
	telnetSeen   bool // the server has negotiated
	ttypeIndex   int
	cols, rows   int
	nawsTimer    *time.Timer
	closedByUs   bool
	since        time.Time
	local        string
	remote       string
	escape       int
	cancel       context.CancelFunc
	sessionLog   *logFile
	rawLog       *rawLogger
	secretPrompt bool // the server's last line asks for a password (see logs.go)
	maskRun      bool // a masked run of typed keys is open in the raw log
	promptTail   []byte
	binaryOut    bool
	stopKeep     chan struct{}
	resolvedMode Negotiation

	wmu      sync.Mutex // held while writing to the server (and during a TLS handshake)
	wr       io.Writer  // the socket, or its TLS layer
	tlsArmed bool
	tlsReady func([]byte) bool // says when the server's go-ahead for TLS arrived
	armed    atomic.Bool       // mirrors tlsArmed for the read loop's fast path
	tlsDone  chan error
	tlsInfo  *TLSInfo

	bytesIn, bytesOut atomic.Int64
	connRef           atomic.Pointer[net.TCPConn]

	// Work found while s.mu was held, done after it is released.
	pendingEcho   []byte
	pendingEscape bool
	pendingChange bool

	outq     outQueue
	decoder  telnet.Decoder
	finished chan struct{}
}

// NewSession prepares a session; nothing happens until Run.
func NewSession(cfg Config) *Session {
	s := &Session{
		cfg:      cfg,
		out:      newStream(),
		events:   NewEventLog(0),
		input:    make(chan inputItem, 4096),
		inputEnd: make(chan struct{}),
		finished: make(chan struct{}),
		escape:   cfg.escape(),
		cols:     cfg.Cols,
		rows:     cfg.Rows,
	}
	if s.cols <= 0 || s.rows <= 0 {
		s.cols, s.rows = 80, 24
	}
	s.outq.init()
	s.resolvedMode = resolveMode(&cfg)
	s.neg = telnet.NewNegotiator(options, s.sendNegotiation, s.optionChanged)
	s.ld = lineDiscipline{out: (*sessionLine)(s), escapeChar: s.escape, specials: cfg.KeyboardSpecials, backspace: 0x7f}
	if cfg.BackspaceSendsCtrlH {
		s.ld.backspace = 0x08
	}
	s.updateModesLocked()
	go s.inputLoop()
	return s
}

// Config returns the configuration the session was made with.
func (s *Session) Config() Config { return s.cfg }

// Output is what the terminal shows: the server's data after Telnet
// processing, local echo and Tern's own messages, in order. It ends with
// io.EOF after the connection closes.
func (s *Session) Output() io.Reader { return s.out }

// Events is the session's event log.
func (s *Session) Events() *EventLog { return s.events }

// Done is closed when Run has returned.
func (s *Session) Done() <-chan struct{} { return s.finished }

// Write takes the user's keys from the terminal, one key per write (the
// escape character, ^C and Backspace act as keys). It never blocks on the
// network. Pasted text goes to Paste instead.
func (s *Session) Write(p []byte) (int, error) {
	if err := s.queueInput(inputItem{data: append([]byte(nil), p...)}); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Paste sends pasted text as text: it is cleaned first (see CleanPaste),
// so no pasted byte can act as a key, end a bracketed paste or open the
// escape prompt, and Telnet's IAC is doubled like any data. bracketed says
// the server asked for bracketed paste (xterm's mode 2004); the markers
// are sent around the text in character mode. It never blocks on the
// network, and keeps its place among the keys.
func (s *Session) Paste(p []byte, bracketed bool) error {
	return s.queueInput(inputItem{data: CleanPaste(p).Text, paste: true, bracketed: bracketed})
}

// inputItem is one write from the terminal side.
type inputItem struct {
	data      []byte
	paste     bool // data is cleaned pasted text
	bracketed bool // the server asked for bracketed paste
}

func (s *Session) queueInput(it inputItem) error {
	select {
	case <-s.inputEnd:
		return io.ErrClosedPipe
	default:
	}
	select {
	case s.input <- it:
		return nil
	case <-s.inputEnd:
		return io.ErrClosedPipe
	}
}

// Close ends the connection (printing "Connection closed.") or cancels a
// connect in progress.
func (s *Session) Close() error {
	s.mu.Lock()
	s.closedByUs = true
	conn, cancel := s.conn, s.cancel
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	if conn != nil {
		_ = conn.Close()
	}
	return nil
}

// Detach says the terminal side has gone: output is dropped and input
// ends. Call it after Close when a tab is closed.
func (s *Session) Detach() {
	s.out.CloseRead()
	s.inOnce.Do(func() { close(s.inputEnd) })
}

// locked runs f with s.mu held, then does what f left pending (echo,
// escape, change notices), which may block or call back into the session.
func (s *Session) locked(f func()) {
	s.mu.Lock()
	f()
	echo, esc, change := s.pendingEcho, s.pendingEscape, s.pendingChange
	s.pendingEcho, s.pendingEscape, s.pendingChange = nil, false, false
	s.mu.Unlock()
	if len(echo) > 0 {
		_, _ = s.out.Write(echo)
	}
	if esc && s.OnEscape != nil {
		s.OnEscape()
	}
	if change {
		s.changed()
	}
}

func (s *Session) say(text string) { _, _ = s.out.Write([]byte(text)) }

func (s *Session) logf(format string, args ...any) { s.events.Addf(format, args...) }

func (s *Session) changed() {
	if f := s.OnChange; f != nil {
		f()
	}
}

func (s *Session) setState(st State) {
	s.mu.Lock()
	s.state = st
	s.mu.Unlock()
	s.changed()
}

// Run connects and then runs the session until the connection ends. It
// returns nil after a clean close and a *ConnectError otherwise. Run may be
// called once.
func (s *Session) Run(ctx context.Context) error {
	defer close(s.finished)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.mu.Lock()
	s.cancel = cancel
	s.mu.Unlock()
	s.setState(StateConnecting)
	conn, err := dial(ctx, &s.cfg, s.say, s.logf)
	if err != nil {
		s.logf("%v", err)
		s.say(err.Error() + "\r\n")
		s.finish()
		return err
	}
	var rd io.Reader = conn
	s.mu.Lock()
	s.wr = conn
	s.mu.Unlock()
	if s.cfg.TLS == TLSImplicit {
		tc, err := s.handshake(conn)
		if err != nil {
			s.say(err.Error() + "\r\n")
			_ = conn.Close()
			s.finish()
			return &ConnectError{Kind: ErrOther, Host: s.cfg.Host, Port: s.cfg.port(), Err: err}
		}
		rd = tc
	}
	s.connected(conn)
	err = s.readLoop(conn, rd)
	return s.closeDown(conn, err)
}

func (s *Session) connected(conn *net.TCPConn) {
	s.mu.Lock()
	s.conn = conn
	s.connRef.Store(conn)
	s.since = time.Now()
	s.local, s.remote = conn.LocalAddr().String(), conn.RemoteAddr().String()
	closed := s.closedByUs
	s.mu.Unlock()
	if closed {
		_ = conn.Close()
	}
	_ = conn.SetKeepAlive(true)
	s.logf("Connected to %s (from %s)", s.remote, s.local)
	s.say(fmt.Sprintf("Connected to %s.\r\n", s.cfg.Host))
	if s.escape >= 0 {
		s.say(fmt.Sprintf("Escape character is '%s'.\r\n", EscapeName(s.escape)))
	}
	s.openLogs()
	go s.writeLoop(conn)
	s.setState(StateConnected)
	if s.mode() == NegotiateActive {
		s.offerOptions()
	}
	if s.cfg.KeepAlive > 0 && s.mode() != NegotiateRaw {
		s.stopKeep = make(chan struct{})
		go s.keepAlive(s.cfg.KeepAlive, s.stopKeep)
	}
}

// mode is the negotiation mode in effect.
func (s *Session) mode() Negotiation { return s.resolvedMode }

// resolveMode turns NegotiateAuto into Active on port 23, Passive elsewhere.
func resolveMode(c *Config) Negotiation {
	if c.Negotiation != NegotiateAuto {
		return c.Negotiation
	}
	if p, err := ResolvePort(c.network(), c.port()); err == nil && p == 23 {
		return NegotiateActive
	}
	return NegotiatePassive
}

func (s *Session) readLoop(conn *net.TCPConn, rd io.Reader) error {
	buf := make([]byte, readSize)
	var data []byte
	raw := s.mode() == NegotiateRaw
	for {
		n, err := rd.Read(buf)
		if n > 0 {
			s.bytesIn.Add(int64(n))
			s.recordRaw("<", buf[:n])
			if raw {
				data = append(data[:0], buf[:n]...)
			} else {
				s.locked(func() { data = s.decoder.Decode(data[:0], buf[:n], handler{s}) })
			}
			if len(data) > 0 {
				s.logData(data)
				if f := s.OnData; f != nil {
					f(data)
				}
				if _, werr := s.out.Write(data); werr != nil {
					return nil // the terminal went away
				}
				if tc := s.maybeStartTLS(conn, data); tc != nil {
					rd = tc
				}
			}
			if cap(data) > 4*readSize {
				data = nil
			}
		}
		if err != nil {
			return err
		}
	}
}

// closeDown prints how the connection ended and releases everything.
func (s *Session) closeDown(conn *net.TCPConn, err error) error {
	_ = conn.Close()
	s.outq.close()
	s.mu.Lock()
	byUs := s.closedByUs
	if s.nawsTimer != nil {
		s.nawsTimer.Stop()
	}
	s.mu.Unlock()
	if s.stopKeep != nil {
		close(s.stopKeep)
	}
	var result error
	switch {
	case byUs:
		s.logf("Connection closed by user")
		s.say("\r\nConnection closed.\r\n")
	case err == nil || errors.Is(err, io.EOF):
		s.logf("Connection closed by foreign host")
		s.say("\r\nConnection closed by foreign host.\r\n")
	default:
		ce := classify(err, s.cfg.Host, s.cfg.port(), s.cfg.Bind, 0)
		if ce.Kind == ErrOther {
			ce.Kind = ErrReset
		}
		s.logf("Connection lost: %v", err)
		s.say("\r\n" + ce.Error() + "\r\n")
		result = ce
	}
	s.finish()
	return result
}

func (s *Session) finish() {
	s.closeLogs()
	s.setState(StateClosed)
	s.out.CloseWrite()
}

// ClosedByServer reports whether the session ended because the server
// closed (or broke) the connection rather than the user.
func (s *Session) ClosedByServer() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state == StateClosed && !s.closedByUs
}

// ClosedByUs reports whether Close was called: the user ended the
// session, so it should not be restarted by itself.
func (s *Session) ClosedByUs() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closedByUs
}

func (s *Session) inputLoop() {
	for {
		select {
		case it := <-s.input:
			s.locked(func() {
				if it.paste {
					s.ld.paste(it.data, it.bracketed)
					return
				}
				s.ld.feed(it.data)
			})
		case <-s.inputEnd:
			return
		}
	}
}

// send queues bytes for the server; it never blocks.
func (s *Session) send(p []byte) { s.sendItem(outItem{data: p}) }

// sendItem queues one write for the server; it never blocks.
func (s *Session) sendItem(it outItem) {
	if !s.outq.push(it) {
		s.logf("The server is not reading what Tern sends (%d bytes waiting); closing", maxPendingOut)
		if c := s.connRef.Load(); c != nil {
			_ = c.Close()
		}
	}
}

func (s *Session) writeLoop(conn *net.TCPConn) {
	for {
		item, ok := s.outq.pop()
		if !ok {
			return
		}
		s.wmu.Lock()
		s.mu.Lock()
		w, encrypted := s.wr, s.tlsInfo != nil
		s.mu.Unlock()
		var err error
		if item.urgent && !encrypted {
			s.sendUrgent(conn, item.data)
		} else {
			s.recordRaw(">", item.logged())
			_, err = w.Write(item.data)
			s.bytesOut.Add(int64(len(item.data)))
		}
		s.wmu.Unlock()
		if err != nil {
			return
		}
	}
}

// maybeStartTLS does an armed STARTTLS once the server said go ahead.
func (s *Session) maybeStartTLS(conn *net.TCPConn, data []byte) io.Reader {
	if !s.armed.Load() {
		return nil
	}
	s.mu.Lock()
	armed, done, ready := s.tlsArmed, s.tlsDone, s.tlsReady
	if armed && ready(data) {
		s.tlsArmed = false
		s.armed.Store(false)
	} else {
		armed = false
	}
	s.mu.Unlock()
	if !armed {
		return nil
	}
	tc, err := s.handshake(conn)
	done <- err
	if err != nil {
		s.say("\r\n" + err.Error() + "\r\n")
		_ = conn.Close()
		return nil
	}
	info := s.TLS()
	s.say(fmt.Sprintf("[TLS started: %s, %s]\r\n", info.Version, info.Cipher))
	s.changed()
	return tc
}

func (s *Session) sendUrgent(conn *net.TCPConn, p []byte) {
	s.recordRaw(">", p)
	urgentOK, err := writeUrgent(conn, p)
	if err != nil {
		return
	}
	s.bytesOut.Add(int64(len(p)))
	if !urgentOK {
		s.logf("This system cannot send TCP urgent data; the Synch's DM went as normal data")
	}
}

func (s *Session) keepAlive(every time.Duration, stop chan struct{}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.mu.Lock()
			spoken := s.telnetSeen
			s.mu.Unlock()
			if spoken {
				s.send([]byte{telnet.IAC, telnet.NOP})
			}
		case <-stop:
			return
		}
	}
}

// outItem is one write to the server; urgent marks the DM of a Synch.
type outItem struct {
	data   []byte
	urgent bool
	logAs  []byte // what the raw log records (a secret masked); nil: data
}

// outQueue hands writes to the writer goroutine without blocking anyone.
type outQueue struct {
	mu     sync.Mutex
	cond   *sync.Cond
	items  []outItem
	size   int
	closed bool
}

func (q *outQueue) init() { q.cond = sync.NewCond(&q.mu) }

func (q *outQueue) push(it outItem) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.closed {
		return true
	}
	if q.size+len(it.data) > maxPendingOut {
		return false
	}
	q.items = append(q.items, it)
	q.size += len(it.data)
	q.cond.Signal()
	return true
}

func (q *outQueue) pop() (outItem, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 && !q.closed {
		q.cond.Wait()
	}
	if len(q.items) == 0 {
		return outItem{}, false
	}
	it := q.items[0]
	q.items = q.items[1:]
	q.size -= len(it.data)
	return it, true
}

func (q *outQueue) close() {
	q.mu.Lock()
	q.closed = true
	q.cond.Broadcast()
	q.mu.Unlock()
}
