package assist

import (
	"reflect"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/protocol/web"
)

var headerTests = []struct {
	name, text string
	want       []web.Header
	err        string
}{
	{"empty", "", nil, ""},
	{"two", "User-Agent: Tern\nAccept: */*", []web.Header{{Name: "User-Agent", Value: "Tern"}, {Name: "Accept", Value: "*/*"}}, ""},
	{"CR LF and blank lines", "A: 1\r\n\r\n  \nB:2\r\n", []web.Header{{Name: "A", Value: "1"}, {Name: "B", Value: "2"}}, ""},
	{"colon in value", "Referer: http://example.com/", []web.Header{{Name: "Referer", Value: "http://example.com/"}}, ""},
	{"empty value", "X-Empty:", []web.Header{{Name: "X-Empty", Value: ""}}, ""},
	{"no colon", "A: 1\nX-Test value", nil, "header line 2 has no colon"},
}

func TestHeaderLines(t *testing.T) {
	for _, tc := range headerTests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := headerLines(tc.text)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

// FuzzHeaderLines: whatever is typed, the headers read back never hold a
// line break, and a request built from them either refuses them or is
// one field per line.
func FuzzHeaderLines(f *testing.F) {
	for _, tc := range headerTests {
		f.Add(tc.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		hs, err := headerLines(text)
		if err != nil {
			return
		}
		for _, h := range hs {
			if strings.ContainsAny(h.Name+h.Value, "\n") {
				t.Fatalf("line break in %q", h)
			}
		}
		lines, err := web.Request{Host: "example.com", Headers: hs}.Lines()
		if err == nil && len(lines) != len(hs)+3 {
			t.Fatalf("%d lines for %d headers: %q", len(lines), len(hs), lines)
		}
	})
}
