package assist

import (
	"testing"

	"github.com/tern-telnet/tern/internal/certtest"
)

// TestAcceptedCertificateIsNotAskedAgain: once the person accepted an
// unverified certificate in this tab, a Run test that reconnects to the
// same certificate goes on without asking; a different one is asked about.
func TestAcceptedCertificateIsNotAskedAgain(t *testing.T) {
	_, h, _, p := newAssistant(t)
	info := certtest.SelfSigned(t, "mail.example.test")
	var answers []bool
	answer := func(ok bool) { answers = append(answers, ok) }
	p.askUnverified(info, answer) // refused
	h.win.unverified = true
	p.askUnverified(info, answer) // accepted
	p.askUnverified(info, answer) // after a reconnect: the same certificate
	if h.win.asked != 2 || len(answers) != 3 || answers[0] || !answers[1] || !answers[2] {
		t.Fatalf("asked %d times, answers %v: the accepted certificate was asked about again", h.win.asked, answers)
	}
	p.askUnverified(certtest.SelfSigned(t, "mail.example.test"), answer) // a different certificate
	if h.win.asked != 3 {
		t.Fatal("a different certificate was accepted without asking")
	}
}
