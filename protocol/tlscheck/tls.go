package protocol

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync/atomic"
	"time"
)

// TLSMode says when a session encrypts.
type TLSMode int

// TLS modes.
const (
	TLSNone     TLSMode = iota
	TLSImplicit         // TLS from the first byte (SMTPS 465, telnets 992)
	TLSStartTLS         // plain until the SMTP assistant sends STARTTLS
)

// TLSInfo describes an encrypted connection.
type TLSInfo struct {
	Version     string // e.g. "TLS 1.3"
	Cipher      string
	Verified    bool   // the certificate chain and name check out
	Problem     string // why not, in words ("" when Verified)
	Certificate *x509.Certificate
	Chain       []*x509.Certificate
}

// Summary says in one line what protects the connection, e.g.
// "TLS 1.3, TLS_AES_128_GCM_SHA256; certificate for mail.example.com
// verified, valid until 2027-03-01".
func (t TLSInfo) Summary() string {
	s := t.Version + ", " + t.Cipher
	c := t.Certificate
	if c == nil {
		return s
	}
	name := c.Subject.CommonName
	if len(c.DNSNames) > 0 {
		name = c.DNSNames[0]
	}
	if t.Verified {
		return fmt.Sprintf("%s; certificate for %s verified, valid until %s", s, name, c.NotAfter.Format("2006-01-02"))
	}
	return fmt.Sprintf("%s; certificate for %s NOT verified: %s", s, name, t.Problem)
}

// Fingerprint is the SHA-256 fingerprint of the server's certificate.
func (t TLSInfo) Fingerprint() string {
	if t.Certificate == nil {
		return ""
	}
	sum := sha256.Sum256(t.Certificate.Raw)
	parts := make([]string, len(sum))
	for i, b := range sum {
		parts[i] = fmt.Sprintf("%02X", b)
	}
	return strings.Join(parts, ":")
}

// tlsState is the connection's TLS, guarded by Session.mu but for
// fastArmed. ArmStartTLS (any goroutine) sets armed, ready and done; the
// reading goroutine consumes them in maybeStartTLS and reports on done;
// the handshake (on the reading goroutine, or Run's for implicit TLS)
// sets info, which TLS copies out for anyone.
type tlsState struct {
	armed     bool
	ready     func([]byte) bool // says when the server's go-ahead for TLS arrived
	done      chan error        // the armed handshake's outcome, for WaitTLS
	info      *TLSInfo          // nil while not encrypted
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
func (s *Session) TLS() *TLSInfo {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tls.info == nil {
		return nil
	}
	info := *s.tls.info
	return &info
}

// VerifyCertificateFunc decides whether a session goes on with a
// certificate that did not verify (info.Verified is false; a verified
// certificate is never put to it). nil goes on; an error ends the
// connection before anything more is sent. It runs on the session's
// reading goroutine, may block (to ask a person), and must return when
// ctx is done: the session gives up waiting then, and disconnects.
// Shaped after x/crypto/ssh's HostKeyCallback: a session configured for
// TLS will not start without one.
type VerifyCertificateFunc func(ctx context.Context, info TLSInfo) error

// RejectUnverified refuses every certificate that does not verify: the
// choice for a session with no person to ask.
func RejectUnverified(_ context.Context, info TLSInfo) error {
	return errors.New(info.Problem)
}

// InsecureAcceptAnyCertificate goes on with any certificate at all, so a
// man in the middle reads everything. For tests against throwaway peers
// only; never for a session a person uses.
func InsecureAcceptAnyCertificate() VerifyCertificateFunc {
	return func(context.Context, TLSInfo) error { return nil }
}

// ErrNoVerifier is Run's answer for a session configured for TLS without
// Config.VerifyCertificate.
var ErrNoVerifier = errors.New("the session is configured for TLS but has nothing to decide about a certificate that does not verify (Config.VerifyCertificate)")

// refusedWriter stands for the link's writer once a certificate was
// refused: the writing loop, held off during the decision, must not send
// what waited in clear, nor anything more.
type refusedWriter struct{}

func (refusedWriter) Write([]byte) (int, error) {
	return 0, errors.New("the certificate was refused: nothing more goes to this server")
}

// handshake turns conn into TLS. The writer is held off meanwhile, and
// until the certificate is decided on: the chain is checked after the
// handshake, and one that does not verify is put to
// Config.VerifyCertificate before a byte more is sent. A refused
// certificate closes conn.
func (s *Session) handshake(ctx context.Context, conn *net.TCPConn) (*tls.Conn, error) {
	s.link.wmu.Lock()
	defer s.link.wmu.Unlock()
	name := s.cfg.TLSServerName
	if name == "" {
		name = s.cfg.Host
	}
	cfg := &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12}
	if net.ParseIP(name) == nil {
		cfg.ServerName = name
	}
	tc := tls.Client(conn, cfg)
	_ = conn.SetDeadline(time.Now().Add(s.cfg.connectTimeout()))
	err := tc.Handshake()
	_ = conn.SetDeadline(time.Time{})
	if err != nil {
		s.refuse(conn)
		s.logf("TLS handshake failed: %v", err)
		return nil, fmt.Errorf("the TLS handshake with %s failed: %v", s.cfg.Host, err)
	}
	info := s.describeTLS(tc.ConnectionState(), name)
	if info.Verified {
		s.logf("TLS: %s, %s, certificate verified for %s", info.Version, info.Cipher, name)
	} else {
		s.logf("TLS: %s, %s, certificate NOT verified: %s", info.Version, info.Cipher, info.Problem)
		if err := s.decide(ctx, info); err != nil {
			s.refuse(conn)
			s.logf("%v", err)
			return nil, err
		}
		s.logf("TLS: going on with the unverified certificate %s", info.Fingerprint())
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
	s.link.wr = refusedWriter{}
	s.mu.Unlock()
	_ = conn.Close()
}

// decide puts an unverified certificate to Config.VerifyCertificate and
// waits for its answer, up to Config.VerifyTimeout or until the session
// is closed. No answer in time, or an answer that comes too late, is a
// refusal.
func (s *Session) decide(ctx context.Context, info TLSInfo) error {
	verify := s.cfg.VerifyCertificate
	if verify == nil {
		return fmt.Errorf("the certificate of %s was refused: %s", s.cfg.Host, info.Problem)
	}
	limit := s.cfg.verifyTimeout()
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	answer := make(chan error, 1)
	go func() { answer <- verify(ctx, info) }()
	select {
	case err := <-answer:
		if err != nil {
			return fmt.Errorf("the certificate of %s was refused: %v", s.cfg.Host, err)
		}
		if ctx.Err() != nil {
			return fmt.Errorf("the certificate of %s was accepted too late (after %s); disconnected", s.cfg.Host, limit)
		}
		return nil
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return fmt.Errorf("the certificate of %s was not accepted within %s; disconnected", s.cfg.Host, limit)
		}
		return fmt.Errorf("the certificate of %s was not accepted: the session was closed", s.cfg.Host)
	}
}

func (s *Session) describeTLS(cs tls.ConnectionState, name string) TLSInfo {
	info := TLSInfo{Version: tls.VersionName(cs.Version), Cipher: tls.CipherSuiteName(cs.CipherSuite), Chain: cs.PeerCertificates}
	if len(cs.PeerCertificates) == 0 {
		info.Problem = "the server sent no certificate"
		return info
	}
	leaf := cs.PeerCertificates[0]
	info.Certificate = leaf
	inter := x509.NewCertPool()
	for _, c := range cs.PeerCertificates[1:] {
		inter.AddCert(c)
	}
	_, err := leaf.Verify(x509.VerifyOptions{DNSName: name, Intermediates: inter, Roots: s.cfg.TLSRoots})
	if err == nil {
		info.Verified = true
		return info
	}
	info.Problem = explainCertError(err, leaf, name)
	return info
}

// explainCertError says what is wrong with a certificate, in words.
func explainCertError(err error, leaf *x509.Certificate, name string) string {
	var inv x509.CertificateInvalidError
	var host x509.HostnameError
	var unknown x509.UnknownAuthorityError
	switch {
	case errors.As(err, &inv) && inv.Reason == x509.Expired:
		now := time.Now()
		if now.Before(leaf.NotBefore) {
			return fmt.Sprintf("the certificate is not valid yet (from %s)", leaf.NotBefore.Format("2006-01-02"))
		}
		return fmt.Sprintf("the certificate expired on %s", leaf.NotAfter.Format("2006-01-02"))
	case errors.As(err, &host):
		names := append([]string(nil), leaf.DNSNames...)
		for _, ip := range leaf.IPAddresses {
			names = append(names, ip.String())
		}
		return fmt.Sprintf("the certificate is for %s, not for %s", strings.Join(names, ", "), name)
	case errors.As(err, &unknown):
		if bytes.Equal(leaf.RawIssuer, leaf.RawSubject) {
			return "the certificate is self-signed: the server vouches for itself, and no authority this computer trusts has confirmed it"
		}
		return "the certificate was issued by an authority this computer does not trust"
	}
	return "the certificate could not be checked: " + err.Error()
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
