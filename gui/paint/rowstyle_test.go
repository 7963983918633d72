package paint

import (
	"bytes"
	"testing"

	"github.com/tern-telnet/tern/gui/highlight"
	"github.com/tern-telnet/tern/gui/screen"
)

// TestRowStylerDrawsAsTheServerWould: a highlighted word looks exactly
// as the same word coloured by the server's own SGR sequence, and turning
// highlighting on after a frame repaints the rows it changes.
func TestRowStylerDrawsAsTheServerWould(t *testing.T) {
	snapOf := func(text string) *screen.Snapshot {
		s := screen.New(40, 4, 10)
		s.Write([]byte(text))
		var snap screen.Snapshot
		s.Snapshot(&snap)
		return &snap
	}
	plain := snapOf("Gi0/1 is down\r\nall well")
	want := paintFresh(t, snapOf("Gi0/1 is \x1b[1;91mdown\x1b[0m\r\nall well"), nil)

	p := NewPainter(testGlyphs(t), testTheme)
	p.Paint(plain, nil)
	if bytes.Equal(p.Image().Pix, want.Pix) {
		t.Fatal("the plain text already looks highlighted")
	}
	p.SetRowStyler(highlight.NewStyler(highlight.Compile(highlight.Defaults())))
	d := p.Paint(plain, nil)
	if !bytes.Equal(p.Image().Pix, want.Pix) {
		t.Fatal("the highlighted word does not look as the server's bright red bold")
	}
	if !d.Changed[0] {
		t.Fatal("the highlighted row is not reported changed")
	}
	p.SetRowStyler(nil)
	p.Paint(plain, nil)
	if !bytes.Equal(p.Image().Pix, paintFresh(t, plain, nil).Pix) {
		t.Fatal("highlighting turned off still shows")
	}
}
