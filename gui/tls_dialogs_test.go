package gui

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/trust"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/internal/certtest"
	"github.com/tern-telnet/tern/protocol/tlscheck"
)

// TestCertificateQuestion: View certificate… comes first, Disconnect is
// the default (Enter), Continue unverified is not highlighted.
func TestCertificateQuestion(t *testing.T) {
	_, w, tab := connectedTab(t)
	info := certtest.SelfSigned(t, "mail.example.test")
	ask := func() chan error {
		answer := make(chan error, 1)
		go func() {
			answer <- tabHost{w}.VerifyCertificate(context.Background(), tab, "mail.example.test:465", info)
		}()
		waitUntil(t, "the question", func() bool { return w.dialogs.Len() == 1 })
		return answer
	}
	answer := ask()
	if b := widgetstest.Button(t, w.win, "Continue unverified"); b.Importance == widget.HighImportance {
		t.Fatal("Continue unverified is the highlighted button")
	}
	test.Tap(widgetstest.Button(t, w.win, "View certificate…"))
	if !widgetstest.HasLabel(widgetstest.OnScreen(w.win), info.Fingerprint()) {
		t.Fatal("View certificate… does not show the fingerprint")
	}
	widgetstest.PressKey(w.win, fyne.KeyEscape) // the certificate
	widgetstest.PressKey(w.win, fyne.KeyReturn) // the question's default
	if err := <-answer; err == nil || w.dialogs.Len() != 0 {
		t.Fatalf("Enter answered %v, %d dialogs left", err, w.dialogs.Len())
	}
	answer = ask()
	test.Tap(widgetstest.Button(t, w.win, "Continue unverified"))
	if err := <-answer; err != nil || w.dialogs.Len() != 0 {
		t.Fatalf("Continue unverified answered %v, %d dialogs", err, w.dialogs.Len())
	}
}

// TestCertificateExceptionOnlyWhenTicked: Continue without the tick goes
// on once and asks again next time; with the tick, host:port and the
// fingerprint are kept in the preferences and not asked about again; a
// changed certificate asks again and says it changed; a question nobody
// answers in time closes and disconnects.
func TestCertificateExceptionOnlyWhenTicked(t *testing.T) {
	_, w, tab := connectedTab(t)
	const where = "mail.example.test:993"
	info := certtest.SelfSigned(t, "mail.example.test")
	ask := func(ctx context.Context, info tlscheck.Info) chan error {
		answer := make(chan error, 1)
		go func() { answer <- tabHost{w}.VerifyCertificate(ctx, tab, where, info) }()
		return answer
	}
	result := func(answer chan error) error {
		var err error
		waitUntil(t, "the answer", func() bool {
			select {
			case err = <-answer:
				return true
			default:
				return false
			}
		})
		return err
	}
	question := func() { waitUntil(t, "the question", func() bool { return w.dialogs.Len() == 1 }) }
	ctx := context.Background()

	r := ask(ctx, info)
	question()
	test.Tap(widgetstest.Button(t, w.win, "Continue unverified"))
	if err := result(r); err != nil || len(w.app.Preferences().StringList(trust.ExceptionsKey)) != 0 {
		t.Fatalf("%v; kept %q without the tick", err, w.app.Preferences().StringList(trust.ExceptionsKey))
	}
	r = ask(ctx, info)
	question()
	for _, o := range widgetstest.OnScreen(w.win) {
		if c, ok := o.(*widgets.Check); ok && strings.HasPrefix(c.Text, "Remember this certificate") {
			test.Tap(c)
		}
	}
	test.Tap(widgetstest.Button(t, w.win, "Continue unverified"))
	if err := result(r); err != nil {
		t.Fatal(err)
	}
	if got := w.app.Preferences().StringList(trust.ExceptionsKey); len(got) != 1 || got[0] != where+" "+info.Fingerprint() {
		t.Fatalf("kept %q", got)
	}
	if err := result(ask(ctx, info)); err != nil || w.dialogs.Len() != 0 {
		t.Fatalf("a remembered certificate: %v, %d dialogs", err, w.dialogs.Len())
	}

	r = ask(ctx, certtest.SelfSigned(t, "mail.example.test"))
	question()
	if !widgetstest.HasLabel(widgetstest.OnScreen(w.win), "not the one you told Tern to accept") {
		t.Fatal("a changed certificate does not say so")
	}
	widgetstest.PressKey(w.win, fyne.KeyReturn) // Disconnect, the default
	if err := result(r); err == nil {
		t.Fatal("Enter on a changed certificate went on")
	}

	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	r = ask(short, certtest.SelfSigned(t, "other.example.test"))
	if err := result(r); err == nil {
		t.Fatal("an unanswered question went on")
	}
	waitUntil(t, "the question to close", func() bool { return w.dialogs.Len() == 0 })
}

// TestSessionDialogsHaveTernsButtons: the certificate question, the
// certificate itself and the event log have Tern's buttons, so a Space
// that presses one, or an Escape on it, stays out of the session (issue
// 26, major 6).
func TestSessionDialogsHaveTernsButtons(t *testing.T) {
	_, w, tab := connectedTab(t)
	fyneButtons := func(what string) {
		t.Helper()
		walkOverlay(w, func(o fyne.CanvasObject) {
			if b, ok := o.(*widget.Button); ok && b.Text != "" {
				t.Errorf("%s: Fyne's own button %q", what, b.Text)
			}
		})
	}
	answer := make(chan error, 1)
	info := certtest.SelfSigned(t, "mail.example.test")
	go func() {
		answer <- tabHost{w}.VerifyCertificate(context.Background(), tab, "mail.example.test:465", info)
	}()
	waitUntil(t, "the question", func() bool { return w.dialogs.Len() == 1 })
	fyneButtons("the certificate question")
	test.Tap(widgetstest.Button(t, w.win, "View certificate…"))
	fyneButtons("the certificate")
	widgetstest.PressKey(w.win, fyne.KeyEscape)
	widgetstest.PressKey(w.win, fyne.KeyEscape)
	if err := <-answer; err == nil {
		t.Fatal("Escape went on with the certificate")
	}
	w.showEventLog()
	fyneButtons("the event log")
}
