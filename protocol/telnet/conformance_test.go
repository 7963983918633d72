package telnet

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The vectors restate the decoder/encoder tests of libtelnet, CPython's
// telnetlib, Twisted and stesla/repose (see testdata/telnet-vectors.json).
type vectorFile struct {
	Vectors []vector `json:"vectors"`
}

type vector struct {
	Source      string   `json:"source"`
	Name        string   `json:"name"`
	Direction   string   `json:"direction"`
	Mode        string   `json:"mode"`
	InputHex    string   `json:"input_hex"`
	InputChunks []string `json:"input_chunks_hex"`
	InputSpec   []struct {
		Hex       string `json:"hex"`
		RepeatHex string `json:"repeat_hex"`
		Count     int    `json:"count"`
	} `json:"input_spec"`
	Input struct {
		Option     int    `json:"option"`
		PayloadHex string `json:"payload_hex"`
	} `json:"input"`
	Policy *struct {
		AcceptDo   []int `json:"accept_do"`
		AcceptWill []int `json:"accept_will"`
	} `json:"policy"`
	InitialState map[string]map[string]string `json:"initial_state"`
	Expected     struct {
		DataHex     *string  `json:"data_hex"`
		DataNVTHex  *string  `json:"data_nvt_hex"`
		Events      []string `json:"events"`
		RepliesHex  *string  `json:"replies_hex"`
		OutputHex   string   `json:"output_hex"`
		ParserAtEnd string   `json:"parser_state_at_end"`
	} `json:"expected"`
	Rule string `json:"rule"`
}

func loadVectors(t testing.TB) []vector {
	t.Helper()
	raw, err := os.ReadFile("testdata/telnet-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	var f vectorFile
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	return f.Vectors
}

func mustHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(s)
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

func (v vector) chunks(t testing.TB) [][]byte {
	switch {
	case len(v.InputChunks) > 0:
		var out [][]byte
		for _, c := range v.InputChunks {
			out = append(out, mustHex(t, c))
		}
		return out
	case len(v.InputSpec) > 0:
		var all []byte
		for _, s := range v.InputSpec {
			if s.RepeatHex != "" {
				all = append(all, bytes.Repeat(mustHex(t, s.RepeatHex), s.Count)...)
			} else {
				all = append(all, mustHex(t, s.Hex)...)
			}
		}
		return [][]byte{all}
	}
	return [][]byte{mustHex(t, v.InputHex)}
}

// eventRecorder writes each event in the vectors' notation.
type eventRecorder struct{ events []string }

func (r *eventRecorder) Command(cmd byte) {
	name := CommandName(cmd)
	if cmd == EOF {
		name = "xEOF"
	}
	r.events = append(r.events, "CMD "+name)
}

func (r *eventRecorder) Negotiation(verb, opt byte) {
	r.events = append(r.events, fmt.Sprintf("%s %d", CommandName(verb), opt))
}

func (r *eventRecorder) Subnegotiation(opt byte, payload []byte, empty bool) {
	switch {
	case empty:
		r.events = append(r.events, "SB")
	case len(payload) == 0:
		r.events = append(r.events, fmt.Sprintf("SB %d", opt))
	default:
		r.events = append(r.events, fmt.Sprintf("SB %d %x", opt, payload))
	}
}

func (r *eventRecorder) SubnegotiationDropped(opt byte, size int) {
	r.events = append(r.events, fmt.Sprintf("DROPPED %d %d", opt, size))
}

type setPolicy struct{ do, will map[byte]bool }

func (p setPolicy) Accept(side Side, opt byte) bool {
	if side == Local {
		return p.do[opt]
	}
	return p.will[opt]
}

// negotiatingRecorder also feeds negotiations to a Negotiator.
type negotiatingRecorder struct {
	eventRecorder
	n *Negotiator
}

func (r *negotiatingRecorder) Negotiation(verb, opt byte) {
	r.eventRecorder.Negotiation(verb, opt)
	r.n.Receive(verb, opt)
}

func runDecode(t *testing.T, v vector, binary bool, chunks [][]byte) (data []byte, rec *negotiatingRecorder, replies []byte, d *Decoder) {
	policy := setPolicy{do: map[byte]bool{}, will: map[byte]bool{}}
	if v.Policy != nil {
		for _, o := range v.Policy.AcceptDo {
			policy.do[byte(o)] = true
		}
		for _, o := range v.Policy.AcceptWill {
			policy.will[byte(o)] = true
		}
	}
	rec = &negotiatingRecorder{}
	rec.n = NewNegotiator(policy, func(verb, opt byte) { replies = AppendNegotiation(replies, verb, opt) }, nil)
	for sideName, opts := range v.InitialState {
		side := Local
		if sideName == "him" {
			side = Remote
		}
		for o, st := range opts {
			n, _ := strconv.Atoi(o)
			q := map[string]QState{"NO": No, "YES": Yes, "WANTNO": WantNo, "WANTYES": WantYes}[st]
			rec.n.SetState(side, byte(n), q)
		}
	}
	d = &Decoder{Binary: binary}
	data = []byte{}
	for _, c := range chunks {
		data = d.Decode(data, c, rec)
	}
	return data, rec, replies, d
}

func TestConformanceVectors(t *testing.T) {
	vectors := loadVectors(t)
	if len(vectors) != 122 {
		t.Fatalf("got %d vectors, want 122", len(vectors))
	}
	for _, v := range vectors {
		t.Run(v.Source[:strings.IndexAny(v.Source+":", ":@")]+"/"+v.Name, func(t *testing.T) {
			if v.Direction == "encode" {
				checkEncode(t, v)
				return
			}
			checkDecode(t, v)
		})
	}
}

func checkDecode(t *testing.T, v vector) {
	chunks := v.chunks(t)
	// data_hex has no newline translation: decode as BINARY.
	data, rec, replies, d := runDecode(t, v, true, chunks)
	if v.Expected.DataHex != nil && hex.EncodeToString(data) != *v.Expected.DataHex {
		t.Errorf("data: got %x, want %s (%s)", data, *v.Expected.DataHex, v.Rule)
	}
	if fmt.Sprint(rec.events) != fmt.Sprint(v.Expected.Events) && !(len(rec.events) == 0 && len(v.Expected.Events) == 0) {
		t.Errorf("events: got %q, want %q (%s)", rec.events, v.Expected.Events, v.Rule)
	}
	if v.Expected.RepliesHex != nil && hex.EncodeToString(replies) != *v.Expected.RepliesHex {
		t.Errorf("replies: got %x, want %s (%s)", replies, *v.Expected.RepliesHex, v.Rule)
	}
	if v.Expected.ParserAtEnd == "IAC" && d.state != stIAC {
		t.Errorf("parser state at end: got %d, want IAC", d.state)
	}
	if v.Expected.DataNVTHex != nil {
		nvt, _, _, _ := runDecode(t, v, false, chunks)
		if hex.EncodeToString(nvt) != *v.Expected.DataNVTHex {
			t.Errorf("NVT data: got %x, want %s (RFC 854 CR NUL)", nvt, *v.Expected.DataNVTHex)
		}
	}
}

func checkEncode(t *testing.T, v vector) {
	var got []byte
	switch v.Mode {
	case "encode_data":
		got = AppendData(nil, mustHex(t, v.InputHex))
	case "encode_subnegotiation":
		got = AppendSubnegotiation(nil, byte(v.Input.Option), mustHex(t, v.Input.PayloadHex))
	default:
		t.Fatalf("unknown encode mode %q", v.Mode)
	}
	if hex.EncodeToString(got) != v.Expected.OutputHex {
		t.Errorf("got %x, want %s (%s)", got, v.Expected.OutputHex, v.Rule)
	}
}

// TestConformanceEverySplit feeds each decode vector split at every point
// (RFC 854: commands may be cut anywhere by TCP) and expects the same
// result as the whole input.
func TestConformanceEverySplit(t *testing.T) {
	for _, v := range loadVectors(t) {
		if v.Direction != "decode" {
			continue
		}
		var whole []byte
		for _, c := range v.chunks(t) {
			whole = append(whole, c...)
		}
		if len(whole) > 512 {
			continue
		}
		for _, binary := range []bool{true, false} {
			wantData, wantRec, wantReplies, _ := runDecode(t, v, binary, [][]byte{whole})
			for i := 0; i <= len(whole); i++ {
				data, rec, replies, _ := runDecode(t, v, binary, [][]byte{whole[:i], whole[i:]})
				if !bytes.Equal(data, wantData) || fmt.Sprint(rec.events) != fmt.Sprint(wantRec.events) || !bytes.Equal(replies, wantReplies) {
					t.Fatalf("%s split at %d (binary=%v): got %x %q %x, want %x %q %x", v.Name, i, binary,
						data, rec.events, replies, wantData, wantRec.events, wantReplies)
				}
			}
		}
	}
}
