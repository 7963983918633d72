package protocol

import (
	"context"
	"fmt"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tern-telnet/tern/protocol/charset"
	"github.com/tern-telnet/tern/protocol/connerr"
	"github.com/tern-telnet/tern/protocol/dial"
	"github.com/tern-telnet/tern/protocol/escapechar"
	"github.com/tern-telnet/tern/protocol/linedisc"
	"github.com/tern-telnet/tern/protocol/queue"
	"github.com/tern-telnet/tern/protocol/sessionlog"
	"github.com/tern-telnet/tern/protocol/telnet"
	"github.com/tern-telnet/tern/protocol/telnetopt"
	"github.com/tern-telnet/tern/protocol/tlscheck"
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

// Session is one Telnet (or raw) connection with its terminal-side streams.
// Create it with NewSession, set the On* hooks, then call Run.
//
// Its goroutines: Run's, which connects and then is the reading loop
// (conn_loops.go); the writing loop and the keep-alive ticker Run starts;
// the input goroutine NewSession starts (keys.go). Callers' goroutines
// come in through the exported methods, which never wait on the network.
type Session struct {
	// OnEscape, if set, is called on the input goroutine when the escape
	// character is typed. It may call back into the session.
	OnEscape func()
	// OnChange, if set, is called with a fresh Status when the state,
	// echo, line mode, negotiated options or TLS change: on whichever
	// goroutine made the change (Run's, the input goroutine, or a caller
	// of a setter such as SetLocalEcho), never with the session's lock
	// held. It must not block.
	OnChange func(Status)
	// OnData, if set, sees the server's data after Telnet processing, on
	// the reading goroutine (the SMTP assistant reads replies from it). It
	// must not block.
	OnData func([]byte)

	cfg      Config               // as made; only LocalEcho and LocalEdit change, under mu
	out      *queue.Stream        // what the terminal shows; any goroutine
	events   *sessionlog.EventLog // any goroutine
	finished chan struct{}        // closed when Run returns

	input    chan inputItem // keys and pastes for the input goroutine
	inputEnd chan struct{}  // closed by Detach: input ends
	inOnce   sync.Once

	link     link          // the socket's writing side (conn_loops.go)
	stopKeep chan struct{} // Run's goroutine only: stops keepAlive
	// proxyCommand is the local proxy command carrying the connection,
	// nil for none; Run's goroutine only (connect sets it, closeDown asks
	// it how it ended).
	proxyCommand *dial.Command

	// order is held by locked around mu and what follows it: the echo of
	// what a caller typed reaches the screen before its bytes leave, so a
	// fast server's answer never lands in the middle of the echo.
	order sync.Mutex
	mu    sync.Mutex // guards everything below
	tls   tlsState   // STARTTLS and TLS (tls.go)

	// The session's life.
	state      State
	conn       *net.TCPConn // nil until connected
	closedByUs bool
	cancel     context.CancelFunc
	peer       endpoints

	// Telnet: negotiation (options.go, the table in protocol/telnetopt), decoding and the line discipline.
	neg          *telnet.Negotiator
	decoder      telnet.Decoder
	toRemote     *charset.Encoder // UTF-8 to Config.Charset
	charsetGen   atomic.Uint64    // counts SetCharset calls, for the read loop
	ld           linedisc.Discipline
	resolvedMode Negotiation
	escape       int
	showOptions  bool              // option processing is shown on the screen (ShowOptions)
	telnetSeen   bool              // the server has negotiated
	binaryOut    bool              // we send BINARY (RFC 856)
	logoutAsked  bool              // Logout sent DO LOGOUT; a refusal is reported
	answers      telnetopt.Answers // what we tell a server that asks
	naws         windowSize

	// The logs (logs.go).
	sessionLog   *sessionlog.File
	rawLog       *sessionlog.Raw
	secretPrompt bool // the server's last line asks for a password (see logs.go)
	doubtPrompt  bool // or may: it ends with a colon and asks for no user name
	maskRun      bool // a masked run of typed keys is open in the raw log
	promptTail   []byte

	// Work found while s.mu was held, done after it is released (locked).
	pendingEcho   []byte
	pendingEscape bool
	pendingChange bool
	holdSends     bool         // inside locked: sendItem keeps writes in heldSends
	heldSends     []queue.Item // queued for the server once the echo is shown
}

// endpoints are the connection's two ends, set once on connecting.
type endpoints struct {
	local, remote string
	since         time.Time
}

// windowSize is the terminal's size as NAWS reports it (RFC 1073); timer
// holds a resize back briefly so that a drag sends one report.
type windowSize struct {
	cols, rows int
	timer      *time.Timer
}

// NewSession prepares a session; nothing happens until Run.
func NewSession(cfg Config) *Session {
	s := &Session{
		cfg:         cfg,
		out:         queue.NewStream(),
		events:      sessionlog.NewEventLog(0),
		input:       make(chan inputItem, 4096),
		inputEnd:    make(chan struct{}),
		finished:    make(chan struct{}),
		escape:      cfg.escape(),
		showOptions: cfg.ShowOptions,
		naws:        windowSize{cols: cfg.Cols, rows: cfg.Rows},
		answers: telnetopt.Answers{TerminalTypes: cfg.TerminalTypes, Speed: cfg.TerminalSpeed,
			Environ: telnetopt.EnvironOf(cfg.User, cfg.Environment, cfg.EnvironUnexported)},
	}
	if s.naws.cols <= 0 || s.naws.rows <= 0 {
		s.naws.cols, s.naws.rows = 80, 24
	}
	s.link.outq.Init()
	s.toRemote = charset.NewEncoder(cfg.Charset)
	s.resolvedMode = resolveMode(&cfg)
	s.neg = telnet.NewNegotiator(telnetopt.Tern, s.sendNegotiation, s.optionChanged)
	s.ld = linedisc.Discipline{Out: (*sessionLine)(s), EscapeChar: s.escape, Specials: cfg.KeyboardSpecials, Backspace: 0x7f}
	if cfg.BackspaceSendsCtrlH {
		s.ld.Backspace = 0x08
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
func (s *Session) Events() *sessionlog.EventLog { return s.events }

// Done is closed when Run has returned.
func (s *Session) Done() <-chan struct{} { return s.finished }

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

// locked runs f with s.mu held, then does what f left pending, which may
// block or call back into the session: the echo, then the writes f queued
// for the server (so the echo is on screen before any answer to them can
// be), then escape and change notices.
func (s *Session) locked(f func()) {
	s.order.Lock()
	s.mu.Lock()
	s.holdSends = true
	f()
	s.holdSends = false
	echo, esc, change, held := s.pendingEcho, s.pendingEscape, s.pendingChange, s.heldSends
	s.pendingEcho, s.pendingEscape, s.pendingChange, s.heldSends = nil, false, false, nil
	s.mu.Unlock()
	if len(echo) > 0 {
		_, _ = s.out.Write(echo)
	}
	for _, it := range held {
		s.pushItem(it)
	}
	s.order.Unlock()
	if esc && s.OnEscape != nil {
		s.OnEscape()
	}
	if change {
		s.changed()
	}
}

func (s *Session) say(text string) { _, _ = s.out.Write([]byte(text)) }

func (s *Session) logf(format string, args ...any) { s.events.Addf(format, args...) }

// changed tells OnChange; s.mu must not be held.
func (s *Session) changed() {
	if f := s.OnChange; f != nil {
		f(s.Status())
	}
}

func (s *Session) setState(st State) {
	s.mu.Lock()
	s.state = st
	s.mu.Unlock()
	s.changed()
}

// Run connects and then runs the session until the connection ends. It
// returns nil after a clean close and a *connerr.ConnectError otherwise. Run may be
// called once.
func (s *Session) Run(ctx context.Context) error {
	defer close(s.finished)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.mu.Lock()
	s.cancel = cancel
	closed := s.closedByUs
	s.mu.Unlock()
	if closed { // closed before it dialled (a question asked first): never dial
		s.finish()
		return nil
	}
	s.setState(StateConnecting)
	if s.cfg.TLS != TLSNone && s.cfg.VerifyCertificate == nil {
		s.logf("%v", tlscheck.ErrNoVerifier)
		s.say("Tern cannot check this server's certificate: " + tlscheck.ErrNoVerifier.Error() + "\r\n")
		s.finish()
		return &connerr.ConnectError{Kind: connerr.ErrOther, Host: s.cfg.Host, Port: s.cfg.port(), Err: tlscheck.ErrNoVerifier}
	}
	conn, err := s.connect(ctx)
	if err != nil {
		s.logf("%v", err)
		s.say(err.Error() + "\r\n")
		s.finish()
		return err
	}
	var rd io.Reader = conn
	s.mu.Lock()
	s.link.wr = conn
	s.mu.Unlock()
	if s.cfg.TLS == TLSImplicit {
		tc, err := s.handshake(ctx, conn)
		if err != nil {
			s.say(err.Error() + "\r\n")
			_ = conn.Close()
			s.finish()
			return &connerr.ConnectError{Kind: connerr.ErrOther, Host: s.cfg.Host, Port: s.cfg.port(), Err: err}
		}
		rd = tc
	}
	s.connected(conn)
	err = s.readLoop(ctx, conn, rd)
	return s.closeDown(conn, err)
}

func (s *Session) connected(conn *net.TCPConn) {
	s.mu.Lock()
	s.conn = conn
	s.link.ref.Store(conn)
	s.peer.since = time.Now()
	s.peer.local, s.peer.remote = conn.LocalAddr().String(), conn.RemoteAddr().String()
	closed := s.closedByUs
	s.mu.Unlock()
	if closed {
		_ = conn.Close()
	}
	_ = conn.SetKeepAlive(true)
	s.logf("Connected to %s (from %s)", s.peer.remote, s.peer.local)
	s.say(fmt.Sprintf("Connected to %s.\r\n", s.cfg.Host))
	if s.escape >= 0 {
		s.say(fmt.Sprintf("Escape character is '%s'.\r\n", escapechar.Name(s.escape)))
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
	if p, err := dial.ResolvePort(c.network(), c.port()); err == nil && p == 23 {
		return NegotiateActive
	}
	return NegotiatePassive
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
