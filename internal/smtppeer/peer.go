// Package smtppeer is an in-process SMTP server for tests, built on
// emersion/go-smtp: STARTTLS with a certificate made at start, AUTH PLAIN
// and LOGIN for testuser@example.test / testpass, local domain
// example.test, relaying refused, and switches for misbehaviour.
package smtppeer

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"math/big"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	gosmtp "github.com/emersion/go-smtp"
)

// Peer is an in-process SMTP server (emersion/go-smtp) on 127.0.0.1
// with STARTTLS (a certificate made at start), AUTH PLAIN and LOGIN for
// testuser/testpass, local domain example.test, and relaying refused.
type Peer struct {
	Addr  string         // host:port
	Roots *x509.CertPool // trusts the peer's certificate
	srv   *gosmtp.Server
	mu    sync.Mutex
	msgs  []Message
	// RefuseEHLO makes EHLO answer 502, so a client must fall back to HELO.
	RefuseEHLO bool
	// DropInData closes the connection as soon as DATA content starts.
	DropInData bool
	// TempFail answers RCPT with 451 4.7.1.
	TempFail bool
}

// Message is one delivered message; Data is exactly what came between
// DATA and the final dot, dots un-stuffed.
type Message struct {
	From string
	To   []string
	Data []byte
	TLS  bool
	User string
}

// Start runs a peer on 127.0.0.1 until the test ends.
func Start(t testing.TB, configure func(p *Peer)) *Peer {
	t.Helper()
	p := &Peer{}
	if configure != nil {
		configure(p)
	}
	cert, leaf := makeCert(t)
	p.Roots = x509.NewCertPool()
	p.Roots.AddCert(leaf)
	be := gosmtp.BackendFunc(func(c *gosmtp.Conn) (gosmtp.Session, error) {
		return &peerSession{p: p, conn: c}, nil
	})
	s := gosmtp.NewServer(be)
	s.Domain = "mail.example.test"
	s.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}}
	s.AllowInsecureAuth = true
	s.ReadTimeout, s.WriteTimeout = 10*time.Second, 10*time.Second
	s.EnableSMTPUTF8 = true
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var l net.Listener = ln
	if p.RefuseEHLO {
		l = ehloRefuser{ln}
	}
	p.Addr, p.srv = ln.Addr().String(), s
	go s.Serve(l)
	t.Cleanup(func() { s.Close() })
	return p
}

// Messages returns what was delivered.
func (p *Peer) Messages() []Message {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Message(nil), p.msgs...)
}

type peerSession struct {
	p    *Peer
	conn *gosmtp.Conn
	user string
	msg  Message
}

func (s *peerSession) AuthMechanisms() []string { return []string{sasl.Plain, sasl.Login} }

func (s *peerSession) Auth(mech string) (sasl.Server, error) {
	check := func(user, pass string) error {
		if user != "testuser@example.test" || pass != "testpass" {
			return gosmtp.ErrAuthFailed
		}
		s.user = user
		return nil
	}
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(_, user, pass string) error { return check(user, pass) }), nil
	case sasl.Login:
		return &loginServer{check: check}, nil
	}
	return nil, gosmtp.ErrAuthUnknownMechanism
}

// loginServer is the server side of AUTH LOGIN: "Username:", then
// "Password:", each base64-decoded by go-smtp.
type loginServer struct {
	check func(user, pass string) error
	user  string
	step  int
}

func (l *loginServer) Next(response []byte) ([]byte, bool, error) {
	switch l.step {
	case 0:
		l.step = 1
		if len(response) > 0 { // an initial response is the user name
			l.user, l.step = string(response), 2
			return []byte("Password:"), false, nil
		}
		return []byte("Username:"), false, nil
	case 1:
		l.user, l.step = string(response), 2
		return []byte("Password:"), false, nil
	}
	return nil, true, l.check(l.user, string(response))
}

func (s *peerSession) Mail(from string, _ *gosmtp.MailOptions) error {
	s.msg = Message{From: from, User: s.user}
	_, s.msg.TLS = s.conn.TLSConnectionState()
	return nil
}

func (s *peerSession) Rcpt(to string, _ *gosmtp.RcptOptions) error {
	if s.p.TempFail {
		return &gosmtp.SMTPError{Code: 451, EnhancedCode: gosmtp.EnhancedCode{4, 7, 1}, Message: "Greylisted, please try again later"}
	}
	if !strings.HasSuffix(strings.ToLower(to), "@example.test") && s.user == "" {
		return &gosmtp.SMTPError{Code: 554, EnhancedCode: gosmtp.EnhancedCode{5, 7, 1}, Message: "<" + to + ">: Relay access denied"}
	}
	s.msg.To = append(s.msg.To, to)
	return nil
}

func (s *peerSession) Data(r io.Reader) error {
	if s.p.DropInData {
		s.conn.Conn().Close()
		return errors.New("dropped")
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.msg.Data = b
	s.p.mu.Lock()
	s.p.msgs = append(s.p.msgs, s.msg)
	s.p.mu.Unlock()
	return nil
}

func (s *peerSession) Reset()        { s.msg = Message{} }
func (s *peerSession) Logout() error { return nil }

func makeCert(t testing.TB) (tls.Certificate, *x509.Certificate) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "mail.example.test"},
		DNSNames: []string{"mail.example.test", "localhost"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true, IsCA: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(der)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, leaf
}

// ehloRefuser wraps connections so that an EHLO gets "502" from a small
// proxy: go-smtp itself always accepts EHLO.
type ehloRefuser struct{ net.Listener }

func (l ehloRefuser) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &ehloConn{Conn: c}, nil
}

type ehloConn struct {
	net.Conn
	held    []byte // the start of a line that may turn out to be EHLO
	midLine bool   // passed-on bytes end inside a line that is not EHLO
	ready   []byte // bytes for the server
}

// Read hides EHLO lines from the server and answers them with 502. It works
// on lines, whatever way the client's writes are cut.
func (c *ehloConn) Read(b []byte) (int, error) {
	for len(c.ready) == 0 {
		n, err := c.Conn.Read(b)
		c.filter(b[:n])
		if err != nil && len(c.ready) == 0 {
			return 0, err
		}
	}
	n := copy(b, c.ready)
	c.ready = c.ready[n:]
	return n, nil
}

func (c *ehloConn) filter(p []byte) {
	for _, ch := range p {
		if c.midLine {
			c.ready = append(c.ready, ch)
			c.midLine = ch != '\n'
			continue
		}
		c.held = append(c.held, ch)
		switch {
		case len(c.held) >= 4 && strings.EqualFold(string(c.held[:4]), "EHLO"):
			if ch == '\n' {
				c.Conn.Write([]byte("502 5.5.1 EHLO not implemented here, use HELO\r\n"))
				c.held = c.held[:0]
			}
		case len(c.held) < 4 && strings.EqualFold(string(c.held), "EHLO"[:len(c.held)]):
		default:
			c.ready = append(c.ready, c.held...)
			c.held = c.held[:0]
			c.midLine = ch != '\n'
		}
	}
}

// ServeImplicitTLS also serves implicit TLS (as on port 465) on a second
// loopback port and returns its address.
func (p *Peer) ServeImplicitTLS(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go p.srv.Serve(tls.NewListener(ln, p.srv.TLSConfig))
	return ln.Addr().String()
}

// Certificate makes a self-signed certificate for mail.example.test,
// localhost and 127.0.0.1, and a pool that trusts it, for other test peers.
func Certificate(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	cert, leaf := makeCert(t)
	roots := x509.NewCertPool()
	roots.AddCert(leaf)
	return cert, roots
}
