//go:build e2e

package e2e

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/dnspeer"
	"github.com/tern-telnet/tern/internal/smtppeer"
)

// TestHTTPAssistantLighttpd: the HTTP (80) template opens with the HTTP
// assistant beside the terminal; a GET /old built in it is sent to the
// real lighttpd, and the summary (copied from its dialog) explains the
// redirect to /new.html.
func TestHTTPAssistantLighttpd(t *testing.T) {
	addr := peer(t, "TERN_PEER_HTTP")
	host, port, _ := net.SplitHostPort(addr)
	a := Launch(t, "-load", "HTTP (80)", host, port)
	time.Sleep(time.Second)
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "20-http-assistant-open.png"))
	a.Click(960, 226) // Path, right of the method
	a.Key("ctrl+a")
	a.Type("/old")
	a.Key("ctrl+shift+Return")
	time.Sleep(3 * time.Second)
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "21-http-redirect-summary.png"))
	a.resize("1100", "680")
	a.Click(486, 532) // Copy, below the summary in the 1100x680 window
	var clip string
	Eventually(t, "the summary on the clipboard", func() bool {
		out, _ := exec.Command("xclip", "-o", "-selection", "clipboard").Output()
		clip = string(out)
		return strings.Contains(clip, "> GET /old HTTP/1.1")
	})
	for _, want := range []string{"> Host: " + addr, "< HTTP/1.1 301 Moved Permanently", "Status 301 Moved Permanently: a permanent redirect to http://" + addr + "/new.html"} {
		if !strings.Contains(clip, want) {
			t.Errorf("the summary lacks %q:\n%s", want, clip)
		}
	}
	a.Click(617, 532) // Close
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "22-http-redirect-explained.png"))
}

// TestMailDomainCommandLine: tern -mx example.test, with a test DNS
// server (TERN_DNS) whose first exchanger refuses: the lookup's words
// are printed first, then the window's tab is connected to the second
// exchanger, the in-process SMTP peer, whose banner reaches the session
// log.
func TestMailDomainCommandLine(t *testing.T) {
	peer := smtppeer.Start(t, nil)
	_, port, _ := net.SplitHostPort(peer.Addr)
	dns := dnspeer.Start(t, dnspeer.Zone{
		MX:   map[string][]dnspeer.MX{"example.test": {{Pref: 10, Host: "mx1.example.test"}, {Pref: 20, Host: "mail.example.test"}}},
		Addr: map[string][]string{"mx1.example.test": {"127.0.0.2"}, "mail.example.test": {"127.0.0.1"}},
	})
	log := filepath.Join(t.TempDir(), "session.log")
	a := LaunchWith(t, []string{"TERN_DNS=" + dns.Addr()}, "-sessionlog", log, "-mx", "example.test", port)
	why := "Connected to mail.example.test (preference 20) at 127.0.0.1 port " + port + "; before it, mx1.example.test (preference 10) at 127.0.0.2: refused"
	Eventually(t, "the lookup's words on the console", func() bool { return strings.Contains(a.Output(), why) })
	if !strings.Contains(a.Output(), "Mail exchangers of example.test, in the order senders try them:") {
		t.Errorf("console:\n%s", a.Output())
	}
	Eventually(t, "the exchanger's banner in the session log", func() bool {
		b, _ := os.ReadFile(log)
		return strings.Contains(string(b), "220 mail.example.test")
	})
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "23-mx-command-line.png"))
}

// TestMailDomainRunTestPostfix: tern -load "Mail domain test" -mx
// example.test 2525 connects to the real Postfix as example.test's second
// exchanger; Run test's summary, copied from its dialog, answers the
// domain question naming that exchanger.
func TestMailDomainRunTestPostfix(t *testing.T) {
	addr := peer(t, "TERN_PEER_POSTFIX")
	_, port, _ := net.SplitHostPort(addr)
	dns := dnspeer.Start(t, dnspeer.Zone{
		MX:   map[string][]dnspeer.MX{"example.test": {{Pref: 10, Host: "mx1.example.test"}, {Pref: 20, Host: "mail.example.test"}}},
		Addr: map[string][]string{"mx1.example.test": {"127.0.0.2"}, "mail.example.test": {"127.0.0.1"}},
		PTR:  map[string][]string{"127.0.0.1": {"mail.example.test"}},
	})
	env, _ := writeProfiles(t, map[string]any{"name": "Mail domain test", "port": "25", "negotiation": "passive", "tls": "starttls",
		"localEcho": "on", "localEdit": "on", "closeOnExit": "never",
		"smtp": map[string]any{"ehlo": "e2e.example.org", "from": "helpdesk@example.org", "to": []string{"testuser@example.test"}, "openOnConnect": true}})
	env = append(env, "TERN_DNS="+dns.Addr(), "SSL_CERT_FILE=/etc/postfix/peer-tls/cert.pem")
	a := LaunchWith(t, env, "-load", "Mail domain test", "-mx", "example.test", port)
	Eventually(t, "the lookup's words on the console", func() bool { return strings.Contains(a.Output(), "Connected to mail.example.test (preference 20)") })
	time.Sleep(2 * time.Second) // the banner
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "24-mx-connected.png"))
	a.Key("ctrl+shift+Return")
	time.Sleep(5 * time.Second) // the -race binary draws the conversation and the summary
	a.resize("1100", "680")
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "25-mx-run-test-summary.png"))
	a.Click(486, 532) // Copy
	var clip string
	Eventually(t, "the summary on the clipboard", func() bool {
		out, _ := exec.Command("xclip", "-o", "-selection", "clipboard").Output()
		clip = string(out)
		return strings.Contains(clip, "Mail domain example.test:")
	})
	for _, want := range []string{
		"Exchanger: mail.example.test (preference 20) at 127.0.0.1 answered on port " + port + "; mx1.example.test (preference 10) at 127.0.0.2: refused",
		"Recipient: mail.example.test accepted testuser@example.test.",
		"STARTTLS: mail.example.test offers it",
		"Certificate: valid for the MX name mail.example.test",
		"Reverse DNS: 127.0.0.1",
	} {
		if !strings.Contains(clip, want) {
			t.Errorf("the summary lacks %q:\n%s", want, clip)
		}
	}
}

// TestMailDomainNullMXCommandLine: tern -mx for a domain with a null MX
// says it takes no mail, on the console and in the tab, and the window
// stays up with nothing connected.
func TestMailDomainNullMXCommandLine(t *testing.T) {
	dns := dnspeer.Start(t, dnspeer.Zone{MX: map[string][]dnspeer.MX{"nomail.test": {{Pref: 0, Host: "."}}}})
	a := LaunchWith(t, []string{"TERN_DNS=" + dns.Addr()}, "-mx", "nomail.test")
	Eventually(t, "the null MX explained on the console", func() bool {
		return strings.Contains(a.Output(), "nomail.test publishes a null MX (\"0 .\", RFC 7505): it accepts no mail at all")
	})
	a.ScreenshotWindow(filepath.Join(ShotDir(t), "26-mx-null.png"))
	a.AssertAlive()
}
