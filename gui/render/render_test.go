package render

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/screen"
)

// replay feeds frames into a second screen model standing in for the
// widget, and checks it shows the same text as the source.
func TestFramesReproduceScreen(t *testing.T) {
	inputs := []string{
		"hello\r\nworld",
		"\x1b[31mred\x1b[0m plain \x1b[44mblue bg\x1b[0m",
		"\x1b[2J\x1b[5;10Hmiddle\x1b[H",
		strings.Repeat("scrolling line\r\n", 50),
		"日本語 wide",
		"\x1b[7mreverse\x1b[0m",
	}
	src := screen.New(40, 10, 100)
	view := screen.New(40, 10, 100)
	var r Renderer
	var snap screen.Snapshot
	for _, in := range inputs {
		src.Write([]byte(in))
		src.Snapshot(&snap)
		frame := r.Frame(nil, &snap)
		view.Write(frame)
		if got, want := view.Text(), stripWidePad(src.Text()); got != want {
			t.Fatalf("after %q:\nwidget %q\nmodel  %q", in, got, want)
		}
		if vr, vc := view.Cursor(); vr != snap.CursorRow || vc != snap.CursorCol {
			t.Fatalf("cursor %d,%d want %d,%d", vr, vc, snap.CursorRow, snap.CursorCol)
		}
	}
	if c := view.Cell(0, 0); c.Rune == 0 {
		t.Fatal("empty cell")
	}
}

// The wide character's right half is drawn as a space in the widget.
func stripWidePad(s string) string { return strings.ReplaceAll(s, "日本語", "日 本 語 ") }

func TestOnlyChangedRowsAreSent(t *testing.T) {
	src := screen.New(20, 5, 0)
	var r Renderer
	var snap screen.Snapshot
	src.Snapshot(&snap)
	r.Frame(nil, &snap)
	src.Write([]byte("\x1b[3;1Hx"))
	src.Snapshot(&snap)
	frame := string(r.Frame(nil, &snap))
	if strings.Count(frame, "H") != 2 || !strings.Contains(frame, "\x1b[3;1H") {
		t.Fatalf("frame %q should repaint row 3 and place the cursor", frame)
	}
	if again := r.Frame(nil, &snap); len(again) != 0 {
		t.Fatalf("unchanged screen gave frame %q", again)
	}
}

// TestShrinkingErasesTheRowsBelow: after the screen loses rows (the find
// bar opened, the window got shorter) the first frame erases from the new
// last row down, so the widget keeps no stale row below its bottom.
func TestShrinkingErasesTheRowsBelow(t *testing.T) {
	var r Renderer
	var snap screen.Snapshot
	src := screen.New(20, 8, 0)
	src.Write([]byte(strings.Repeat("line\r\n", 7) + "last"))
	src.Snapshot(&snap)
	r.Frame(nil, &snap)
	src.Resize(20, 5)
	src.Snapshot(&snap)
	frame := string(r.Frame(nil, &snap))
	if !strings.HasPrefix(frame, "\x1b[5;1H\x1b[J") {
		t.Fatalf("frame %q does not start by erasing from row 5 down", frame)
	}
	if strings.Count(frame, ";1H") < 5 {
		t.Fatalf("frame %q does not redraw every row", frame)
	}
}

func TestColoursAndModes(t *testing.T) {
	src := screen.New(20, 2, 0)
	var r Renderer
	var snap screen.Snapshot
	src.Write([]byte("\x1b[1;31mA\x1b[38;2;1;2;3mB\x1b[48;5;200mC\x1b[?1h\x1b[?2004h\x1b[?25l"))
	src.Snapshot(&snap)
	frame := string(r.Frame(nil, &snap))
	for _, want := range []string{"\x1b[0;91mA", "\x1b[0;38;2;1;2;3mB", "\x1b[0;38;2;1;2;3;48;5;200mC", "\x1b[?1049h", "\x1b[?2004h", "\x1b[?25l"} {
		if !strings.Contains(frame, want) {
			t.Errorf("frame lacks %q: %q", want, frame)
		}
	}
}

// TestWidgetAlwaysFramesPastes: the widget is put in bracketed-paste mode
// from the first frame, before the server asks, and stays in it after the
// server turns the mode off, so that every paste reaches Tern framed.
func TestWidgetAlwaysFramesPastes(t *testing.T) {
	src := screen.New(20, 2, 0)
	var r Renderer
	var snap screen.Snapshot
	src.Snapshot(&snap)
	if frame := string(r.Frame(nil, &snap)); !strings.Contains(frame, "\x1b[?2004h") {
		t.Fatalf("first frame %q does not turn bracketed paste on", frame)
	}
	for _, mode := range []string{"\x1b[?2004h", "\x1b[?2004l"} {
		src.Write([]byte(mode + "x"))
		src.Snapshot(&snap)
		if frame := string(r.Frame(nil, &snap)); strings.Contains(frame, "2004") {
			t.Fatalf("the server's %q reached the widget: %q", mode, frame)
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
