package protocol

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"sync/atomic"

	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// TLSMode says when a session encrypts.
type TLSMode int

// TLS modes.
const (
	TLSNone     TLSMode = iota
	TLSImplicit         // TLS from the first byte (SMTPS 465, telnets 992)
	TLSStartTLS         // plain until the SMTP assistant sends STARTTLS
)

// tlsState is the connection's TLS, guarded by Session.mu but for
// fastArmed. ArmStartTLS (any goroutine) sets armed, ready and done; the
// reading goroutine consumes them in maybeStartTLS and reports on done;
// the handshake (on the reading goroutine, or Run's for implicit TLS)
// sets info, which TLS copies out for anyone.
type tlsState struct {
	armed     bool
	ready     func([]byte) bool // says when the server's go-ahead for TLS arrived
	done      chan error        // the armed handshake's outcome, for WaitTLS
	info      *tlscheck.Info    // nil while not encrypted
	fastArmed atomic.Bool       // mirrors armed for the read loop's fast path, without the lock
}

// ArmStartTLS makes the session switch to TLS right after a read from the
// server for which ready says yes (the server's go-ahead: SMTP's "220",
// POP3's "+OK", IMAP's tagged "OK"), before reading anything more. ready
// runs on the reading goroutine and must not block. WaitTLS then reports
// the handshake's outcome.
func (s *Session) ArmStartTLS(ready func(data []byte) bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tls.ready = ready
	s.tls.armed = true
	s.tls.fastArmed.Store(true)
	s.tls.done = make(chan error, 1)
}

// WaitTLS waits for the handshake armed by ArmStartTLS.
func (s *Session) WaitTLS(ctx context.Context) error {
	s.mu.Lock()
	done := s.tls.done
	s.mu.Unlock()
	if done == nil {
		return errors.New("STARTTLS was not armed")
	}
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		// Whoever waits gives up and will say TLS failed: the session must
		// not then go on, unverified or in clear, behind their back.
		_ = s.Close()
		return fmt.Errorf("the TLS handshake did not finish: %w", ctx.Err())
	case <-s.finished:
		return errors.New("the connection closed")
	}
}

// TLS returns the connection's TLS state, or nil when it is not encrypted.
func (s *Session) TLS() *tlscheck.Info {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tls.info == nil {
		return nil
	}
	info := *s.tls.info
	return &info
}

// handshake turns conn into TLS (tlscheck.Handshake). The writer is held
// off meanwhile, and until the certificate is decided on; a refused
// certificate closes conn.
func (s *Session) handshake(ctx context.Context, conn *net.TCPConn) (*tls.Conn, error) {
	s.link.wmu.Lock()
	defer s.link.wmu.Unlock()
	tc, info, err := tlscheck.Handshake(ctx, conn, tlscheck.Check{
		Host: s.cfg.Host, ServerName: s.cfg.TLSServerName, Roots: s.cfg.TLSRoots,
		Timeout: s.cfg.connectTimeout(), Verify: s.cfg.VerifyCertificate,
		VerifyTimeout: s.cfg.verifyTimeout(), Log: s.logf,
	})
	if err != nil {
		s.refuse(conn)
		return nil, err
	}
	s.mu.Lock()
	s.tls.info = &info
	s.link.wr = tc
	s.mu.Unlock()
	return tc, nil
}

// refuse ends a connection whose TLS failed or was refused; s.link.wmu is
// held, so the writing loop sends nothing more.
func (s *Session) refuse(conn *net.TCPConn) {
	s.mu.Lock()
	s.link.wr = tlscheck.RefusedWriter{}
	s.mu.Unlock()
	_ = conn.Close()
}

// maybeStartTLS does an armed STARTTLS once the server said go ahead.
// What the server sent in clear after its go-ahead in the same read has
// gone to OnData already; the protocol's client drops it (an injected
// reply, CVE-2021-29969's class). Anything later in clear breaks the
// handshake.
func (s *Session) maybeStartTLS(ctx context.Context, conn *net.TCPConn, data []byte) io.Reader {
	if !s.tls.fastArmed.Load() {
		return nil
	}
	s.mu.Lock()
	armed, done, ready := s.tls.armed, s.tls.done, s.tls.ready
	if armed && ready(data) {
		s.tls.armed = false
		s.tls.fastArmed.Store(false)
	} else {
		armed = false
	}
	s.mu.Unlock()
	if !armed {
		return nil
	}
	tc, err := s.handshake(ctx, conn)
	done <- err
	if err != nil {
		s.say("\r\n" + err.Error() + "\r\n")
		return nil
	}
	info := s.TLS()
	s.say(fmt.Sprintf("[TLS started: %s, %s]\r\n", info.Version, info.Cipher))
	s.changed()
	return tc
}

// DisarmStartTLS undoes ArmStartTLS when the server refused STARTTLS: its
// next answer must not start a handshake.
func (s *Session) DisarmStartTLS() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tls.armed {
		s.tls.armed = false
		s.tls.fastArmed.Store(false)
		s.tls.done <- errors.New("STARTTLS was refused")
	}
}
