package tlscheck

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"
)

// Info describes an encrypted connection.
type Info struct {
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
func (t Info) Summary() string {
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
func (t Info) Fingerprint() string {
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

// VerifyCertificateFunc decides whether a session goes on with a
// certificate that did not verify (info.Verified is false; a verified
// certificate is never put to it). nil goes on; an error ends the
// connection before anything more is sent. It runs on the session's
// reading goroutine, may block (to ask a person), and must return when
// ctx is done: the session gives up waiting then, and disconnects.
// Shaped after x/crypto/ssh's HostKeyCallback: a session configured for
// TLS will not start without one.
type VerifyCertificateFunc func(ctx context.Context, info Info) error

// RejectUnverified refuses every certificate that does not verify: the
// choice for a session with no person to ask.
func RejectUnverified(_ context.Context, info Info) error {
	return errors.New(info.Problem)
}

// InsecureAcceptAnyCertificate goes on with any certificate at all, so a
// man in the middle reads everything. For tests against throwaway peers
// only; never for a session a person uses.
func InsecureAcceptAnyCertificate() VerifyCertificateFunc {
	return func(context.Context, Info) error { return nil }
}

// ErrNoVerifier is the answer for a session configured for TLS without a
// VerifyCertificateFunc (protocol.Config.VerifyCertificate).
var ErrNoVerifier = errors.New("the session is configured for TLS but has nothing to decide about a certificate that does not verify (Config.VerifyCertificate)")

// RefusedWriter stands for a connection's writer once a certificate was
// refused: the writing loop, held off during the decision, must not send
// what waited in clear, nor anything more.
type RefusedWriter struct{}

// Write sends nothing and says why.
func (RefusedWriter) Write([]byte) (int, error) {
	return 0, errors.New("the certificate was refused: nothing more goes to this server")
}

// Check is what a handshake needs to decide about the server's
// certificate.
type Check struct {
	Host          string         // the host as dialled, named in errors
	ServerName    string         // the name the certificate must carry; "" means Host
	Roots         *x509.CertPool // the authorities trusted; nil means the system's
	Timeout       time.Duration  // the handshake's limit
	Verify        VerifyCertificateFunc
	VerifyTimeout time.Duration                    // how long Verify may take
	Log           func(format string, args ...any) // the event log
}

// Handshake turns conn into TLS. The chain is checked after the
// handshake, and one that does not verify is put to c.Verify before a
// byte more is sent; the caller holds its writer off meanwhile, and on an
// error closes conn (RefusedWriter).
func Handshake(ctx context.Context, conn *net.TCPConn, c Check) (*tls.Conn, Info, error) {
	name := c.ServerName
	if name == "" {
		name = c.Host
	}
	cfg := &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12}
	if net.ParseIP(name) == nil {
		cfg.ServerName = name
	}
	tc := tls.Client(conn, cfg)
	_ = conn.SetDeadline(time.Now().Add(c.Timeout))
	err := tc.Handshake()
	_ = conn.SetDeadline(time.Time{})
	if err != nil {
		c.Log("TLS handshake failed: %v", err)
		return nil, Info{}, fmt.Errorf("the TLS handshake with %s failed: %v", c.Host, err)
	}
	info := Describe(tc.ConnectionState(), name, c.Roots)
	if info.Verified {
		c.Log("TLS: %s, %s, certificate verified for %s", info.Version, info.Cipher, name)
		return tc, info, nil
	}
	c.Log("TLS: %s, %s, certificate NOT verified: %s", info.Version, info.Cipher, info.Problem)
	if err := c.decide(ctx, info); err != nil {
		c.Log("%v", err)
		return nil, info, err
	}
	c.Log("TLS: going on with the unverified certificate %s", info.Fingerprint())
	return tc, info, nil
}

// decide puts an unverified certificate to c.Verify and waits for its
// answer, up to c.VerifyTimeout or until ctx is done (the session was
// closed). No answer in time, or an answer that comes too late, is a
// refusal.
func (c Check) decide(ctx context.Context, info Info) error {
	verify := c.Verify
	if verify == nil {
		return fmt.Errorf("the certificate of %s was refused: %s", c.Host, info.Problem)
	}
	limit := c.VerifyTimeout
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	answer := make(chan error, 1)
	go func() { answer <- verify(ctx, info) }()
	select {
	case err := <-answer:
		if err != nil {
			return fmt.Errorf("the certificate of %s was refused: %v", c.Host, err)
		}
		if ctx.Err() != nil {
			return fmt.Errorf("the certificate of %s was accepted too late (after %s); disconnected", c.Host, limit)
		}
		return nil
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return fmt.Errorf("the certificate of %s was not accepted within %s; disconnected", c.Host, limit)
		}
		return fmt.Errorf("the certificate of %s was not accepted: the session was closed", c.Host)
	}
}

// Describe says what protects a connection and whether its certificate
// chain verifies for name against roots (nil: the system's).
func Describe(cs tls.ConnectionState, name string, roots *x509.CertPool) Info {
	info := Info{Version: tls.VersionName(cs.Version), Cipher: tls.CipherSuiteName(cs.CipherSuite), Chain: cs.PeerCertificates}
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
	_, err := leaf.Verify(x509.VerifyOptions{DNSName: name, Intermediates: inter, Roots: roots})
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
