package pop3

import (
	"reflect"
	"strings"
	"testing"
)

var replyTests = []struct {
	name  string
	multi bool
	in    string
	want  []Reply
}{
	{name: "greeting (RFC 1939 §4)", in: "+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n",
		want: []Reply{{Status: OK, Text: "POP3 server ready <1896.697170952@dbc.mtview.ca.us>"}}},
	{name: "bare +OK", in: "+OK\r\n", want: []Reply{{Status: OK}}},
	{name: "-ERR with code (RFC 2449 §8)", in: "-ERR [IN-USE] Do you have another POP session running?\r\n",
		want: []Reply{{Status: Err, Code: "IN-USE", Text: "Do you have another POP session running?"}}},
	{name: "[AUTH] (RFC 3206)", in: "-ERR [AUTH] Authentication failed.\r\n",
		want: []Reply{{Status: Err, Code: "AUTH", Text: "Authentication failed."}}},
	{name: "hierarchical code", in: "-ERR [SYS/TEMP] try later\n",
		want: []Reply{{Status: Err, Code: "SYS/TEMP", Text: "try later"}}},
	{name: "multi-line with dot-unstuffing (RFC 1939 §3)", multi: true,
		in:   "+OK 2 messages\r\n1 120\r\n..hidden\r\n.\r\n",
		want: []Reply{{Status: OK, Text: "2 messages", Lines: []string{"1 120", ".hidden"}}}},
	{name: "empty multi-line", multi: true, in: "+OK\r\n.\r\n", want: []Reply{{Status: OK, Lines: []string{}}}},
	{name: "-ERR to a multi-line command is one line", multi: true,
		in: "-ERR no such message\r\n+OK next\r\n", want: []Reply{{Status: Err, Text: "no such message"}, {Status: OK, Text: "next"}}},
	{name: "CAPA (RFC 2449 §5)", multi: true, in: "+OK\r\nCAPA\r\nTOP\r\nSASL PLAIN\r\nSTLS\r\n.\r\n",
		want: []Reply{{Status: OK, Lines: []string{"CAPA", "TOP", "SASL PLAIN", "STLS"}}}},
	{name: "SASL continuation (RFC 5034 §4)", in: "+ \r\n+ dGVzdA==\r\n",
		want: []Reply{{Status: Continue}, {Status: Continue, Text: "dGVzdA=="}}},
	{name: "not a response", in: "hello\r\n\r\n", want: []Reply{{Text: "hello"}}},
	{name: "lower case status", in: "+ok fine\r\n", want: []Reply{{Status: OK, Text: "fine"}}},
	// edge cases (none found by fuzzing so far)
	{name: "+OKAY is not +OK", in: "+OKAY\r\n", want: []Reply{{Text: "+OKAY"}}},
	{name: "unclosed bracket", in: "-ERR [AUTH\r\n", want: []Reply{{Status: Err, Text: "[AUTH"}}},
}

// TestReplyReader feeds each case whole and cut at every byte.
func TestReplyReader(t *testing.T) {
	for _, tt := range replyTests {
		for cut := 0; cut <= len(tt.in); cut++ {
			var rr ReplyReader
			rr.Expect(tt.multi)
			got := append(rr.Feed([]byte(tt.in[:cut])), rr.Feed([]byte(tt.in[cut:]))...)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("%s, cut at %d: got %#v, want %#v", tt.name, cut, got, tt.want)
			}
		}
	}
}

func TestHostileServerIsBounded(t *testing.T) {
	var rr ReplyReader
	rr.Expect(true)
	rr.Feed([]byte("+OK here it comes\r\n"))
	for i := 0; i < 3*maxLines; i++ {
		rr.Feed([]byte("x\r\n"))
	}
	rr.Feed([]byte(strings.Repeat("y", 10*maxLine)))
	got := rr.Feed([]byte("\r\n.\r\n"))
	if len(got) != 1 || len(got[0].Lines) != maxLines || got[0].More <= 2*maxLines || rr.lines.Pending() != 0 {
		t.Fatalf("got %d replies, %d lines, %d more", len(got), len(got[0].Lines), got[0].More)
	}
}

// TestResponseKeepsAMegabyte: long lines are kept up to maxBytes, the rest
// counted (issue 24 item 4: before, 10,000 lines of 8 KiB, 80 MB, were kept).
func TestResponseKeepsAMegabyte(t *testing.T) {
	var rr ReplyReader
	rr.Expect(true)
	rr.Feed([]byte("+OK\r\n"))
	line := []byte(strings.Repeat("z", 8000) + "\r\n")
	for i := 0; i < 10000; i++ {
		rr.Feed(line)
	}
	got := rr.Feed([]byte(".\r\n"))
	kept := 0
	for _, l := range got[0].Lines {
		kept += len(l)
	}
	if kept > maxBytes || len(got[0].Lines)+got[0].More != 10000 || got[0].More == 0 {
		t.Fatalf("kept %d bytes in %d lines, %d more", kept, len(got[0].Lines), got[0].More)
	}
	if s := got[0].String(); !strings.Contains(s, "10000 lines") {
		t.Fatalf("%s", s)
	}
}

func TestEndBody(t *testing.T) {
	var rr ReplyReader
	if _, ok := rr.EndBody(); ok {
		t.Fatal("nothing was open")
	}
	rr.Expect(true)
	rr.Feed([]byte("+OK\r\n1 100\r\n"))
	r, ok := rr.EndBody()
	if !ok || !r.Unterminated || len(r.Lines) != 1 {
		t.Fatalf("%+v %v", r, ok)
	}
	if got := rr.Feed([]byte("+OK 1 100\r\n")); len(got) != 1 || got[0].Text != "1 100" {
		t.Fatalf("%+v", got)
	}
}

func FuzzReplyReader(f *testing.F) {
	for _, tt := range replyTests {
		f.Add([]byte(tt.in), tt.multi, uint8(3))
	}
	f.Fuzz(func(t *testing.T, in []byte, multi bool, chunk uint8) {
		var rr ReplyReader
		rr.Expect(multi)
		n := int(chunk) + 1
		for len(in) > 0 {
			k := min(n, len(in))
			for _, r := range rr.Feed(in[:k]) {
				if len(r.Lines) > maxLines || len(strings.Join(r.Lines, "")) > maxBytes {
					t.Fatalf("%d lines kept", len(r.Lines))
				}
				_ = Explain(r)
				_ = ParseCAPA(r)
			}
			if rr.lines.Pending() > maxLine {
				t.Fatalf("partial line of %d bytes", rr.lines.Pending())
			}
			in = in[k:]
		}
	})
}

func TestStartTLSReady(t *testing.T) {
	for in, want := range map[string]bool{
		"+OK Begin TLS negotiation now.\r\n": true,
		"+OK Begin":                          false, // the line is not complete
		"-ERR not now\r\n":                   false,
		"* OK\r\n":                           false,
	} {
		if got := StartTLSReady([]byte(in)); got != want {
			t.Errorf("%q: %v", in, got)
		}
	}
}

func TestParseCAPA(t *testing.T) {
	r := Reply{Status: OK, Lines: []string{"CAPA", "TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "STLS", "USER", "SASL PLAIN LOGIN", "IMPLEMENTATION Dovecot"}}
	c := ParseCAPA(r)
	if !c.Read || !c.STLS || !c.User || !c.Top || !c.UIDL || !c.RespCodes || !c.AuthRespCode || !c.HasSASL("plain") || c.HasSASL("CRAM-MD5") || c.Implementation != "Dovecot" {
		t.Fatalf("%+v", c)
	}
	if got, want := c.Summary(), "STLS · USER · TOP · UIDL · RESP-CODES · SASL PLAIN LOGIN"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestExplain(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want string
	}{
		{"-ERR [AUTH] Authentication failed.", "the user name or password is wrong"},
		{"-ERR [IN-USE] locked", "another session"},
		{"-ERR [SYS/TEMP] later", "temporary problem"},
		{"-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.", "refuses passwords on an unencrypted connection: send STLS first"},
		{"+OK Logged in.", "accepted"},
		{"+OK Begin TLS negotiation now.", "accepted"},
		{"+OK Dovecot (Debian) ready.", "the server is ready"},
		{"+OK The Microsoft Exchange POP3 service is ready.", "the server is ready"},
		{"+OK <1896.697170952@dbc.mtview.ca.us>", "the server is ready"}, // RFC 1939's APOP example
		{"+ ", "next authentication step"},
	} {
		if got := Explain(ParseStatus(tt.in)); !strings.Contains(got, tt.want) {
			t.Errorf("%q: %q lacks %q", tt.in, got, tt.want)
		}
	}
}
