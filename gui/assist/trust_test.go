package assist

import (
	"crypto/tls"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/smtppeer"
)

// mitm is a man in the middle for implicit TLS: its certificate is
// self-signed and for another name (mail.example.test, not 127.0.0.1).
// It does the handshake on every connection and records every byte it
// receives until each connection ends.
type mitm struct {
	ln    net.Listener
	conns sync.WaitGroup
	mu    sync.Mutex
	got   []byte
	count int
}

func startMITM(t *testing.T) *mitm {
	t.Helper()
	cert, _ := smtppeer.Certificate(t)
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		t.Fatal(err)
	}
	m := &mitm{ln: ln}
	m.conns.Add(1)
	go func() {
		defer m.conns.Done()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			m.mu.Lock()
			m.count++
			m.mu.Unlock()
			m.conns.Add(1)
			go func() {
				defer m.conns.Done()
				defer c.Close()
				buf := make([]byte, 4096)
				for {
					n, err := c.Read(buf)
					m.mu.Lock()
					m.got = append(m.got, buf[:n]...)
					m.mu.Unlock()
					if err != nil {
						return
					}
				}
			}()
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return m
}

// received stops accepting and waits for every connection to end (the
// barrier: Tern closed them), then returns all they received.
func (m *mitm) received() (string, int) {
	m.ln.Close()
	m.conns.Wait()
	m.mu.Lock()
	defer m.mu.Unlock()
	return string(m.got), m.count
}

// TestImplicitTLSRunTestSendsNothingToAManInTheMiddle (issue 24 item 1):
// the Run test of SMTPS, POP3S and IMAPS with a user and password, and
// the HTTPS assistant's request, to a server whose certificate does not
// verify, ask; on Disconnect the server has received nothing (no
// command, no credentials) and the terminal says why.
func TestImplicitTLSRunTestSendsNothingToAManInTheMiddle(t *testing.T) {
	type made struct {
		panel Panel
		fill  func()
		done  func() bool
	}
	tests := []struct {
		template string
		make     func(h *harness) made
	}{
		{"SMTPS (465, implicit TLS)", func(h *harness) made {
			p := NewSMTPPanel(h.win, h.tab)
			return made{p, func() {
				p.ehlo.SetText("tester.example.org")
				p.from.SetText("tester@example.org") // an empty From would ask first
				p.to.SetText("testuser@example.test")
				p.user.SetText("alice")
				p.password.SetText("S3cret-mitm")
			}, func() bool { return !p.Running() }}
		}},
		{"POP3S (995, implicit TLS)", func(h *harness) made {
			p := NewPOP3Panel(h.win, h.tab)
			return made{p, func() { p.user.SetText("alice"); p.password.SetText("S3cret-mitm") }, func() bool { return !p.Running() }}
		}},
		{"IMAPS (993, implicit TLS)", func(h *harness) made {
			p := NewIMAPPanel(h.win, h.tab)
			return made{p, func() { p.user.SetText("alice"); p.password.SetText("S3cret-mitm") }, func() bool { return !p.Running() }}
		}},
		{"HTTPS (443, implicit TLS)", func(h *harness) made {
			p := NewHTTPPanel(h.win, h.tab)
			return made{p, func() {}, func() bool { return !p.Running() }}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.template, func(t *testing.T) {
			m := startMITM(t)
			st := settings.FromProfile(template(t, tt.template))
			st.Engine.Host, st.Engine.Port, _ = net.SplitHostPort(m.ln.Addr().String())
			h := startTabWith(t, st)
			pm := tt.make(h)
			h.open(pm.panel)
			pm.fill()
			pm.panel.RunTest()
			h.waitUntil("the end of the test", pm.done)
			got, conns := m.received()
			if got != "" {
				t.Fatalf("the man in the middle received %q", got)
			}
			// Every connection is asked about (the question of the last
			// may still be on its way when the test has ended).
			h.waitUntil("a question for each connection", func() bool { return h.win.asked.Load() >= int32(conns) })
			if conns < 2 || h.win.asked.Load() < int32(conns) { // the tab's connection, and the test's
				t.Fatalf("%d connections, %d certificate questions", conns, h.win.asked.Load())
			}
			if h := h.tab.History(); !strings.Contains(h, "was refused: you chose Disconnect") {
				t.Fatalf("the terminal does not say why:\n%s", h)
			}
		})
	}
}

// TestPasswordFieldStaysWithItsServer (issue 24 item 2): a password in
// the assistant's field is not sent to another host or port: Edit and
// reconnect elsewhere empties it, and a Run test after the settings
// changed stops and says why instead of sending it.
func TestPasswordFieldStaysWithItsServer(t *testing.T) {
	peer := loopserver.Start(t, []byte("+OK ready.\r\n"), false)
	other := loopserver.Start(t, []byte("+OK other.\r\n"), false)
	h := mailTab(t, "POP3 (110)", "127.0.0.1:"+peer.Port(), nil, "+OK")
	p := NewPOP3Panel(h.win, h.tab)
	h.open(p)
	p.user.SetText("alice")
	p.password.SetText("pw-for-the-first")

	st := h.tab.Settings()
	st.Engine.Port = other.Port()
	h.tab.SetSettings(st) // the next connection goes elsewhere
	p.RunTest()
	if p.Running() || p.password.Text != "" || !strings.Contains(p.Status.Text, "password field was emptied") {
		t.Fatalf("running %v, password %q, status %q", p.Running(), p.password.Text, p.Status.Text)
	}

	p.password.SetText("pw-for-the-other")
	st.Engine.Port = peer.Port()
	h.tab.ReconnectWith(st) // back to the first: the field is emptied again
	if p.password.Text != "" {
		t.Fatalf("the password followed the tab back: %q", p.password.Text)
	}
	h.tab.Session().Close()
	if got := other.Received() + peer.Received(); strings.Contains(got, "pw-for") {
		t.Fatalf("a password went out: %q", got)
	}
}
