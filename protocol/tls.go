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

// handshake turns conn into TLS. The writer is held off meanwhile. The
// certificate is checked after the handshake, so that a person can decide
// to go on with an unverified connection.
func (s *Session) handshake(conn *net.TCPConn) (*tls.Conn, error) {
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
		s.logf("TLS handshake failed: %v", err)
		return nil, fmt.Errorf("the TLS handshake with %s failed: %v", s.cfg.Host, err)
	}
	info := s.describeTLS(tc.ConnectionState(), name)
	s.mu.Lock()
	s.tls.info = &info
	s.link.wr = tc
	s.mu.Unlock()
	if info.Verified {
		s.logf("TLS: %s, %s, certificate verified for %s", info.Version, info.Cipher, name)
	} else {
		s.logf("TLS: %s, %s, certificate NOT verified: %s", info.Version, info.Cipher, info.Problem)
	}
	return tc, nil
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
func (s *Session) maybeStartTLS(conn *net.TCPConn, data []byte) io.Reader {
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
