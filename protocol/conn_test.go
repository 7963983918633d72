package protocol

import (
	"bufio"
	"bytes"
	"context"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/protocol/queue"
)

// TestRunUsesTheOpenConn: with Config.Conn, Run neither resolves Host (a
// name that cannot resolve) nor dials; the server sees that one
// connection and its banner reaches the screen.
func TestRunUsesTheOpenConn(t *testing.T) {
	p := loopserver.Start(t, []byte("220 mx2.example.test ESMTP\r\n"), false)
	c, err := net.Dial("tcp", "127.0.0.1:"+p.Port())
	if err != nil {
		t.Fatal(err)
	}
	s, sc, _ := start(t, Config{Host: "mx2.example.invalid", Port: p.Port(), Conn: c.(*net.TCPConn)})
	testwait.Until(t, "banner", func() bool { return strings.Contains(sc.String(), "220 mx2.example.test") })
	s.SendLine("QUIT")
	testwait.Until(t, "QUIT", func() bool { return p.Received() == "QUIT\r\n" })
	out := sc.String()
	if p.Connections() != 1 || strings.Contains(out, "Trying") || !strings.Contains(out, "Connected to mx2.example.invalid.\r\n") {
		t.Fatalf("output %q", out)
	}
}

// TestEchoIsShownBeforeTheAnswer: a line sent with local echo is on the
// screen's queue before the server can read it, so the server's answer
// never lands before the echo or in the middle of it, even when the
// screen is behind (here its queue is full: the echo has to wait) and the
// server answers at once.
func TestEchoIsShownBeforeTheAnswer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	session := make(chan *Session, 1)
	waitingWhenRead := make(chan int, 1) // the screen's queue when the server read the line
	go func() {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		if _, err := c.Write(bytes.Repeat([]byte{'.'}, queue.StreamLimit)); err != nil {
			return
		}
		line, err := bufio.NewReader(c).ReadString('\n')
		if err != nil {
			return
		}
		waitingWhenRead <- (<-session).out.Waiting()
		_, _ = c.Write([]byte("250 " + line))
	}()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	s := NewSession(Config{Host: "127.0.0.1", Port: port, Negotiation: NegotiateRaw, LocalEcho: ForceOn})
	session <- s
	done := make(chan error, 1)
	go func() { done <- s.Run(context.Background()) }()
	t.Cleanup(func() { s.Close(); s.Detach(); <-done })
	testwait.Until(t, "the screen's queue full", func() bool { return s.out.Waiting() >= queue.StreamLimit })
	const echo = "EHLO client.example.test\r\n"
	go s.SendLine("EHLO client.example.test") // its echo waits for the screen
	shown := make([]byte, 2*queue.StreamLimit)
	n, _ := s.Output().Read(shown) // all of it: the screen catches up once
	shown = shown[:n]
	select {
	case got := <-waitingWhenRead:
		if got != len(echo) {
			t.Fatalf("when the server read the line, %d bytes waited for the screen, want the echo's %d", got, len(echo))
		}
	case <-time.After(testwait.Timeout):
		t.Fatal("the server never got the line")
	}
	buf := make([]byte, 4096)
	testwait.Until(t, "the answer", func() bool {
		n, err := s.Output().Read(buf)
		shown = append(shown, buf[:n]...)
		return err != nil || bytes.Contains(shown, []byte("250 "))
	})
	dots := bytes.Repeat([]byte{'.'}, queue.StreamLimit)
	text := string(shown[bytes.Index(shown, dots)+len(dots):])
	if want := echo + "250 " + echo; !strings.HasPrefix(text, want) {
		t.Fatalf("the screen shows %q, want %q", text, want)
	}
}
