package imap

import (
	"reflect"
	"strings"
	"testing"
)

func resp(tag, status, code, args, text string) Response {
	return Response{Tag: tag, Status: status, Code: code, CodeArgs: args, Text: text, Num: -1}
}

func data(num int64, kind, text string, lits ...string) Response {
	r := Response{Tag: "*", Num: num, Kind: kind, Text: text}
	for _, l := range lits {
		r.Literals = append(r.Literals, []byte(l))
	}
	return r
}

var responseTests = []struct {
	name string
	in   string
	want []Response
}{
	{name: "greeting with capabilities (RFC 9051 §7.1.1)", in: "* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] Dovecot ready.\r\n",
		want: []Response{resp("*", "OK", "CAPABILITY", "IMAP4rev1 STARTTLS LOGINDISABLED", "Dovecot ready.")}},
	{name: "tagged NO with RFC 5530 code", in: "A003 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n",
		want: []Response{resp("A003", "NO", "AUTHENTICATIONFAILED", "", "Authentication failed.")}},
	{name: "tagged BAD without code", in: "A004 BAD Error in IMAP command: Unknown command.\r\n",
		want: []Response{resp("A004", "BAD", "", "", "Error in IMAP command: Unknown command.")}},
	{name: "continuation (RFC 9051 §7.5)", in: "+ \r\n+ Ready for literal data\r\n",
		want: []Response{{Tag: "+", Num: -1}, {Tag: "+", Text: "Ready for literal data", Num: -1}}},
	{name: "numbered data (RFC 9051 §7.4.1)", in: "* 12 EXISTS\r\n* 0 RECENT\r\n",
		want: []Response{data(12, "EXISTS", ""), data(0, "RECENT", "")}},
	{name: "STATUS (RFC 9051 §7.2.4)", in: "* STATUS INBOX (MESSAGES 4 UNSEEN 2)\r\n",
		want: []Response{data(-1, "STATUS", "INBOX (MESSAGES 4 UNSEEN 2)")}},
	{name: "literal across lines (RFC 9051 §4.3)", in: "* LIST () \"/\" {8}\r\nwe\r\nird!\r\n* 1 EXISTS\r\n",
		want: []Response{data(-1, "LIST", "() \"/\" {8}", "we\r\nird!"), data(1, "EXISTS", "")}},
	{name: "literal then more text", in: "* 1 FETCH (BODY[] {5}\r\nhello FLAGS (\\Seen))\r\n",
		want: []Response{data(1, "FETCH", "(BODY[] {5} FLAGS (\\Seen))", "hello")}},
	{name: "empty literal", in: "* LIST () NIL {0}\r\n\r\n",
		want: []Response{data(-1, "LIST", "() NIL {0}", "")}},
	{name: "BYE", in: "* BYE Logging out\r\nA009 OK Logout completed.\r\n",
		want: []Response{resp("*", "BYE", "", "", "Logging out"), resp("A009", "OK", "", "", "Logout completed.")}},
	{name: "code with parentheses", in: "* OK [PERMANENTFLAGS (\\Deleted \\Seen \\*)] Flags permitted.\r\n",
		want: []Response{resp("*", "OK", "PERMANENTFLAGS", "(\\Deleted \\Seen \\*)", "Flags permitted.")}},
	{name: "tagged OK with code, lower case", in: "a1 ok [read-only] Examine completed\n",
		want: []Response{resp("a1", "OK", "READ-ONLY", "", "Examine completed")}},
	{name: "not a response", in: "hello\r\n\r\n(x)\r\n",
		want: []Response{{Text: "hello", Num: -1}, {Text: "(x)", Num: -1}}},
	// edge cases (none found by fuzzing so far)
	{name: "a number is not a status", in: "* 3 OK\r\n", want: []Response{data(3, "OK", "")}},
	{name: "brace that is not a literal", in: "* OK {x}\r\n", want: []Response{resp("*", "OK", "", "", "{x}")}},
}

// TestResponseReader feeds each case whole and cut at every byte.
func TestResponseReader(t *testing.T) {
	for _, tt := range responseTests {
		for cut := 0; cut <= len(tt.in); cut++ {
			var rr ResponseReader
			got := append(rr.Feed([]byte(tt.in[:cut])), rr.Feed([]byte(tt.in[cut:]))...)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("%s, cut at %d:\n got %#v\nwant %#v", tt.name, cut, got, tt.want)
			}
		}
	}
}

func TestHostileLiteralIsBounded(t *testing.T) {
	var rr ResponseReader
	rr.Feed([]byte("* 1 FETCH (BODY[] {10000000}\r\n"))
	chunk := []byte(strings.Repeat("x", 1<<16))
	for i := 0; i < 10000000/len(chunk); i++ {
		if got := rr.Feed(chunk); len(got) != 0 {
			t.Fatal("a response inside the literal")
		}
	}
	got := rr.Feed(append(chunk[:10000000%len(chunk)], ")\r\n"...))
	if len(got) != 1 || !got[0].Truncated || len(got[0].Literals[0]) != maxLiteral || got[0].Kind != "FETCH" {
		t.Fatalf("%d responses", len(got))
	}
	for i := 0; i < 100; i++ { // endless line
		rr.Feed(chunk)
	}
	if len(rr.partial) > maxLine || len(rr.text) > maxResponse {
		t.Fatalf("holding %d + %d bytes", len(rr.partial), len(rr.text))
	}
}

func FuzzResponseReader(f *testing.F) {
	for _, tt := range responseTests {
		f.Add([]byte(tt.in), uint8(3))
	}
	f.Fuzz(func(t *testing.T, in []byte, chunk uint8) {
		var rr ResponseReader
		n := int(chunk) + 1
		for len(in) > 0 {
			k := min(n, len(in))
			for _, r := range rr.Feed(in[:k]) {
				size := len(r.Text)
				for _, l := range r.Literals {
					size += len(l)
				}
				if size > maxResponse+len(r.Literals) {
					t.Fatalf("%d bytes kept", size)
				}
				_ = Explain(r)
				_ = parseList(r)
				_, _ = capabilitiesIn(r)
			}
			if len(rr.partial) > maxLine {
				t.Fatalf("partial line of %d bytes", len(rr.partial))
			}
			in = in[k:]
		}
	})
}

func TestStartTLSReady(t *testing.T) {
	ready := StartTLSReady("A002")
	for _, c := range []struct {
		in   string
		want bool
	}{
		{"A001 OK done\r\n", false},
		{"A002 OK Begin TLS", false}, // not a whole line yet
		{"* OK still\r\nA002 OK Begin TLS negotiation now.\r\n", true},
	} {
		if got := ready([]byte(c.in)); got != c.want {
			t.Errorf("%q: %v", c.in, got)
		}
	}
	refused := StartTLSReady("A002")
	if refused([]byte("A002 NO not now\r\n")) || refused([]byte("A002 OK\r\n")) {
		t.Fatal("a refused STARTTLS must never start TLS")
	}
}

func TestCapabilities(t *testing.T) {
	c := ParseCapabilities("IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN auth=login LOGINDISABLED")
	if !c.IMAP4rev1 || !c.SASLIR || !c.StartTLS || !c.LoginDisabled || !c.HasAuth("plain") || !c.HasAuth("LOGIN") || c.HasAuth("XOAUTH2") {
		t.Fatalf("%+v", c)
	}
	if got, want := c.Summary(), "IMAP4rev1 · STARTTLS · LOGINDISABLED · SASL-IR · AUTH PLAIN LOGIN"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

func TestExplain(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"A1 NO [AUTHENTICATIONFAILED] Authentication failed.", "password is wrong"},
		{"A1 NO [UNAVAILABLE] backend down", "temporary problem"},
		{"A1 NO [PRIVACYREQUIRED] no", "without encryption"},
		{"A1 BAD Error in IMAP command", "did not take the command (a syntax error, or not allowed now): BAD Error in IMAP command"},
		{"A1 NO Login failed: LOGINDISABLED", "unencrypted connection"},
		{"* 3 EXISTS", "data: how many messages the mailbox holds"},
		{"* XYZZY 1", "data: xyzzy"},
		{"+ ", "waits"},
		{"* OK [UNSEEN 3] First unseen.", "the server tells something: its greeting, or a detail before a command completes; [UNSEEN]"},
		{"A7 OK [READ-ONLY] Examine completed.", "done: the server accepted the command; [READ-ONLY]"},
	} {
		if got := Explain(Parse(c.in)); !strings.Contains(got, c.want) {
			t.Errorf("%q: %q lacks %q", c.in, got, c.want)
		}
	}
}

func TestQuoteAndList(t *testing.T) {
	for in, want := range map[string]string{"INBOX": "INBOX", "*": `"*"`, "": `""`, `a "b"\c`: `"a \"b\"\\c"`, "pass word": `"pass word"`} {
		if got := quote(in); got != want {
			t.Errorf("quote(%q) = %s, want %s", in, got, want)
		}
	}
	m := parseList(Parse(`* LIST (\HasNoChildren \Sent) "." "Sent \"Items\""`))
	if m.Name != `Sent "Items"` || m.Delimiter != "." || len(m.Attributes) != 2 {
		t.Fatalf("%+v", m)
	}
}
