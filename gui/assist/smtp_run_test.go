package assist

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// fillTest fills the assistant for a test message to the peer's mailbox.
func fillTest(p *SMTPPanel) {
	p.ehlo.SetText("support.example.org")
	p.from.SetText("helpdesk@example.org")
	p.to.SetText("testuser@example.test")
}

// TestRunTestTwiceConnectsAgain: the first test ends with QUIT; the second
// connects again by itself, says so where the person looks, and passes.
func TestRunTestTwiceConnectsAgain(t *testing.T) {
	peer, h, tab, p := newAssistant(t)
	fillTest(p)
	p.RunTest()
	h.waitUntil("the first summary", func() bool { return p.Result.Text != "" })
	h.win.closeFront() // the summary dialog
	h.waitUntil("the server to close after QUIT", func() bool { return tab.State() == protocol.StateClosed })

	p.Result.Text = ""
	p.RunTest()
	if !strings.Contains(p.Status.Text, "connecting again") || !strings.Contains(h.win.status, "SMTP: Run test: the session was closed") {
		t.Fatalf("the assistant says %q, the status bar %q", p.Status.Text, h.win.status)
	}
	h.waitUntil("the second summary", func() bool {
		t.Logf("status %q", p.Status.Text)
		return p.Result.Text != ""
	})
	if strings.Contains(p.Result.Text, "Stopped") || len(peer.Messages()) != 2 {
		t.Fatalf("second run, %d messages:\n%s", len(peer.Messages()), p.Result.Text)
	}
	if !strings.Contains(h.win.status, "SMTP: Run test passed") {
		t.Fatalf("status bar %q", h.win.status)
	}
}

// TestRunTestSaysWhyItCannotConnect: on a closed session whose server is
// gone, Run test stops with the reason in plain words, in the assistant,
// the status bar and the summary.
func TestRunTestSaysWhyItCannotConnect(t *testing.T) {
	_, h, tab, p := newAssistant(t)
	fillTest(p)
	tab.Session().Close()
	h.waitUntil("closed", func() bool { return tab.State() == protocol.StateClosed })
	port := loopserver.ClosedPort(t)
	st := tab.Settings()
	st.Engine.Port = port
	tab.st = st
	p.RunTest()
	h.waitUntil("the summary", func() bool { return p.Result.Text != "" })
	want := "Tern could not connect again to run the test: Nothing is listening on 127.0.0.1 port " + port
	if !strings.Contains(p.Result.Text, want) || !strings.Contains(p.Status.Text, want) || !strings.Contains(h.win.status, want) {
		t.Fatalf("summary %q\nassistant %q\nstatus bar %q", p.Result.Text, p.Status.Text, h.win.status)
	}
	if len(h.win.dialogs) != 1 {
		t.Fatalf("%d dialogs: the summary should be in front", len(h.win.dialogs))
	}
}

// TestSummaryCopiesAndShowsAgain: the summary's Copy puts it on the
// clipboard, and Show last result brings it back.
func TestSummaryCopiesAndShowsAgain(t *testing.T) {
	_, h, _, p := newAssistant(t)
	if !p.LastButton.Disabled() {
		t.Fatal("Show last result is enabled before any test")
	}
	fillTest(p)
	p.RunTest()
	h.waitUntil("the summary", func() bool { return p.Result.Text != "" })
	test.Tap(h.buttonLabelled("Copy"))
	if got := fyne.CurrentApp().Clipboard().Content(); got != p.Result.Text || !strings.Contains(got, "All steps passed") {
		t.Fatalf("clipboard %q", got)
	}
	h.buttonLabelled("Save…")
	h.win.closeFront()
	if len(h.win.dialogs) != 0 {
		t.Fatal("Escape did not close the summary")
	}
	test.Tap(p.LastButton)
	if len(h.win.dialogs) != 1 || !strings.Contains(h.onScreenText(), "All steps passed") {
		t.Fatal("Show last result did not show the summary")
	}
}

// TestReplyExplainedInFull: the newest reply, or the one picked, is shown
// with its whole explanation below the list, wrapped, never cut.
func TestReplyExplainedInFull(t *testing.T) {
	_, h, _, p := newAssistant(t)
	h.waitUntil("the banner listed", func() bool { return len(p.Shown) > 0 })
	relay := smtp.Reply{Code: 554, Enhanced: "5.7.1", Lines: []string{"<a@elsewhere.example>: Relay access denied"}}
	p.addReply(relay)
	want := "554 5.7.1 <a@elsewhere.example>: Relay access denied\n→ " + smtp.Explain(relay)
	if p.Detail.Text != want || p.Detail.Wrapping != fyne.TextWrapWord || p.Detail.Truncation != fyne.TextTruncateOff {
		t.Fatalf("detail %q (wrapping %v, truncation %v)", p.Detail.Text, p.Detail.Wrapping, p.Detail.Truncation)
	}
	if len(smtp.Explain(relay)) < 60 {
		t.Fatalf("the explanation %q is too short to test wrapping", smtp.Explain(relay))
	}
	p.Replies.Select(0)
	if !strings.HasPrefix(p.Detail.Text, "220 ") {
		t.Fatalf("picking the banner shows %q", p.Detail.Text)
	}
}

// TestCredentialsHiddenOnScreen: AUTH sends the real credentials while
// the terminal, so Copy all and the transcript, shows them hidden. The
// server offers STARTTLS, so the unencrypted-password question offers
// Use STARTTLS as its default (issue 26 major 4): Escape cancels, Enter
// switches to TLS and greets again before AUTH.
func TestCredentialsHiddenOnScreen(t *testing.T) {
	_, h, tab, p := newAssistant(t)
	p.ehlo.SetText("support.example.org")
	p.sendEHLO()
	h.waitUntil("EHLO reply", func() bool { p.Mu.Lock(); defer p.Mu.Unlock(); return p.last.Code == 250 })
	p.user.SetText("testuser@example.test")
	p.password.SetText("testpass")
	p.sendAUTH()
	h.win.closeFront() // Escape: Cancel
	// Barrier: an EHLO sent now must be answered; an AUTH that Escape had
	// set off would have gone before it.
	h.pumpUI()
	p.ehlo.SetText("barrier.example.org")
	p.sendEHLO()
	h.waitUntil("the barrier EHLO's reply", func() bool {
		text := tab.History()
		i := strings.LastIndex(text, "EHLO barrier.example.org\r\n")
		return i >= 0 && strings.Contains(text[i:], "\n250 ")
	})
	if strings.Contains(tab.History(), smtp.HiddenPlain) {
		t.Fatal("Escape sent the password")
	}
	p.ehlo.SetText("support.example.org")
	p.sendAUTH()
	h.win.enter() // Enter: Use STARTTLS
	h.waitUntil("235", func() bool { p.Mu.Lock(); defer p.Mu.Unlock(); return p.last.Code == 235 })
	secret := smtp.PlainResponse("testuser@example.test", "testpass")
	text := tab.History()
	if strings.Contains(text, secret) || !strings.Contains(text, "AUTH PLAIN ‹credentials hidden›") {
		t.Fatalf("the terminal shows:\n%s", text)
	}
	if tls := strings.Index(text, "STARTTLS\r\n"); tls < 0 || tls > strings.Index(text, "AUTH PLAIN") || tab.Session().TLS() == nil {
		t.Fatalf("AUTH did not go over TLS:\n%s", text)
	}
}

// TestAssistantOpenedMidSessionListsEarlierReplies: the replies already on
// screen are read back when the assistant opens.
func TestAssistantOpenedMidSessionListsEarlierReplies(t *testing.T) {
	peer := smtppeer.Start(t, nil)
	h := newTab(t, peer.Addr, profiles.Profile{Negotiation: "passive"})
	tab := h.tab
	tab.Session().SendLine("EHLO support.example.org")
	h.waitUntil("EHLO reply", func() bool { return strings.Contains(tab.History(), "250 ") })
	p := h.openPanel()
	if len(p.Shown) != 2 || p.Shown[0].Code != 220 || p.Shown[1].Code != 250 || !strings.Contains(p.caps.Text, "STARTTLS") {
		t.Fatalf("listed %+v, capabilities %q", p.Shown, p.caps.Text)
	}
}

// TestNotConnectedGoesAfterReconnect: what the assistant said about a
// closed session does not stay once the session is back.
func TestNotConnectedGoesAfterReconnect(t *testing.T) {
	_, h, tab, p := newAssistant(t)
	tab.Session().Close()
	h.waitUntil("closed", func() bool { return tab.State() == protocol.StateClosed })
	p.sendEHLO()
	if !strings.HasPrefix(p.Status.Text, "Not connected") || !strings.Contains(h.win.status, "SMTP: Not connected") {
		t.Fatalf("the assistant says %q, the status bar %q", p.Status.Text, h.win.status)
	}
	tab.Reconnect()
	h.waitUntil("connected", func() bool { return tab.State() == protocol.StateConnected })
	if p.Status.Text != panel.AssistantHint || strings.Contains(h.win.status, "Not connected") {
		t.Fatalf("after Reconnect the assistant says %q, the status bar %q", p.Status.Text, h.win.status)
	}
}

// TestRunTestAsksBeforeTheNullSender: with From empty, Run test asks
// before MAIL FROM:<> (Enter answers no: nothing is sent and From gets
// the keyboard); choosing the null sender runs the test with it; the
// MAIL FROM button says what it sent.
func TestRunTestAsksBeforeTheNullSender(t *testing.T) {
	peer, h, _, p := newAssistant(t)
	fillTest(p)
	p.from.SetText("")
	p.RunTest()
	if h.win.risky == nil || p.Running() {
		t.Fatalf("Run test did not ask first (running %v)", p.Running())
	}
	h.win.risky(false)
	if p.Running() || h.win.win.Canvas().Focused() != p.from || !strings.Contains(p.Status.Text, "fill in From") {
		t.Fatalf("after No: running %v, focus %v, says %q", p.Running(), h.win.win.Canvas().Focused(), p.Status.Text)
	}
	h.win.risky = nil
	p.RunTest()
	h.win.risky(true)
	h.waitUntil("the summary", func() bool { return p.Result.Text != "" })
	msgs := peer.Messages()
	if len(msgs) != 1 || msgs[0].From != "" {
		t.Fatalf("the peer received %+v\n%s", msgs, p.Result.Text)
	}
}

// TestMailFromButtonExplainsTheNullSender: MAIL FROM with From empty
// sends MAIL FROM:<> and says what that is.
func TestMailFromButtonExplainsTheNullSender(t *testing.T) {
	_, h, tab, p := newAssistant(t)
	p.from.SetText("")
	p.sendEHLO()
	p.sendMAIL()
	h.waitUntil("MAIL FROM:<> in the terminal", func() bool { return strings.Contains(tab.History(), "MAIL FROM:<>") })
	if !strings.Contains(p.Status.Text, "null sender") {
		t.Fatalf("the assistant says %q", p.Status.Text)
	}
}
