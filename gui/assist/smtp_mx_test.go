package assist

import (
	"crypto/x509"
	"net"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/dnspeer"
	"github.com/tern-telnet/tern/internal/smtppeer"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// exampleTest serves example.test: its first exchanger (mx1, 127.0.0.2)
// refuses, the second (mail.example.test, 127.0.0.1) is the peer.
func exampleTest(t *testing.T) *net.Resolver {
	return dnspeer.Start(t, dnspeer.Zone{
		MX:   map[string][]dnspeer.MX{"example.test": {{Pref: 10, Host: "mx1.example.test"}, {Pref: 20, Host: "mail.example.test"}}, "nomail.test": {{Pref: 0, Host: "."}}},
		Addr: map[string][]string{"mx1.example.test": {"127.0.0.2"}, "mail.example.test": {"127.0.0.1"}},
		PTR:  map[string][]string{"127.0.0.1": {"mail.example.test"}},
	}).Resolver()
}

// mxAssistant is the SMTP assistant in a tab on addr's port (connected
// there to begin with), trusting roots, with example.test's DNS.
func mxAssistant(t *testing.T, addr string, roots *x509.CertPool) (*harness, *SMTPPanel) {
	pr := profiles.Builtins()[0] // SMTP test (port 25)
	h := newTab(t, addr, pr)
	h.tab.st.Engine.TLSRoots = roots
	h.win.dns = exampleTest(t)
	p := h.openPanel()
	fillTest(p)
	return h, p
}

// findAndRun types the domain, presses Find mail servers, waits for the
// exchanger's banner, then runs the test and returns its summary.
func findAndRun(t *testing.T, h *harness, p *SMTPPanel, port string) string {
	t.Helper()
	var told string
	p.FindMailServers("example.test", func(Words string, ok bool) {
		if ok {
			told = Words
		}
	})
	if !p.finding || !strings.Contains(p.Status.Text, "Looking up the mail exchangers of example.test") {
		t.Fatalf("while looking up, the assistant says %q", p.Status.Text)
	}
	h.waitUntil("the lookup", func() bool { return !p.finding })
	first := h.tab.Session()
	wantWhy := "Connected to mail.example.test (preference 20) at 127.0.0.1 port " + port + "; before it, mx1.example.test (preference 10) at 127.0.0.2: refused"
	mustHave(t, p.Status.Text, wantWhy)
	mustHave(t, told, "Mail exchangers of example.test, in the order senders try them:", "10 mx1.example.test  127.0.0.2", "20 mail.example.test  127.0.0.1", wantWhy)
	mustHave(t, h.tab.History(), "Looking up the mail exchangers of example.test…", // wrapped for the terminal
		"Connected to mail.example.test (preference 20) at 127.0.0.1 port "+port+";\r\nbefore it, mx1.example.test (preference 10)")
	st := h.tab.Settings()
	if st.Engine.Host != "mail.example.test" || st.Engine.Port != port || st.Engine.Conn != nil {
		t.Fatalf("the tab's next connection goes to %s:%s (conn %v)", st.Engine.Host, st.Engine.Port, st.Engine.Conn)
	}
	h.waitUntil("the exchanger's banner", func() bool {
		return first.Status().State == protocol.StateConnected && strings.Count(h.tab.History(), "220 ") >= 2
	})
	p.useTLS.SetChecked(true)
	p.RunTest()
	h.waitUntil("the summary", func() bool { return p.Result.Text != "" })
	return p.Result.Text
}

// TestMailDomainFindsSecondExchanger: the first MX refuses, so the tab
// connects to the second on the connection the lookup opened; Run test
// then answers the domain question naming that exchanger.
func TestMailDomainFindsSecondExchanger(t *testing.T) {
	peer := smtppeer.Start(t, nil)
	_, port, _ := net.SplitHostPort(peer.Addr)
	h, p := mxAssistant(t, peer.Addr, peer.Roots)
	sum := findAndRun(t, h, p, port)
	mustHave(t, sum, "Mail domain example.test:",
		"Exchanger: mail.example.test (preference 20) at 127.0.0.1 answered on port "+port+"; mx1.example.test (preference 10) at 127.0.0.2: refused",
		"Recipient: mail.example.test accepted testuser@example.test.",
		"STARTTLS: mail.example.test offers it",
		"Certificate: valid for the MX name mail.example.test",
		"Reverse DNS: 127.0.0.1")
	if len(peer.Messages()) != 1 {
		t.Fatalf("%d messages at the exchanger", len(peer.Messages()))
	}
}

// TestMailDomainPostfix is the same against real Postfix
// (TERN_PEER_POSTFIX), whose banner names mail.example.test.
func TestMailDomainPostfix(t *testing.T) {
	peer := smtppeer.Postfix(t)
	_, port, _ := net.SplitHostPort(peer.Addr)
	h, p := mxAssistant(t, peer.Addr, peer.Roots)
	sum := findAndRun(t, h, p, port)
	mustHave(t, sum, "Exchanger: mail.example.test (preference 20)", "Recipient: mail.example.test accepted testuser@example.test.",
		"Certificate: valid for the MX name mail.example.test", "Reverse DNS: 127.0.0.1 is ")
	// Where 127.0.0.1's name comes from depends on the system: Linux reads
	// /etc/hosts (localhost, so the names disagree), Windows asks the test
	// DNS server (mail.example.test, so they agree). Either way the finding
	// weighs it against the banner's host.
	for _, line := range strings.Split(sum, "\n") {
		if strings.HasPrefix(line, "Reverse DNS:") && !strings.Contains(line, "mail.example.test") {
			t.Fatalf("the reverse DNS finding does not name the banner's host: %q", line)
		}
	}
}

// TestMailDomainNullMX: a domain that takes no mail is said so, and the
// tab stays where it was.
func TestMailDomainNullMX(t *testing.T) {
	peer := smtppeer.Start(t, nil)
	h, p := mxAssistant(t, peer.Addr, peer.Roots)
	before := h.tab.Session()
	p.domain.SetText("nomail.test")
	p.findMailServers()
	h.waitUntil("the lookup", func() bool { return !p.finding })
	mustHave(t, p.Status.Text, "nomail.test publishes a null MX", "accepts no mail")
	if h.tab.Session() != before {
		t.Fatal("the tab reconnected after a null MX")
	}
	p.domain.SetText("")
	p.findMailServers()
	mustHave(t, p.Status.Text, "Type a mail domain")
}

func TestTerminalText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"short\n", "short\r\n"},
		{"  20 mail.example.test  127.0.0.1\n", "  20 mail.example.test  127.0.0.1\r\n"},
		{strings.Repeat("word ", 15) + "end\n", strings.TrimSuffix(strings.Repeat("word ", 14), " ") + "\r\nword end\r\n"},
		{strings.Repeat("x", 80) + " y", strings.Repeat("x", 80) + "\r\ny\r\n"},
	}
	for _, tc := range tests {
		if got := terminalText(tc.in); got != tc.want {
			t.Errorf("terminalText(%q)\ngot  %q\nwant %q", tc.in, got, tc.want)
		}
	}
}
