package gui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/tern-telnet/tern/internal/certtest"
)

// TestCertificateQuestion: View certificate… comes first, Disconnect is
// the default (Enter), Continue unverified is not highlighted.
func TestCertificateQuestion(t *testing.T) {
	_, w, tab := connectedTab(t)
	info := certtest.SelfSigned(t, "mail.example.test")
	var answers []bool
	answer := func(a certAnswer) { answers = append(answers, a.proceed) }

	w.askUnverified(tab, "mail.example.test:465", info, false, answer)
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
	w.askUnverified(tab, "mail.example.test:465", info, false, answer)
	test.Tap(buttonLabelled(t, w, "Continue unverified"))
	if len(answers) != 2 || !answers[1] || len(w.dialogs) != 0 {
		t.Fatalf("answers %v, %d dialogs", answers, len(w.dialogs))
	}
}
