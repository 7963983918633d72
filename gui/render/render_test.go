package render

import (
	"bytes"
	"io"
	"testing"

	"github.com/tern-telnet/tern/gui/screen"
)

func TestAppendModes(t *testing.T) {
	cases := []struct {
		name     string
		old, now screen.Modes
		want     string
	}{
		{"nothing changed", screen.Modes{CursorVisible: true}, screen.Modes{}, ""},
		{"application cursor keys on", screen.Modes{}, screen.Modes{AppCursor: true}, "\x1b[?1049h"},
		{"application cursor keys off", screen.Modes{AppCursor: true}, screen.Modes{}, "\x1b[?1049l"},
		{"the server's bracketed paste is not the widget's", screen.Modes{}, screen.Modes{BracketedPaste: true}, ""},
		{"mouse modes are not the widget's", screen.Modes{}, screen.Modes{Mouse: 1000}, ""},
	}
	for _, c := range cases {
		if got := string(AppendModes(nil, c.old, c.now)); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestPipeReadsAreSmallAndWhole(t *testing.T) {
	var frame []byte
	for i := 0; i < 2000; i++ {
		frame = append(frame, "\x1b[0;38;2;10;20;30mé"...)
	}
	p := NewPipe()
	go func() { p.Put(frame); p.Close() }()
	var got bytes.Buffer
	buf := make([]byte, 32768)
	for {
		n, err := p.Read(buf)
		if n > MaxRead {
			t.Fatalf("read of %d bytes", n)
		}
		if n > 0 && buf[0] != 0x1b {
			t.Fatalf("read starts inside a sequence: %q", buf[:min(n, 10)])
		}
		got.Write(buf[:n])
		if err == io.EOF {
			break
		}
	}
	if !bytes.Equal(got.Bytes(), frame) {
		t.Fatal("bytes lost")
	}
}
