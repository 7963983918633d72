package telnet

import (
	"bytes"
	"fmt"
	"testing"
)

// Rules beyond the shared vectors, each with its RFC.
func TestDecoderRules(t *testing.T) {
	tests := []struct {
		name   string
		binary bool
		in     string
		data   string
		events string
	}{
		{"RFC854 CR NUL is CR", false, "a\r\x00b", "a\rb", "[]"},
		{"RFC854 CR LF kept", false, "a\r\nb", "a\r\nb", "[]"},
		{"RFC854 bare CR kept (busybox)", false, "\r\rText", "\r\rText", "[]"},
		{"RFC856 binary keeps CR NUL", true, "a\r\x00b", "a\r\x00b", "[]"},
		{"RFC854 IAC IAC between CR and NUL", false, "\r\xff\xff\x00", "\r\xff\x00", "[]"},
		{"RFC855 SB with IAC IAC", false, "\xff\xfa\x18\x00a\xff\xffb\xff\xf0", "", "[SB 24 0061ff62]"},
		{"RFC855 SB ended by a command", false, "\xff\xfa\x18\x00a\xff\xf1x", "x", "[SB 24 0061 CMD NOP]"},
		{"unknown command is reported", false, "\xff\x05z", "z", "[CMD 5]"},
		{"RFC1184 EOF SUSP ABORT", false, "\xff\xec\xff\xed\xff\xee", "", "[CMD xEOF CMD SUSP CMD ABORT]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for cut := 0; cut <= len(tc.in); cut++ {
				d := &Decoder{Binary: tc.binary}
				rec := &eventRecorder{}
				data := d.Decode(nil, []byte(tc.in[:cut]), rec)
				data = d.Decode(data, []byte(tc.in[cut:]), rec)
				if string(data) != tc.data || fmt.Sprint(rec.events) != tc.events {
					t.Fatalf("cut %d: got %q %v, want %q %s", cut, data, rec.events, tc.data, tc.events)
				}
			}
		})
	}
}

func TestLongSubnegotiationIsDropped(t *testing.T) {
	in := append([]byte{IAC, SB, 24}, bytes.Repeat([]byte{'x'}, 100)...)
	in = append(in, IAC, SE, 'k')
	d := &Decoder{MaxSubnegotiation: 10}
	rec := &eventRecorder{}
	data := d.Decode(nil, in, rec)
	if string(data) != "k" || fmt.Sprint(rec.events) != "[DROPPED 24 100]" {
		t.Fatalf("got %q %v", data, rec.events)
	}
}

func TestEncoders(t *testing.T) {
	tests := []struct{ name, got, want string }{
		{"RFC854 NVT CR", string(AppendNVT(nil, []byte("a\rb\r\nc\r"))), "a\r\x00b\r\nc\r\x00"},
		{"RFC854 NVT IAC", string(AppendNVT(nil, []byte{'a', 0xff})), "a\xff\xff"},
		{"RFC1073 NAWS 255 escaped", string(AppendSubnegotiation(nil, OptNAWS, NAWSPayload(255, 24))), "\xff\xfa\x1f\x00\xff\xff\x00\x18\xff\xf0"},
		{"RFC1091 TTYPE IS", string(AppendSubnegotiation(nil, OptTTYPE, TTYPEPayload("XTERM"))), "\xff\xfa\x18\x00XTERM\xff\xf0"},
		{"RFC1572 escaping", string(NewEnvironPayload(SubIS, []EnvVariable{{Name: "A\x01B", Value: "v\x02"}})), "\x00\x00A\x02\x01B\x01v\x02\x02"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, tc.got, tc.want)
		}
	}
}

func TestParseEnvironSend(t *testing.T) {
	names, all := ParseEnvironSend([]byte{EnvVar, 'U', 'S', 'E', 'R', EnvUserVar, 'X', EnvEsc, 0x01})
	if all || len(names) != 2 || names[0].Name != "USER" || names[1].Name != "X\x01" || !names[1].User {
		t.Fatalf("got %+v all=%v", names, all)
	}
	if _, all := ParseEnvironSend(nil); !all {
		t.Fatal("empty SEND means all")
	}
}

// TestQMethodTable walks RFC 1143's table for one side.
func TestQMethodTable(t *testing.T) {
	tests := []struct {
		name     string
		start    QState
		opposite bool
		accept   bool
		in       byte
		want     QState
		reply    string
	}{
		{"NO+WILL accept", No, false, true, WILL, Yes, "fffd01"},
		{"NO+WILL refuse", No, false, false, WILL, No, "fffe01"},
		{"YES+WILL ignored", Yes, false, true, WILL, Yes, ""},
		{"WANTNO+WILL error", WantNo, false, true, WILL, No, ""},
		{"WANTNO OPP+WILL", WantNo, true, true, WILL, Yes, ""},
		{"WANTYES+WILL", WantYes, false, true, WILL, Yes, ""},
		{"WANTYES OPP+WILL", WantYes, true, true, WILL, WantNo, "fffe01"},
		{"NO+WONT ignored", No, false, true, WONT, No, ""},
		{"YES+WONT", Yes, false, true, WONT, No, "fffe01"},
		{"WANTNO+WONT", WantNo, false, true, WONT, No, ""},
		{"WANTNO OPP+WONT", WantNo, true, true, WONT, WantYes, "fffd01"},
		{"WANTYES+WONT", WantYes, false, true, WONT, No, ""},
		{"WANTYES OPP+WONT", WantYes, true, true, WONT, No, ""},
	}
	for _, tc := range tests {
		var out []byte
		n := NewNegotiator(setPolicy{will: map[byte]bool{1: tc.accept}}, func(v, o byte) { out = AppendNegotiation(out, v, o) }, nil)
		n.sides[Remote][1] = optSide{state: tc.start, opposite: tc.opposite}
		n.Receive(tc.in, 1)
		if got := n.State(Remote, 1); got != tc.want || fmt.Sprintf("%x", out) != tc.reply {
			t.Errorf("%s: state %v reply %x, want %v %s", tc.name, got, out, tc.want, tc.reply)
		}
	}
}

func BenchmarkDecodePlain(b *testing.B) {
	in := bytes.Repeat([]byte("The quick brown fox jumps over the lazy dog 0123456789.\r\n"), 1<<12)
	d := &Decoder{}
	out := make([]byte, 0, len(in))
	b.SetBytes(int64(len(in)))
	for i := 0; i < b.N; i++ {
		out = d.Decode(out[:0], in, nopHandler{})
	}
}

func BenchmarkDecodeIACHeavy(b *testing.B) {
	in := bytes.Repeat([]byte("ab\xff\xffcd\xff\xf1ef\r\x00g\xff\xfa\x1f\x00\x50\x00\x18\xff\xf0"), 1<<12)
	d := &Decoder{}
	out := make([]byte, 0, len(in))
	b.SetBytes(int64(len(in)))
	for i := 0; i < b.N; i++ {
		out = d.Decode(out[:0], in, nopHandler{})
	}
}

func BenchmarkEncodeNVT(b *testing.B) {
	in := bytes.Repeat([]byte("typed text with a \xff byte and line\r\n"), 1<<12)
	out := make([]byte, 0, 2*len(in))
	b.SetBytes(int64(len(in)))
	for i := 0; i < b.N; i++ {
		out = AppendNVT(out[:0], in)
	}
}

type nopHandler struct{}

func (nopHandler) Command(byte)                      {}
func (nopHandler) Negotiation(byte, byte)            {}
func (nopHandler) Subnegotiation(byte, []byte, bool) {}
func (nopHandler) SubnegotiationDropped(byte, int)   {}
