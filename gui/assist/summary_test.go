package assist

import (
	"net"
	"strings"
	"testing"
	"time"
)

// TestTicketSaysWhereWhenAndWho: the summary a person copies for a
// ticket starts with the server (host:port and whether TLS was used),
// the time of the test and the user it tried; never the password.
func TestTicketSaysWhereWhenAndWho(t *testing.T) {
	peer, h, _, p := newAssistant(t)
	fillTest(p)
	p.user.SetText("testuser@example.test")
	p.password.SetText("testpass-77")
	before := time.Now()
	p.RunTest()
	h.waitUntil("the summary", func() bool { return p.Result.Text != "" })
	_, port, _ := net.SplitHostPort(peer.Addr)
	Head, _, _ := strings.Cut(p.Result.Text, "\n\n")
	for _, want := range []string{"SMTP test of 127.0.0.1:" + port + " (switched to TLS)", "Time: " + before.Format("2006-01-02 "), " UTC)", "User tried: testuser@example.test"} {
		if !strings.Contains(Head, want) {
			t.Errorf("the ticket's head lacks %q:\n%s", want, Head)
		}
	}
	if strings.Contains(p.Result.Text, "testpass-77") {
		t.Fatalf("the ticket holds the password:\n%s", p.Result.Text)
	}
}
