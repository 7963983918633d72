package smtp

import (
	"bytes"
	"testing"
)

// gateCases are reads after STARTTLS and whether each, in order, starts
// the handshake.
var gateCases = []struct {
	name  string
	reads []string
	want  []bool
}{
	{"go-ahead", []string{"220 2.0.0 Ready to start TLS\r\n"}, []bool{true}},
	{"bare 220", []string{"220\r\n"}, []bool{true}},
	{"go-ahead in two reads", []string{"22", "0 go\r\n"}, []bool{false, true}},
	{"refused, then a 220", []string{"454 4.7.0 TLS not available\r\n", "220 go\r\n"}, []bool{false, false}},
	{"refused and a 220 in one read", []string{"454 no\r\n220 go\r\n"}, []bool{false}},
	{"a continuation line is not the answer", []string{"220-wait\r\n", "220 go\r\n"}, []bool{false, true}},
	{"a partial line is not the answer", []string{"220 go"}, []bool{false}},
	{"not a reply", []string{"hello\r\n", "220 go\r\n"}, []bool{false, true}},
}

func TestStartTLSGate(t *testing.T) {
	for _, tc := range gateCases {
		gate := startTLSGate()
		for i, r := range tc.reads {
			if got := gate([]byte(r)); got != tc.want[i] {
				t.Errorf("%s: read %d %q: %v, want %v", tc.name, i, r, got, tc.want[i])
			}
		}
	}
}

// FuzzStartTLSGate: any reads, split anywhere, never panic, and once a
// complete non-220 reply was seen, nothing starts the handshake.
func FuzzStartTLSGate(f *testing.F) {
	for _, tc := range gateCases {
		f.Add([]byte(string(bytes.Join(func() [][]byte {
			var b [][]byte
			for _, r := range tc.reads {
				b = append(b, []byte(r))
			}
			return b
		}(), []byte{0}))))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		gate := startTLSGate()
		var seen []byte // everything read so far, as the gate sees it whole
		refused := false
		for _, read := range bytes.Split(data, []byte{0}) {
			got := gate(read)
			if got && refused {
				t.Fatalf("a handshake after a refusal: %q", data)
			}
			if got {
				return
			}
			seen = append(seen, read...)
			refused = refused || completeRefusal(seen)
		}
	})
}

// completeRefusal reports whether the first complete final reply line in
// seen is not 220.
func completeRefusal(seen []byte) bool {
	for _, line := range bytes.SplitAfter(seen, []byte("\n")) {
		if !bytes.HasSuffix(line, []byte("\n")) || len(line) > 1024 {
			return false
		}
		code, more, _, ok := splitLine(string(bytes.TrimRight(line, "\r\n")))
		if ok && !more {
			return code != 220
		}
	}
	return false
}
