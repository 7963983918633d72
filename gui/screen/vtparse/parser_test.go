package vtparse

import (
	"fmt"
	"strings"
	"testing"
)

// recorder writes down what the parser hands its Performer.
type recorder struct {
	p   *Parser
	out []string
}

func (r *recorder) Print(run []byte) { r.out = append(r.out, "print "+string(run)) }
func (r *recorder) Put(c rune)       { r.out = append(r.out, fmt.Sprintf("put %q", c)) }
func (r *recorder) Execute(c byte)   { r.out = append(r.out, fmt.Sprintf("exec %02x", c)) }
func (r *recorder) EscDispatch(final byte) {
	r.out = append(r.out, fmt.Sprintf("esc %q %c", r.p.Inter, final))
}
func (r *recorder) CSIDispatch(final byte) {
	r.out = append(r.out, fmt.Sprintf("csi %q %v %c", r.p.Private, r.p.Params[:r.p.NParams], final))
}
func (r *recorder) OSCDispatch() {
	r.out = append(r.out, fmt.Sprintf("osc %q long=%v", r.p.OSC, r.p.OSCTooLong))
}

var parseCases = []struct {
	name   string
	chunks []string // fed one Parse call each
	want   string
}{
	{"text and controls", []string{"ab\r\n"}, "print ab|exec 0d|exec 0a"},
	{"utf-8", []string{"é"}, `put 'é'`},
	{"utf-8 cut between reads", []string{"\xc3", "\xa9"}, `put 'é'`},
	{"bad utf-8 then ascii", []string{"\xc3A"}, `put '�'|print A`},
	{"CSI with params", []string{"\x1b[1;32m"}, `csi '\x00' [1 32] m`},
	{"CSI cut between reads", []string{"\x1b[", "2", "J"}, `csi '\x00' [2] J`},
	{"DEC private", []string{"\x1b[?25l"}, `csi '?' [25] l`},
	{"private marker after a digit is ignored", []string{"\x1b[1?h", "x"}, "print x"},
	{"ESC with intermediate", []string{"\x1b(0"}, `esc '(' 0`},
	{"OSC ended by BEL", []string{"\x1b]2;title\a"}, `osc "2;title" long=false`},
	{"OSC ended by ST", []string{"\x1b]0;t\x1b\\"}, `osc "0;t" long=false`},
	{"CAN aborts a sequence", []string{"\x1b[1\x18x"}, "print x"},
	{"control inside CSI", []string{"\x1b[1\r2H"}, `exec 0d|csi '\x00' [12] H`},
	{"DCS skipped", []string{"\x1bPq#0\x1b\\ok"}, "print ok"},
	{"a parameter stops growing past 65535", []string{"\x1b[99999999A"}, `csi '\x00' [99999] A`},
	// Found by fuzzing: none yet.
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		t.Run(c.name, func(t *testing.T) {
			var p Parser
			r := &recorder{p: &p}
			for _, chunk := range c.chunks {
				p.Parse([]byte(chunk), r)
			}
			if got := strings.Join(r.out, "|"); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestParseBoundsOSC(t *testing.T) {
	var p Parser
	r := &recorder{p: &p}
	p.Parse([]byte("\x1b]2;"+strings.Repeat("x", 2*MaxOSC)+"\a"), r)
	if len(p.OSC) > MaxOSC || !p.OSCTooLong || len(r.out) != 1 {
		t.Fatalf("OSC of %d bytes kept, too long %v, %d dispatches", len(p.OSC), p.OSCTooLong, len(r.out))
	}
}

// FuzzParse feeds any bytes, cut anywhere: the parser must not panic, and
// stays within its bounds.
func FuzzParse(f *testing.F) {
	for _, c := range parseCases {
		f.Add([]byte(strings.Join(c.chunks, "")), uint8(1))
	}
	f.Fuzz(func(t *testing.T, b []byte, cut uint8) {
		var p Parser
		r := &recorder{p: &p}
		at := min(int(cut), len(b))
		p.Parse(b[:at], r)
		p.Parse(b[at:], r)
		if len(p.OSC) > MaxOSC || p.NParams > MaxParams {
			t.Fatalf("bounds broken: OSC %d, params %d", len(p.OSC), p.NParams)
		}
	})
}
