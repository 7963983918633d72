package telnet

import (
	"bytes"
	"fmt"
	"testing"
)

var charsetRequestCases = []struct {
	name    string
	payload string
	names   string
	ok      bool
}{
	{"RFC 2066 3: a list with ; as separator", "\x01;UTF-8;ISO-8859-1", "[UTF-8 ISO-8859-1]", true},
	{"any separator byte", "\x01 UTF-8 US-ASCII", "[UTF-8 US-ASCII]", true},
	{"[TTABLE] and its version skipped", "\x01[TTABLE]\x01;UTF-8", "[UTF-8]", true},
	{"empty list", "\x01", "[]", true},
	{"not a REQUEST", "\x02UTF-8", "[]", false},
	{"empty payload", "", "[]", false},
}

func TestParseCharsetRequest(t *testing.T) {
	for _, c := range charsetRequestCases {
		t.Run(c.name, func(t *testing.T) {
			names, _, ok := ParseCharsetRequest([]byte(c.payload))
			if got := fmt.Sprint(names); got != c.names || ok != c.ok {
				t.Fatalf("got %s %v, want %s %v", got, ok, c.names, c.ok)
			}
		})
	}
}

func FuzzParseCharsetRequest(f *testing.F) {
	for _, c := range charsetRequestCases {
		f.Add([]byte(c.payload))
	}
	f.Fuzz(func(t *testing.T, p []byte) {
		names, list, ok := ParseCharsetRequest(p)
		if !ok && (names != nil || list != nil) || len(list) > len(p) {
			t.Fatalf("%q: %q %q %v", p, names, list, ok)
		}
	})
}

// TestChooseEnviron: RFC 1572 SEND with no names asks for everything;
// named variables are answered only when offered; nothing else leaks.
func TestChooseEnviron(t *testing.T) {
	offered := map[string]string{"USER": "ann", "LANG": "C"}
	all := ChooseEnviron(offered, nil)
	if got := DescribeEnviron(all); got != "LANG=C USER=ann" || all[0].User != true || all[1].User != false {
		t.Fatalf("all: %q %+v", got, all)
	}
	asked := ChooseEnviron(offered, []byte{EnvVar, 'U', 'S', 'E', 'R', EnvVar, 'H', 'O', 'M', 'E'})
	if got := DescribeEnviron(asked); got != "USER=ann" {
		t.Fatalf("asked: %q", got)
	}
}

// TestStatusIS: RFC 859's IS list names each enabled option on its side.
func TestStatusIS(t *testing.T) {
	n := NewNegotiator(nil, func(byte, byte) {}, func(Side, byte, bool) {})
	n.SetState(Local, OptTTYPE, Yes)
	n.SetState(Remote, OptEcho, Yes)
	p := n.StatusIS()
	if want := []byte{SubIS, DO, OptEcho, WILL, OptTTYPE}; !bytes.Equal(p, want) {
		t.Fatalf("got %x, want %x", p, want)
	}
	if got := DescribeStatus(p[1:]); got != "DO ECHO, WILL TTYPE" {
		t.Fatalf("got %q", got)
	}
}
