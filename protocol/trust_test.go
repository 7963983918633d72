package protocol_test

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/scriptpeer"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// The certificate decision against a man in the middle: a scripted peer
// whose certificate is self-signed and names another host than the one
// dialled (mail.example.test, not 127.0.0.1). The peer records every
// byte it receives until the connection ends, which is the barrier: a
// refused session has closed the connection, so what the peer got then
// is all it will ever get.

// hostile is a session to the peer with implicit TLS (or STARTTLS) and
// the decision verify; states records every state the session reported.
type hostile struct {
	s      *protocol.Session
	peer   *scriptpeer.Peer
	mu     sync.Mutex
	states []protocol.State
	runErr chan error
}

func dialHostile(t *testing.T, peer *scriptpeer.Peer, mode protocol.TLSMode, neg protocol.Negotiation, verify func(*hostile) tlscheck.VerifyCertificateFunc, timeout time.Duration) *hostile {
	t.Helper()
	host, port, _ := net.SplitHostPort(peer.Addr)
	h := &hostile{peer: peer, runErr: make(chan error, 1)}
	cfg := protocol.Config{Host: host, Port: port, TLS: mode, Negotiation: neg, VerifyCertificate: verify(h), VerifyTimeout: timeout}
	h.s = protocol.NewSession(cfg)
	h.s.OnChange = func(st protocol.Status) {
		h.mu.Lock()
		h.states = append(h.states, st.State)
		h.mu.Unlock()
	}
	go func() { _, _ = io.Copy(io.Discard, h.s.Output()) }()
	go func() { h.runErr <- h.s.Run(context.Background()) }()
	t.Cleanup(func() { h.s.Close(); <-h.s.Done(); h.s.Detach() })
	return h
}

// fixed is a decision that needs nothing of the session.
func fixed(f tlscheck.VerifyCertificateFunc) func(*hostile) tlscheck.VerifyCertificateFunc {
	return func(*hostile) tlscheck.VerifyCertificateFunc { return f }
}

func (h *hostile) reached(st protocol.State) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, s := range h.states {
		if s == st {
			return true
		}
	}
	return false
}

func (h *hostile) ended(t *testing.T) error {
	t.Helper()
	select {
	case err := <-h.runErr:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("the session did not end")
		return nil
	}
}

// TestImplicitTLSAsksBeforeAnythingIsSent: with telnets (active Telnet
// negotiation, which sends options at once) and raw implicit TLS
// (SMTPS, POP3S, IMAPS, HTTPS), the decision comes after the handshake
// and before the session reports connected; a line typed meanwhile and
// the options wait, and a refusal sends none of them.
func TestImplicitTLSAsksBeforeAnythingIsSent(t *testing.T) {
	for _, neg := range []protocol.Negotiation{protocol.NegotiateActive, protocol.NegotiateRaw} {
		t.Run(neg.String(), func(t *testing.T) {
			peer := scriptpeer.Start(t, "", []scriptpeer.Exchange{{Reply: "never\r\n"}}, true)
			asked, answer := make(chan tlscheck.Info, 1), make(chan error)
			h := dialHostile(t, peer, protocol.TLSImplicit, neg, func(h *hostile) tlscheck.VerifyCertificateFunc {
				return func(ctx context.Context, info tlscheck.Info) error {
					if h.reached(protocol.StateConnected) {
						t.Error("the session reported connected before the decision")
					}
					asked <- info
					return <-answer
				}
			}, 0)
			info := <-asked
			if info.Verified || info.Problem == "" || info.Fingerprint() == "" {
				t.Fatalf("asked about %+v", info)
			}
			h.s.SendSecretLine("AUTH PLAIN c2VjcmV0", "AUTH PLAIN ‹hidden›") // typed or sent by an assistant meanwhile
			answer <- errors.New("disconnect")
			if err := h.ended(t); err == nil {
				t.Fatal("a refused certificate ended the session without an error")
			}
			if got := peer.Received(t); got != "" {
				t.Fatalf("the man in the middle received %q", got)
			}
			if h.reached(protocol.StateConnected) || h.s.TLS() != nil {
				t.Fatal("the refused session reported connected or encrypted")
			}
		})
	}
}

// TestAcceptedCertificateGoesOn: a yes lets the session connect, and
// what was queued meanwhile goes out over TLS.
func TestAcceptedCertificateGoesOn(t *testing.T) {
	peer := scriptpeer.Start(t, "", []scriptpeer.Exchange{{Reply: "ok\r\n"}}, true)
	h := dialHostile(t, peer, protocol.TLSImplicit, protocol.NegotiateRaw, fixed(tlscheck.InsecureAcceptAnyCertificate()), 0)
	testwait.Until(t, "a connection", func() bool { return h.reached(protocol.StateConnected) })
	h.s.SendLine("hello")
	if got := peer.Received(t); got != "hello\r\n" {
		t.Fatalf("the peer received %q", got)
	}
	if info := h.s.TLS(); info == nil || info.Verified {
		t.Fatalf("TLS %+v", info)
	}
}

// TestLateAnswerDisconnects: a yes that comes after the time limit finds
// the session gone (issue 24 item 5): nothing was sent, the session
// ended, and it says why.
func TestLateAnswerDisconnects(t *testing.T) {
	peer := scriptpeer.Start(t, "", []scriptpeer.Exchange{{Reply: "never\r\n"}}, true)
	release := make(chan struct{})
	h := dialHostile(t, peer, protocol.TLSImplicit, protocol.NegotiateRaw, fixed(func(context.Context, tlscheck.Info) error {
		<-release // a person who answers late, ignoring ctx
		return nil
	}), 200*time.Millisecond)
	err := h.ended(t)
	close(release)
	if err == nil || !strings.Contains(err.Error(), "not accepted within") {
		t.Fatalf("Run returned %v", err)
	}
	if got := peer.Received(t); got != "" {
		t.Fatalf("the man in the middle received %q", got)
	}
	if h.reached(protocol.StateConnected) {
		t.Fatal("the session reported connected")
	}
}

// TestTLSWithoutADecisionDoesNotStart: a session configured for TLS
// without VerifyCertificate refuses to start, as x/crypto/ssh does
// without a HostKeyCallback.
func TestTLSWithoutADecisionDoesNotStart(t *testing.T) {
	for _, mode := range []protocol.TLSMode{protocol.TLSImplicit, protocol.TLSStartTLS} {
		s := protocol.NewSession(protocol.Config{Host: "127.0.0.1", Port: "1", TLS: mode})
		go func() { _, _ = io.Copy(io.Discard, s.Output()) }()
		if err := s.Run(context.Background()); !errors.Is(err, tlscheck.ErrNoVerifier) {
			t.Fatalf("mode %d: Run returned %v", mode, err)
		}
	}
}

// TestRefusedSTARTTLSCertificateSendsNothingMore: after the server's
// go-ahead, a line queued while the certificate is decided on goes
// neither in clear nor over the refused TLS.
func TestRefusedSTARTTLSCertificateSendsNothingMore(t *testing.T) {
	peer := scriptpeer.Start(t, "220 mail ESMTP\r\n", []scriptpeer.Exchange{{Reply: "220 go ahead\r\n", StartTLS: true}, {Reply: "235 ok\r\n"}}, false)
	asked, answer := make(chan struct{}), make(chan error)
	h := dialHostile(t, peer, protocol.TLSStartTLS, protocol.NegotiateRaw, fixed(func(context.Context, tlscheck.Info) error {
		close(asked)
		return <-answer
	}), 0)
	testwait.Until(t, "a connection", func() bool { return h.reached(protocol.StateConnected) })
	h.s.ArmStartTLS(func(data []byte) bool { return strings.Contains(string(data), "220 go ahead") })
	h.s.SendLine("STARTTLS")
	<-asked
	h.s.SendSecretLine("AUTH PLAIN c2VjcmV0", "AUTH PLAIN ‹hidden›")
	answer <- errors.New("disconnect")
	if err := h.s.WaitTLS(context.Background()); err == nil {
		t.Fatal("WaitTLS reported a refused certificate as success")
	}
	if got := peer.Received(t); got != "STARTTLS\r\n" {
		t.Fatalf("the peer received %q", got)
	}
}
