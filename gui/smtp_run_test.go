package gui

import (
	"net"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// fillTest fills the assistant for a test message to the peer's mailbox.
func fillTest(p *smtpPanel) {
	p.ehlo.SetText("support.example.org")
	p.from.SetText("helpdesk@example.org")
	p.to.SetText("testuser@example.test")
}

// newAssistant opens an SMTP tab with its assistant to a fresh peer.
func newAssistant(t *testing.T) (*smtppeer.Peer, *mainWindow, *termtab.Tab, *smtpPanel) {
	peer := smtppeer.Start(t, nil)
	w := newTestWindow(t)
	tab := openSMTPTab(t, w, peer.Addr)
	return peer, w, tab, panelOf(tab)
}

// closedPort is a loopback port nothing listens on.
func closedPort(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(l.Addr().String())
	l.Close()
	return port
}

// TestRunTestTwiceConnectsAgain: the first test ends with QUIT; the second
// connects again by itself, says so where the person looks, and passes.
func TestRunTestTwiceConnectsAgain(t *testing.T) {
	peer, w, tab, p := newAssistant(t)
	fillTest(p)
	p.runTest()
	waitUntil(t, "the first summary", func() bool { return p.lastSummary != "" })
	pressKey(w, fyne.KeyEscape) // the summary dialog
	waitUntil(t, "the server to close after QUIT", func() bool { return tab.State() == protocol.StateClosed })

	p.lastSummary = ""
	p.runTest()
	if !strings.Contains(p.status.Text, "connecting again") || !strings.Contains(w.status.Text, "SMTP: Run test: the session was closed") {
		t.Fatalf("the assistant says %q, the status bar %q", p.status.Text, w.status.Text)
	}
	waitUntil(t, "the second summary", func() bool {
		t.Logf("status %q", p.status.Text)
		return p.lastSummary != ""
	})
	if strings.Contains(p.lastSummary, "Stopped") || len(peer.Messages()) != 2 {
		t.Fatalf("second run, %d messages:\n%s", len(peer.Messages()), p.lastSummary)
	}
	if !strings.Contains(w.status.Text, "SMTP: Run test passed") {
		t.Fatalf("status bar %q", w.status.Text)
	}
}

// TestRunTestSaysWhyItCannotConnect: on a closed session whose server is
// gone, Run test stops with the reason in plain words, in the assistant,
// the status bar and the summary.
func TestRunTestSaysWhyItCannotConnect(t *testing.T) {
	_, w, tab, p := newAssistant(t)
	fillTest(p)
	tab.Session().Close()
	waitUntil(t, "closed", func() bool { return tab.State() == protocol.StateClosed })
	port := closedPort(t)
	st := tab.Settings()
	st.Engine.Port = port
	tab.SetSettings(st)
	p.runTest()
	waitUntil(t, "the summary", func() bool { return p.lastSummary != "" })
	want := "Tern could not connect again to run the test: Nothing is listening on 127.0.0.1 port " + port
	if !strings.Contains(p.lastSummary, want) || !strings.Contains(p.status.Text, want) || !strings.Contains(w.status.Text, want) {
		t.Fatalf("summary %q\nassistant %q\nstatus bar %q", p.lastSummary, p.status.Text, w.status.Text)
	}
	if len(w.dialogs) != 1 {
		t.Fatalf("%d dialogs: the summary should be in front", len(w.dialogs))
	}
}

// TestSummaryCopiesAndShowsAgain: the summary's Copy puts it on the
// clipboard, and Show last result brings it back.
func TestSummaryCopiesAndShowsAgain(t *testing.T) {
	_, w, _, p := newAssistant(t)
	if !p.lastButton.Disabled() {
		t.Fatal("Show last result is enabled before any test")
	}
	fillTest(p)
	p.runTest()
	waitUntil(t, "the summary", func() bool { return p.lastSummary != "" })
	test.Tap(buttonLabelled(t, w, "Copy"))
	if got := w.app.Clipboard().Content(); got != p.lastSummary || !strings.Contains(got, "All steps passed") {
		t.Fatalf("clipboard %q", got)
	}
	buttonLabelled(t, w, "Save…")
	pressKey(w, fyne.KeyEscape)
	if len(w.dialogs) != 0 {
		t.Fatal("Escape did not close the summary")
	}
	test.Tap(p.lastButton)
	if len(w.dialogs) != 1 || !strings.Contains(onScreenText(w), "All steps passed") {
		t.Fatal("Show last result did not show the summary")
	}
}

// TestReplyExplainedInFull: the newest reply, or the one picked, is shown
// with its whole explanation below the list, wrapped, never cut.
func TestReplyExplainedInFull(t *testing.T) {
	_, _, _, p := newAssistant(t)
	waitUntil(t, "the banner listed", func() bool { return len(p.shown) > 0 })
	relay := smtp.Reply{Code: 554, Enhanced: "5.7.1", Lines: []string{"<a@elsewhere.example>: Relay access denied"}}
	p.addReply(relay)
	want := "554 5.7.1 <a@elsewhere.example>: Relay access denied\n→ " + smtp.Explain(relay)
	if p.detail.Text != want || p.detail.Wrapping != fyne.TextWrapWord || p.detail.Truncation != fyne.TextTruncateOff {
		t.Fatalf("detail %q (wrapping %v, truncation %v)", p.detail.Text, p.detail.Wrapping, p.detail.Truncation)
	}
	if len(smtp.Explain(relay)) < 60 {
		t.Fatalf("the explanation %q is too short to test wrapping", smtp.Explain(relay))
	}
	p.replies.Select(0)
	if !strings.HasPrefix(p.detail.Text, "220 ") {
		t.Fatalf("picking the banner shows %q", p.detail.Text)
	}
}

// TestCredentialsHiddenOnScreen: AUTH sends the real credentials while
// the terminal, so Copy all and the transcript, shows them hidden; Enter
// on the unencrypted-password question cancels.
func TestCredentialsHiddenOnScreen(t *testing.T) {
	_, w, tab, p := newAssistant(t)
	p.ehlo.SetText("support.example.org")
	p.sendEHLO()
	waitUntil(t, "EHLO reply", func() bool { p.mu.Lock(); defer p.mu.Unlock(); return p.last.Code == 250 })
	p.user.SetText("testuser@example.test")
	p.password.SetText("testpass")
	p.sendAUTH()
	pressKey(w, fyne.KeyReturn) // Enter does not send a password in clear
	time.Sleep(100 * time.Millisecond)
	pumpUI()
	if strings.Contains(tab.Screen().History(), smtp.HiddenPlain) {
		t.Fatal("Enter sent the password")
	}
	p.sendAUTH()
	test.Tap(buttonLabelled(t, w, "Send anyway"))
	waitUntil(t, "235", func() bool { p.mu.Lock(); defer p.mu.Unlock(); return p.last.Code == 235 })
	secret := smtp.PlainResponse("testuser@example.test", "testpass")
	w.copyAll()
	for where, text := range map[string]string{"terminal": tab.Screen().History(), "Copy all": w.app.Clipboard().Content()} {
		if strings.Contains(text, secret) || !strings.Contains(text, "AUTH PLAIN ‹credentials hidden›") {
			t.Fatalf("%s shows:\n%s", where, text)
		}
	}
}

// TestAssistantOpenedMidSessionListsEarlierReplies: the replies already on
// screen are read back when the assistant opens.
func TestAssistantOpenedMidSessionListsEarlierReplies(t *testing.T) {
	peer := smtppeer.Start(t, nil)
	w := newTestWindow(t)
	_, port, _ := net.SplitHostPort(peer.Addr)
	tab := openTab(t, w, port)
	waitUntil(t, "banner", func() bool { return strings.Contains(tab.Screen().History(), "220 ") })
	tab.Session().SendLine("EHLO support.example.org")
	waitUntil(t, "EHLO reply", func() bool { return strings.Contains(tab.Screen().History(), "250 ") })
	w.toggleSMTP()
	p := panelOf(tab)
	if len(p.shown) != 2 || p.shown[0].Code != 220 || p.shown[1].Code != 250 || !strings.Contains(p.caps.Text, "STARTTLS") {
		t.Fatalf("listed %+v, capabilities %q", p.shown, p.caps.Text)
	}
}

// TestNotConnectedGoesAfterReconnect: what the assistant said about a
// closed session does not stay once the session is back.
func TestNotConnectedGoesAfterReconnect(t *testing.T) {
	_, w, tab, p := newAssistant(t)
	tab.Session().Close()
	waitUntil(t, "closed", func() bool { return tab.State() == protocol.StateClosed })
	p.sendEHLO()
	if !strings.HasPrefix(p.status.Text, "Not connected") || !strings.Contains(w.status.Text, "SMTP: Not connected") {
		t.Fatalf("the assistant says %q, the status bar %q", p.status.Text, w.status.Text)
	}
	w.reconnect()
	waitUntil(t, "connected", func() bool { return tab.State() == protocol.StateConnected })
	if p.status.Text != assistantHint || strings.Contains(w.status.Text, "Not connected") {
		t.Fatalf("after Reconnect the assistant says %q, the status bar %q", p.status.Text, w.status.Text)
	}
}
