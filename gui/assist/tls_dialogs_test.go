package assist

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol"
)

// selfSigned is an unverified certificate as a TLS session reports it.
func selfSigned(t *testing.T, name string) protocol.TLSInfo {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name}, DNSNames: []string{name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	return protocol.TLSInfo{Version: "TLS 1.3", Cipher: "TLS_AES_128_GCM_SHA256", Certificate: cert,
		Problem: "the certificate is self-signed: the server vouches for itself, and no authority this computer trusts has confirmed it"}
}

// TestAcceptedCertificateIsNotAskedAgain: once the person accepted an
// unverified certificate in this tab, a Run test that reconnects to the
// same certificate goes on without asking; a different one is asked about.
func TestAcceptedCertificateIsNotAskedAgain(t *testing.T) {
	_, h, _, p := newAssistant(t)
	info := selfSigned(t, "mail.example.test")
	var answers []bool
	answer := func(ok bool) { answers = append(answers, ok) }
	p.askUnverified(info, answer) // refused
	h.win.unverified = true
	p.askUnverified(info, answer) // accepted
	p.askUnverified(info, answer) // after a reconnect: the same certificate
	if h.win.asked != 2 || len(answers) != 3 || answers[0] || !answers[1] || !answers[2] {
		t.Fatalf("asked %d times, answers %v: the accepted certificate was asked about again", h.win.asked, answers)
	}
	p.askUnverified(selfSigned(t, "mail.example.test"), answer) // a different certificate
	if h.win.asked != 3 {
		t.Fatal("a different certificate was accepted without asking")
	}
}
