// Package certtest makes certificates for tests.
package certtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// SelfSigned is an unverified certificate as a TLS session reports it.
func SelfSigned(t testing.TB, name string) tlscheck.Info {
	t.Helper()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: name}, DNSNames: []string{name},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := x509.ParseCertificate(der)
	return tlscheck.Info{Version: "TLS 1.3", Cipher: "TLS_AES_128_GCM_SHA256", Certificate: cert,
		Problem: "the certificate is self-signed: the server vouches for itself, and no authority this computer trusts has confirmed it"}
}
