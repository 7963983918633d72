package smtp

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestReplyReader(t *testing.T) {
	in := "220 mail.example.test ESMTP\r\n250-mail.example.test\r\n250-SIZE 10240000\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n" +
		"550 5.7.1 <x@y.z>: Relay access denied\r\nnot a reply\r\n354 End data with <CR><LF>.<CR><LF>\r\n"
	want := []string{
		"220 mail.example.test ESMTP",
		"250 mail.example.test SIZE 10240000 AUTH PLAIN LOGIN STARTTLS",
		"550 5.7.1 <x@y.z>: Relay access denied",
		"not a reply",
		"354 End data with <CR><LF>.<CR><LF>",
	}
	for cut := 0; cut <= len(in); cut++ {
		var rr ReplyReader
		got := rr.Feed([]byte(in[:cut]))
		got = append(got, rr.Feed([]byte(in[cut:]))...)
		var s []string
		for _, r := range got {
			s = append(s, r.String())
		}
		if fmt.Sprint(s) != fmt.Sprint(want) {
			t.Fatalf("cut %d: %q", cut, s)
		}
	}
}

func TestExplain(t *testing.T) {
	tests := []struct {
		reply Reply
		want  string
	}{
		{Reply{Code: 550, Enhanced: "5.7.1", Lines: []string{"Relaying denied"}}, "will not accept mail for a domain it does not host from you unless you authenticate"},
		{Reply{Code: 554, Enhanced: "5.7.1", Lines: []string{"<a@b.c>: Relay access denied"}}, "relaying denied"},
		{Reply{Code: 550, Enhanced: "5.1.1", Lines: []string{"User unknown"}}, "5.1.1: the mailbox does not exist"},
		{Reply{Code: 535, Enhanced: "5.7.8", Lines: []string{"Error: authentication failed"}}, "user name or password is wrong"},
		{Reply{Code: 451, Enhanced: "4.7.1", Lines: []string{"Greylisted, try later"}}, "greylisted"},
		{Reply{Code: 354, Lines: []string{"go ahead"}}, "end it with a line holding only a dot"},
		{Reply{Code: 599, Lines: []string{"odd"}}, "a permanent failure"},
	}
	for _, tc := range tests {
		if got := Explain(tc.reply); !strings.Contains(got, tc.want) {
			t.Errorf("%s: %q lacks %q", tc.reply, got, tc.want)
		}
	}
}

func TestParseEHLO(t *testing.T) {
	c := ParseEHLO(Reply{Code: 250, Lines: []string{"mail.example.test", "PIPELINING", "SIZE 10240000", "STARTTLS",
		"AUTH PLAIN LOGIN", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING", "ETRN"}})
	if !c.Pipelining || c.Size != 10240000 || !c.StartTLS || !c.HasAuth("login") || !c.SMTPUTF8 || !c.DSN || !c.Enhanced || !c.Chunking {
		t.Fatalf("%+v", c)
	}
	if s := c.Summary(); !strings.Contains(s, "SIZE 10.2 MB") || !strings.Contains(s, "AUTH PLAIN LOGIN") {
		t.Fatalf("summary %q", s)
	}
}

func TestAuthEncoding(t *testing.T) {
	if got := PlainResponse("moonpoint@example.com", "SomePassword"); got != "AG1vb25wb2ludEBleGFtcGxlLmNvbQBTb21lUGFzc3dvcmQ=" {
		t.Fatalf("AUTH PLAIN %s", got)
	}
	u, p := LoginSteps("user", "pass")
	if u != "dXNlcg==" || p != "cGFzcw==" {
		t.Fatalf("AUTH LOGIN %s %s", u, p)
	}
}

func TestDataLines(t *testing.T) {
	m := Message{From: "a@b.test", To: []string{"c@d.test", "e@f.test"}, Subject: "Hi", Body: "line one\n.starts with a dot\r\n..two dots\rlast\n",
		Date: time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC), ID: "id@x"}
	lines := m.DataLines()
	body := strings.Join(lines, "\r\n")
	for _, want := range []string{
		"Date: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: <id@x>\r\nFrom: a@b.test\r\nTo: c@d.test, e@f.test\r\nSubject: Hi",
		"\r\n\r\nline one\r\n..starts with a dot\r\n...two dots\r\nlast\r\n.",
	} {
		if !strings.Contains(body, want) {
			t.Fatalf("message lacks %q:\n%q", want, body)
		}
	}
}

func TestChecks(t *testing.T) {
	if CheckField("EHLO name", "me\r\nMAIL FROM:<x@y>") == nil {
		t.Fatal("CR LF accepted in a field")
	}
	for _, bad := range []string{"me\x1b[201~", "me\x03", "me\x00", "me\x7f", "me\u009b"} {
		if CheckField("EHLO name", bad) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if err := CheckField("Subject", "tabs\tand ünïcode"); err != nil {
		t.Errorf("a plain field refused: %v", err)
	}
	for _, ok := range []string{"a@b.test", "<a@b.test>"} {
		if err := CheckAddress("From", ok, false); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{"", "no-at-sign", "Name <a@b.test>", "a@b.test\nRCPT TO:<x@y>"} {
		if CheckAddress("To", bad, false) == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	if CheckAddress("From", "<>", true) != nil {
		t.Error("null sender refused")
	}
	if got := LongLines("short\n" + strings.Repeat("x", 999)); fmt.Sprint(got) != "[2]" {
		t.Errorf("long lines %v", got)
	}
	if id := QueueID(Reply{Code: 250, Enhanced: "2.0.0", Lines: []string{"Ok: queued as 4Yb9kQ1Zz3"}}); id != "4Yb9kQ1Zz3" {
		t.Errorf("queue id %q", id)
	}
}

// FuzzReplyReader: any bytes, cut anywhere, give the same replies.
func FuzzReplyReader(f *testing.F) {
	f.Add([]byte("250-a\r\n250 b\r\n550 5.1.1 no\r\n"), uint16(5))
	f.Fuzz(func(t *testing.T, in []byte, cut uint16) {
		c := int(cut) % (len(in) + 1)
		var a, b ReplyReader
		whole := fmt.Sprint(a.Feed(in))
		parts := b.Feed(in[:c])
		parts = append(parts, b.Feed(in[c:])...)
		if fmt.Sprint(parts) != whole && len(in) <= 8192 { // exchange.Lines' default bound
			t.Fatalf("cut %d differs", c)
		}
	})
}

func TestEndlessMultilineReplyIsBounded(t *testing.T) {
	var rr ReplyReader
	for i := 0; i < 5000; i++ {
		rr.Feed([]byte("250-more and more\r\n"))
	}
	got := rr.Feed([]byte("250 end\r\n"))
	if len(got) != 1 || len(got[0].Lines) != maxLines || got[0].More != 4001 {
		t.Fatalf("%d replies, %d lines, %d more", len(got), len(got[0].Lines), got[0].More)
	}
}

// TestLargeGreetingIsKeptToMaxBytes: 0.8 MB in 100 lines of 8 KiB keeps
// 256 KiB and counts the rest (issue 24 item 4: up to 8 MB were kept).
func TestLargeGreetingIsKeptToMaxBytes(t *testing.T) {
	var rr ReplyReader
	line := strings.Repeat("g", 8000)
	var got []Reply
	for i := 0; i < 100; i++ {
		sep := "-"
		if i == 99 {
			sep = " "
		}
		got = append(got, rr.Feed([]byte("220"+sep+line+"\r\n"))...)
	}
	if len(got) != 1 || len(got[0].Lines) != maxBytes/8000 || got[0].More != 100-maxBytes/8000 {
		t.Fatalf("%d replies, %d lines, %d more", len(got), len(got[0].Lines), got[0].More)
	}
}
