package gui

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/tern-telnet/tern/protocol"
)

// TestCertificateQuestion: View certificate… comes first, Disconnect is
// the default (Enter), Continue unverified is not highlighted.
func TestCertificateQuestion(t *testing.T) {
	_, w, tab := connectedTab(t)
	info := selfSigned(t, "mail.example.test")
	var answers []bool
	answer := func(ok bool) { answers = append(answers, ok) }

	w.askUnverified(tab, info, answer)
	if b := buttonLabelled(t, w, "Continue unverified"); b.Importance == widget.HighImportance {
		t.Fatal("Continue unverified is the highlighted button")
	}
	test.Tap(buttonLabelled(t, w, "View certificate…"))
	if !containsText(onScreen(w), info.Fingerprint()) {
		t.Fatal("View certificate… does not show the fingerprint")
	}
	pressKey(w, fyne.KeyEscape) // the certificate
	pressKey(w, fyne.KeyReturn) // the question's default
	if len(answers) != 1 || answers[0] || len(w.dialogs) != 0 {
		t.Fatalf("Enter answered %v, %d dialogs left", answers, len(w.dialogs))
	}
	w.askUnverified(tab, info, answer)
	test.Tap(buttonLabelled(t, w, "Continue unverified"))
	if len(answers) != 2 || !answers[1] || len(w.dialogs) != 0 {
		t.Fatalf("answers %v, %d dialogs", answers, len(w.dialogs))
	}
}

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
