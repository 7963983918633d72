package telnet

import (
	"bytes"
	"fmt"
	"testing"
)

// FuzzDecoder: any input decodes without panic, with bounded subnegotiation
// memory, and gives the same data and events whole or cut in two.
func FuzzDecoder(f *testing.F) {
	for _, v := range loadVectors(f) {
		if v.Direction == "decode" {
			var in []byte
			for _, c := range v.chunks(f) {
				in = append(in, c...)
			}
			f.Add(in, uint16(len(in)/2), false)
		}
	}
	f.Add([]byte("a\r\x00b\r\nc\xff\xff\xff\xfa\x18\x01\xff\xf0"), uint16(3), true)
	f.Fuzz(func(t *testing.T, in []byte, cut uint16, binary bool) {
		decode := func(parts ...[]byte) ([]byte, []string) {
			d := &Decoder{Binary: binary, MaxSubnegotiation: 64}
			rec := &eventRecorder{}
			var data []byte
			for _, p := range parts {
				data = d.Decode(data, p, rec)
				if len(d.sb) > 64 {
					t.Fatalf("subnegotiation buffer grew to %d", len(d.sb))
				}
			}
			return data, rec.events
		}
		c := int(cut) % (len(in) + 1)
		wd, we := decode(in)
		pd, pe := decode(in[:c], in[c:])
		if !bytes.Equal(wd, pd) || fmt.Sprint(we) != fmt.Sprint(pe) {
			t.Fatalf("cut at %d: %x %q vs %x %q", c, wd, we, pd, pe)
		}
		if len(wd) > len(in) {
			t.Fatalf("more data out (%d) than in (%d)", len(wd), len(in))
		}
	})
}

// FuzzNegotiation: two negotiators wired back to back, one driven by
// arbitrary requests, always settle: every message gets at most one answer
// and the exchange ends (RFC 1143's no-loop guarantee).
func FuzzNegotiation(f *testing.F) {
	f.Add([]byte{0, 1, 3, 1, 0, 1, 0, 0}, []byte{1, 3}, []byte{1})
	f.Fuzz(func(t *testing.T, script, acceptA, acceptB []byte) {
		policy := func(acc []byte) setPolicy {
			p := setPolicy{do: map[byte]bool{}, will: map[byte]bool{}}
			for i, o := range acc {
				if i%2 == 0 {
					p.do[o%8] = true
				} else {
					p.will[o%8] = true
				}
			}
			return p
		}
		type msg struct{ verb, opt byte }
		var toA, toB []msg
		a := NewNegotiator(policy(acceptA), func(v, o byte) { toB = append(toB, msg{v, o}) }, nil)
		b := NewNegotiator(policy(acceptB), func(v, o byte) { toA = append(toA, msg{v, o}) }, nil)
		for i := 0; i+1 < len(script); i += 2 {
			a.Request(Side(script[i]&1), script[i+1]%8, script[i]&2 != 0)
		}
		for steps := 0; len(toA)+len(toB) > 0; steps++ {
			if steps > 10000 {
				t.Fatal("negotiation does not settle")
			}
			if len(toB) > 0 {
				m := toB[0]
				toB = toB[1:]
				b.Receive(m.verb, m.opt)
			}
			if len(toA) > 0 {
				m := toA[0]
				toA = toA[1:]
				a.Receive(m.verb, m.opt)
			}
		}
		for o := byte(0); o < 8; o++ {
			// Settled: each side agrees with the other about the option.
			if a.Enabled(Local, o) != b.Enabled(Remote, o) || a.Enabled(Remote, o) != b.Enabled(Local, o) {
				if a.State(Local, o) < WantNo && a.State(Remote, o) < WantNo {
					t.Fatalf("option %d disagrees: A local %v remote %v, B local %v remote %v", o,
						a.State(Local, o), a.State(Remote, o), b.State(Local, o), b.State(Remote, o))
				}
			}
		}
	})
}
