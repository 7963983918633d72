package sessionlog

import "testing"

func TestMaskLine(t *testing.T) {
	for _, c := range []struct{ text, shown, want string }{
		{"AUTH PLAIN AGFubgBzM2Ny", "AUTH PLAIN <ann, password>", "AUTH PLAIN " + Masked},
		{"s3cret", Masked, Masked},
		{"", "", Masked},
	} {
		if got := MaskLine(c.text, c.shown); got != c.want {
			t.Errorf("MaskLine(%q, %q) = %q, want %q", c.text, c.shown, got, c.want)
		}
	}
}

// TestMaskKeys: one Masked for a run of keys, however many writes it
// takes; line ends as they are, each ending the run.
func TestMaskKeys(t *testing.T) {
	run := false
	var got []byte
	for _, w := range []string{"s", "3", "cr\r\x00", "x\r\n", ""} {
		var logAs []byte
		logAs, run = MaskKeys([]byte(w), run)
		if logAs == nil {
			t.Fatalf("%q: nil", w)
		}
		got = append(got, logAs...)
	}
	if want := Masked + "\r\x00" + Masked + "\r\n"; string(got) != want || run {
		t.Fatalf("got %q (run %v), want %q", got, run, want)
	}
}
