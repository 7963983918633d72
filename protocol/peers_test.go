package protocol

import (
	"bytes"
	"context"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/peerenv"
	"github.com/tern-telnet/tern/internal/testwait"
)

// Real peers: started by `make test` (testdata/peers/start-all.sh), which
// exports their addresses. Run by hand without them, these tests skip; in
// CI a missing peer is a failure.
func peerAddr(t *testing.T, env string) (host, port string) {
	t.Helper()
	return peerenv.Addr(t, env)
}

// expect waits until the session's output contains want.
func expect(t *testing.T, sc *screen, want string) {
	t.Helper()
	if !testwait.Holds(10*time.Second, func() bool { return strings.Contains(sc.String(), want) }) {
		t.Fatalf("timed out waiting for %q; output so far:\n%s", want, sc.String())
	}
}

func login(t *testing.T, s *Session, sc *screen) {
	t.Helper()
	expect(t, sc, "login: ")
	s.Write([]byte("tester\r"))
	expect(t, sc, "Password: ")
	s.Write([]byte("secret\r"))
	expect(t, sc, "peer$ ")
}

func TestInetutilsTelnetdLogin(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_TELNETD")
	s, sc, _ := start(t, Config{Host: host, Port: port, Negotiation: NegotiateActive, Cols: 100, Rows: 30})
	login(t, s, sc)
	// The server echoes (WILL ECHO); it also says WONT SGA (telnetd's
	// "kludge linemode", because Tern answers DO TIMING-MARK), yet keys
	// must go out at once: the server does the editing.
	if st := s.Status(); st.LocalEcho || st.LineMode {
		t.Fatalf("after WILL ECHO the session should use remote echo: %+v\n%s", st, s.Events())
	}
	s.Write([]byte("echo T=$TERM; stty size\r"))
	expect(t, sc, "T=xterm-256color") // inetutils lower-cases TTYPE
	expect(t, sc, "30 100")           // NAWS
	s.Resize(120, 40)
	// Barrier: the new size went out (after Resize's debounce), so it
	// reaches telnetd before the command that reads it.
	testwait.Within(t, 10*time.Second, "NAWS 120x40 sent", func() bool { return strings.Contains(s.Events().String(), "client: SB NAWS 120x40") })
	s.Write([]byte("stty size\r"))
	expect(t, sc, "40 120")
	s.Write([]byte("exit\r"))
	expect(t, sc, "Connection closed by foreign host.")
	if !strings.Contains(s.Events().String(), "server: DO TTYPE") {
		t.Fatalf("event log lacks the negotiation:\n%s", s.Events())
	}
}

// TestInetutilsRawProgramGetsKeysAtOnce: a program that puts the pty in
// raw mode (as vi and top do) gets each key without Enter. GNU telnetd
// never says WILL SGA when that happens, so this fails if Tern keeps local
// line editing on after the server's WONT SGA.
func TestInetutilsRawProgramGetsKeysAtOnce(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_TELNETD")
	s, sc, _ := start(t, Config{Host: host, Port: port, Negotiation: NegotiateActive})
	login(t, s, sc)
	// Barrier: READY (typed as RE""ADY, so the echo of the line is not
	// it) is printed once the terminal is raw, before dd reads.
	s.Write([]byte("stty raw -echo; echo RE\"\"ADY; dd bs=1 count=1 2>/dev/null | od -An -c; stty sane\r"))
	expect(t, sc, "READY")
	s.Write([]byte("Q")) // no Enter
	expect(t, sc, "   Q")
}

func TestInetutilsTelnetdPassiveDefaultOnOtherPort(t *testing.T) {
	// Not port 23: Tern waits for the server, which negotiates first.
	host, port := peerAddr(t, "TERN_PEER_TELNETD")
	s, sc, _ := start(t, Config{Host: host, Port: port, Cols: 90, Rows: 20})
	login(t, s, sc)
	s.Write([]byte("stty size\r"))
	expect(t, sc, "20 90")
}

func TestInetutilsSynchAndAYT(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_TELNETD")
	s, sc, _ := start(t, Config{Host: host, Port: port, Negotiation: NegotiateActive})
	login(t, s, sc)
	if err := s.SendSpecial("ayt"); err != nil {
		t.Fatal(err)
	}
	expect(t, sc, "Yes") // inetutils answers AYT with "[Yes]"
	if err := s.SendSpecial("synch"); err != nil {
		t.Fatal(err)
	}
	s.Write([]byte("echo still-here\r"))
	expect(t, sc, "still-here")
}

func TestBusyboxTelnetdLogin(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_BUSYBOX")
	s, sc, _ := start(t, Config{Host: host, Port: port, Cols: 81, Rows: 25})
	login(t, s, sc)
	s.Write([]byte("stty size\r"))
	expect(t, sc, "25 81")
	s.Write([]byte("echo $((6*7))\r"))
	expect(t, sc, "42")
}

func TestBindToSecondLoopbackAddress(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_TELNETD")
	s, sc, _ := start(t, Config{Host: host, Port: port, Bind: "127.0.0.2", Negotiation: NegotiateActive, Cols: 200})
	login(t, s, sc)
	s.Write([]byte("ss -Htn state established '( sport = :" + port + " )'\r"))
	expect(t, sc, "127.0.0.2:")
	if !strings.HasPrefix(s.Status().Local, "127.0.0.2:") {
		t.Fatalf("local address %s", s.Status().Local)
	}
}

// TestPostfixPassiveGetsPlainSMTP: against port 2525 Tern is passive, so
// Postfix sees plain SMTP (a stray IAC would make it answer 500).
func TestPostfixPassiveGetsPlainSMTP(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_POSTFIX")
	s, sc, done := start(t, Config{Host: host, Port: port})
	expect(t, sc, "220 mail.example.test ESMTP")
	s.Write([]byte("EHLO tern.test\r"))
	expect(t, sc, "250 CHUNKING")
	s.Write([]byte("NOOP\r"))
	expect(t, sc, "250 2.0.0 Ok")
	s.Write([]byte("QUIT\r"))
	expect(t, sc, "221 2.0.0 Bye")
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no close after QUIT")
	}
	if strings.Contains(sc.String(), "500 ") || strings.Contains(sc.String(), "502 ") {
		t.Fatalf("Postfix rejected a command:\n%s", sc.String())
	}
}

// TestSessionLogHoldsEveryByte: the printable log is the server's data
// after Telnet processing, whole, even when the server drops the line.
func TestSessionLogHoldsEveryByte(t *testing.T) {
	payload := bytes.Repeat([]byte("0123456789abcdef\r\n"), 20000)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	defer ln.Close()
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		c.Write(payload)
		c.Close()
	}()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	dir := t.TempDir()
	s := NewSession(Config{Host: "127.0.0.1", Port: port, SessionLog: Log{Path: dir + "/&H-&P.log"}})
	go collect(s)
	if err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(dir + "/127.0.0.1-" + port + ".log")
	if err != nil {
		t.Fatal(err)
	}
	header, body, _ := bytes.Cut(got, []byte("\r\n"))
	if !bytes.Contains(header, []byte("Tern log")) || !bytes.Equal(body, payload) {
		t.Fatalf("log holds %d bytes after the header, want %d", len(body), len(payload))
	}
}

// TestInetutilsInterruptLeavesNoStrayByte: GNU telnetd answers Interrupt
// Process with a Synch whose IAC goes as TCP urgent data and whose DM
// follows in band; with urgent data inline (SO_OOBINLINE, as BSD telnet
// sets) the pair reaches the decoder whole and nothing stray is shown
// (the terminal showed "�"). The echo after it is the barrier.
func TestInetutilsInterruptLeavesNoStrayByte(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_TELNETD")
	s, sc, _ := start(t, Config{Host: host, Port: port, Negotiation: NegotiateActive})
	login(t, s, sc)
	before := len(sc.String())
	if err := s.SendSpecial("ip"); err != nil {
		t.Fatal(err)
	}
	// Barrier: telnetd's Synch (its DM) came back, so the shell is past
	// the interrupt before the next line goes.
	testwait.Within(t, 10*time.Second, "telnetd's Synch", func() bool { return strings.Contains(s.Events().String(), "server: IAC DM") })
	s.Write([]byte("echo after-$((40+2))\r"))
	expect(t, sc, "after-42")
	after := sc.String()[before:]
	if strings.Contains(after, "\ufffd") || strings.IndexByte(after, 0xff) >= 0 || strings.IndexByte(after, 0xf2) >= 0 {
		t.Fatalf("a stray byte after Interrupt Process: %q\n%s", after, s.Events())
	}
}

// TestShowOptionsAgainstBusybox: with option processing shown (telnet's
// "toggle options"), the negotiation with the real busybox telnetd is on
// the screen in BSD telnet's words, each line before the login prompt
// that follows it; turned off, a resize's NAWS report is in the event
// log only (barrier: the password prompt that Enter, sent after it,
// brings).
func TestShowOptionsAgainstBusybox(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_BUSYBOX")
	s, sc, _ := start(t, Config{Host: host, Port: port, Negotiation: NegotiateActive, Cols: 100, Rows: 30, ShowOptions: true})
	expect(t, sc, "login: ")
	text := sc.String()
	for _, want := range []string{"RCVD WILL ECHO\r\n", "SENT DO ECHO\r\n", "RCVD DO NAWS\r\n", "SENT WILL NAWS\r\n", "SENT IAC SB NAWS 0 100 (100) 0 30 (30)\r\n"} {
		if i := strings.Index(text, want); i < 0 || i > strings.Index(text, "login: ") {
			t.Errorf("%q is not shown before the login prompt:\n%s", want, text)
		}
	}
	if !s.ShowingOptions() || !strings.Contains(s.Events().String(), "server: WILL ECHO") {
		t.Fatalf("showing %v; the event log:\n%s", s.ShowingOptions(), s.Events())
	}
	s.Resize(120, 40)
	testwait.Within(t, 10*time.Second, "NAWS 120x40 shown", func() bool { return strings.Contains(sc.String(), "SENT IAC SB NAWS 0 120 (120) 0 40 (40)\r\n") })
	s.ShowOptions(false)
	s.Resize(90, 20)
	testwait.Within(t, 10*time.Second, "NAWS 90x20 sent", func() bool { return strings.Contains(s.Events().String(), "client: SB NAWS 90x20") })
	s.Write([]byte("\r")) // barrier: busybox asks for a password after an empty login name
	expect(t, sc, "Password: ")
	if strings.Contains(sc.String(), "(90)") {
		t.Fatalf("option processing shown after it was turned off:\n%s", sc.String())
	}
}

// TestInetutilsLogout: telnet's "logout" against GNU telnetd, which
// agrees (WILL LOGOUT) and closes, as it does for inetutils telnet.
func TestInetutilsLogout(t *testing.T) {
	host, port := peerAddr(t, "TERN_PEER_TELNETD")
	s, sc, _ := start(t, Config{Host: host, Port: port, Negotiation: NegotiateActive, ShowOptions: true})
	login(t, s, sc)
	if err := s.Logout(); err != nil {
		t.Fatal(err)
	}
	expect(t, sc, "SENT DO LOGOUT\r\nRCVD WILL LOGOUT\r\n")
	expect(t, sc, "Connection closed by foreign host.")
}
