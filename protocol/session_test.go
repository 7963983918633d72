package protocol

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/protocol/connerr"
	"github.com/tern-telnet/tern/protocol/telnet"
)

// screen collects a session's output.
type screen struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func collect(s *Session) *screen {
	sc := &screen{}
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := s.Output().Read(b)
			sc.mu.Lock()
			sc.buf.Write(b[:n])
			sc.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return sc
}

func (sc *screen) String() string {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	return sc.buf.String()
}

func start(t *testing.T, cfg Config) (*Session, *screen, chan error) {
	t.Helper()
	s := NewSession(cfg)
	sc := collect(s)
	done := make(chan error, 1)
	go func() { done <- s.Run(context.Background()) }()
	t.Cleanup(func() {
		s.Close()
		select {
		case <-s.Done():
		case <-time.After(5 * time.Second):
			t.Error("session did not stop")
		}
		s.Detach()
	})
	return s, sc, done
}

func TestPassiveSMTPGetsNoIAC(t *testing.T) {
	p := loopserver.Start(t, []byte("220 mail.test ESMTP\r\n"), false)
	s, sc, _ := start(t, Config{Host: "127.0.0.1", Port: p.Port()})
	testwait.Until(t, "banner", func() bool { return strings.Contains(sc.String(), "220 mail.test") })
	s.Write([]byte("EHLO me"))
	s.Write([]byte("\x08\x08e\r")) // typo fixed with Backspace in local line editing
	s.Write([]byte("QUIT\r"))
	want := "EHLO e\r\nQUIT\r\n"
	testwait.Until(t, "commands", func() bool { return p.Received() == want })
	if strings.IndexByte(p.Received(), telnet.IAC) >= 0 {
		t.Fatalf("IAC reached an SMTP server: %x", p.Received())
	}
	out := sc.String()
	for _, line := range []string{"Trying 127.0.0.1...\r\n", "Connected to 127.0.0.1.\r\n", "Escape character is '^]'.\r\n", "EHLO me\b \b\b \be\r\n"} {
		if !strings.Contains(out, line) {
			t.Errorf("output lacks %q:\n%q", line, out)
		}
	}
}

func TestActiveOffersPuTTYSet(t *testing.T) {
	p := loopserver.Start(t, nil, false)
	start(t, Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiateActive})
	want := []byte{255, 251, 24, 255, 251, 31, 255, 251, 32, 255, 251, 39, 255, 251, 3, 255, 253, 1, 255, 253, 3}
	testwait.Until(t, "offers", func() bool { return len(p.Received()) >= len(want) })
	if got := []byte(p.Received()); !bytes.Equal(got, want) {
		t.Fatalf("got %x, want %x", got, want)
	}
}

func TestServerNegotiationAnswers(t *testing.T) {
	// RFC 1091 TTYPE, RFC 1073 NAWS, RFC 1572 NEW-ENVIRON with a request for
	// a variable the profile does not list (HOME must never be sent).
	script := []byte{
		255, 253, 24, // DO TTYPE
		255, 253, 31, // DO NAWS
		255, 253, 39, // DO NEW-ENVIRON
		255, 250, 24, 1, 255, 240, // SB TTYPE SEND
		255, 250, 39, 1, 0, 'H', 'O', 'M', 'E', 0, 'U', 'S', 'E', 'R', 255, 240,
	}
	p := loopserver.Start(t, script, false)
	start(t, Config{Host: "127.0.0.1", Port: p.Port(), User: "alice", Cols: 100, Rows: 30, TerminalTypes: []string{"xterm"}})
	want := []byte{
		255, 251, 24,
		255, 253, 1, 255, 251, 3, 255, 253, 3, // passive minimum after the first negotiation
		255, 251, 31, 255, 250, 31, 0, 100, 0, 30, 255, 240,
		255, 251, 39,
		255, 250, 24, 0, 'X', 'T', 'E', 'R', 'M', 255, 240,
		255, 250, 39, 0, 0, 'U', 'S', 'E', 'R', 1, 'a', 'l', 'i', 'c', 'e', 255, 240,
	}
	testwait.Until(t, "answers", func() bool { return len(p.Received()) >= len(want) })
	if got := []byte(p.Received()); !bytes.Equal(got, want) {
		t.Fatalf("got  %x\nwant %x", got, want)
	}
}

// TestNegotiationLoopStaysFinite: RFC 1143 section 3, a server that answers
// every request with its opposite and repeats requests gets a finite
// exchange.
func TestNegotiationLoopStaysFinite(t *testing.T) {
	// The server answers every request with its opposite (and, when the
	// client says nothing, provokes it again), then sends DO TIMING-MARK:
	// RFC 860's barrier. The client answers it after everything before
	// it, so what came before WILL TIMING-MARK is the whole of the
	// client's answer to that round. The client may answer each change
	// the server makes, but never with more than it was sent (no
	// amplification), and once the server stops provoking (a last round
	// of DO TIMING-MARK alone) the client says nothing more: no loop runs
	// on its own.
	const rounds = 30
	type round struct{ server, client int }
	seen := make(chan round, rounds+1)
	willTM := []byte{255, 251, 6}
	p := loopserver.StartScripted(t, func(c net.Conn) {
		defer close(seen)
		var pending []byte
		buf := make([]byte, 1024)
		for i := 0; i <= rounds; i++ {
			var reply []byte
			for j := 0; i < rounds && j+2 < len(pending); j++ {
				if pending[j] == 255 && pending[j+1] >= 251 {
					opposite := map[byte]byte{251: 254, 252: 253, 253: 252, 254: 251}[pending[j+1]]
					reply = append(reply, 255, opposite, pending[j+2])
				}
			}
			if len(reply) == 0 && i < rounds {
				reply = []byte{255, 251, 1, 255, 251, 1, 255, 253, 3, 255, 254, 3}
			}
			c.Write(append(reply, 255, 253, 6)) // IAC DO TIMING-MARK
			pending = pending[:0]
			c.SetReadDeadline(time.Now().Add(testwait.Timeout))
			for !bytes.Contains(pending, willTM) {
				n, err := c.Read(buf)
				if err != nil {
					return
				}
				pending = append(pending, buf[:n]...)
			}
			k := bytes.Index(pending, willTM)
			seen <- round{server: len(reply), client: k}
			pending = pending[:k]
		}
	})
	s, _, _ := start(t, Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiateActive})
	var all []round
	for r := range seen {
		all = append(all, r)
	}
	if len(all) != rounds+1 {
		t.Fatalf("the client answered %d of %d TIMING-MARKs: %v", len(all), rounds+1, all)
	}
	for i, r := range all[1:rounds] { // the first answer holds the client's own requests
		if r.client > r.server {
			t.Fatalf("round %d: the client sent %d bytes for the server's %d (every round: %v)", i+1, r.client, r.server, all)
		}
	}
	if last := all[rounds]; last.client != 0 {
		t.Fatalf("client keeps answering: %d bytes after the server fell silent (every round: %v)", last.client, all)
	}
	if s.Status().State != StateConnected {
		t.Fatal("session ended")
	}
}

func TestRefusedSpeaksPlainly(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	ln.Close()
	_, sc, done := start(t, Config{Host: "127.0.0.1", Port: port})
	err := <-done
	var ce *connerr.ConnectError
	if !errors.As(err, &ce) || ce.Kind != connerr.ErrRefused {
		t.Fatalf("got %v, want refused", err)
	}
	want := "Nothing is listening on 127.0.0.1 port " + port + " (connection refused)."
	testwait.Until(t, "message", func() bool { return strings.Contains(sc.String(), want) })
}

func TestBindAddressIsUsed(t *testing.T) {
	p := loopserver.Start(t, nil, false)
	start(t, Config{Host: "127.0.0.1", Port: p.Port(), Bind: "127.0.0.2"})
	testwait.Until(t, "the connection", func() bool { return p.From() != "" })
	if host, _, _ := net.SplitHostPort(p.From()); host != "127.0.0.2" {
		t.Fatalf("server saw %s, want 127.0.0.2", host)
	}
}

func TestBadBindAddress(t *testing.T) {
	p := loopserver.Start(t, nil, false)
	_, _, done := start(t, Config{Host: "127.0.0.1", Port: p.Port(), Bind: "192.0.2.77"})
	var ce *connerr.ConnectError
	if err := <-done; !errors.As(err, &ce) || ce.Kind != connerr.ErrBadBind {
		t.Fatalf("got %v, want bad bind", err)
	}
}

func TestForeignCloseMessageAndEOF(t *testing.T) {
	p := loopserver.Start(t, []byte("bye\r\n"), true)
	s, sc, done := start(t, Config{Host: "127.0.0.1", Port: p.Port()})
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	testwait.Until(t, "EOF", func() bool { return strings.HasSuffix(sc.String(), "Connection closed by foreign host.\r\n") })
	if !s.ClosedByServer() {
		t.Fatal("ClosedByServer false")
	}
	if _, err := s.Output().Read(make([]byte, 1)); err != io.EOF {
		t.Fatalf("got %v, want EOF", err)
	}
}

// TestTTYPECyclesThroughTheList: RFC 1091, each SEND gets the next name,
// the last is repeated to mark the end, then the list starts again.
func TestTTYPECyclesThroughTheList(t *testing.T) {
	send := []byte{255, 250, 24, 1, 255, 240}
	script := append([]byte{255, 253, 24}, bytes.Repeat(send, 4)...)
	p := loopserver.Start(t, script, false)
	start(t, Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiatePassive, TerminalTypes: []string{"xterm", "vt100"}})
	is := func(name string) string { return "\xff\xfa\x18\x00" + name + "\xff\xf0" }
	want := is("XTERM") + is("VT100") + is("VT100") + is("XTERM")
	testwait.Until(t, "four answers", func() bool { return strings.Contains(p.Received(), want) })
}

// TestCharsetAcceptsUTF8: RFC 2066, UTF-8 is accepted from a list,
// anything else rejected.
func TestCharsetAcceptsUTF8(t *testing.T) {
	script := []byte("\xff\xfd\x2a\xff\xfa\x2a\x01;ISO-8859-1;UTF-8\xff\xf0\xff\xfa\x2a\x01 KOI8-R\xff\xf0")
	p := loopserver.Start(t, script, false)
	start(t, Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiatePassive})
	want := "\xff\xfb\x2a" + "\xff\xfd\x01\xff\xfb\x03\xff\xfd\x03" + "\xff\xfa\x2a\x02UTF-8\xff\xf0" + "\xff\xfa\x2a\x03\xff\xf0"
	testwait.Until(t, "charset answers", func() bool { return p.Received() == want })
}

// TestCharsetAcceptsTheSessionsSet: RFC 2066, a session set to KOI8-R
// accepts it under the server's spelling, and turns UTF-8 down.
func TestCharsetAcceptsTheSessionsSet(t *testing.T) {
	script := []byte("\xff\xfd\x2a\xff\xfa\x2a\x01;UTF-8;koi8-r\xff\xf0\xff\xfa\x2a\x01 UTF-8\xff\xf0")
	p := loopserver.Start(t, script, false)
	start(t, Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiatePassive, Charset: "KOI8-R"})
	want := "\xff\xfb\x2a" + "\xff\xfd\x01\xff\xfb\x03\xff\xfd\x03" + "\xff\xfa\x2a\x02koi8-r\xff\xf0" + "\xff\xfa\x2a\x03\xff\xf0"
	testwait.Until(t, "charset answers", func() bool { return p.Received() == want })
}

// TestRemoteCharsetBothWays: a KOI8-R device's text reaches the terminal
// as UTF-8, even cut between reads of a multibyte set; what is typed and
// pasted reaches the device in its set ('?' for what it cannot hold),
// while local echo shows what was typed.
func TestRemoteCharsetBothWays(t *testing.T) {
	p := loopserver.Start(t, []byte("\xf0\xd2\xc9\xd7\xc5\xd4\r\n"), false)
	s, sc, _ := start(t, Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiateRaw, LocalEcho: ForceOn, LocalEdit: ForceOff, Charset: "KOI8-R"})
	testwait.Until(t, "the greeting", func() bool { return strings.Contains(sc.String(), "Привет\r\n") })
	s.Write([]byte("Да"))
	s.Paste([]byte(" 世界!"), false)
	testwait.Until(t, "the keys", func() bool { return p.Received() == "\xe4\xc1 ??!" })
	testwait.Until(t, "the echo", func() bool { return strings.Contains(sc.String(), "Да 世界!") })
}
