package termtab

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestScrollBarThumb(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		name                  string
		history, rows, offset int
		wantTop, wantLength   float32
	}{
		{"no scrollback: the thumb fills the bar", 0, 24, 0, 0, 240},
		{"at the bottom", 180, 60, 0, 180, 60},
		{"at the top", 180, 60, 180, 0, 60},
		{"half way", 180, 60, 90, 90, 60},
		{"long history keeps a grabbable thumb", 100000, 24, 0, 240 - 2*scrollBarThumbMin(), 2 * scrollBarThumbMin()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := newScrollBar(nil)
			b.set(tt.history, tt.rows, tt.offset)
			top, length := b.thumb(240)
			if top != tt.wantTop || length != tt.wantLength {
				t.Errorf("thumb at %v, %v long; want %v, %v", top, length, tt.wantTop, tt.wantLength)
			}
		})
	}
}

// TestScrollBarTapAndDrag: clicking the track pages, dragging the thumb
// follows the pointer.
func TestScrollBarTapAndDrag(t *testing.T) {
	test.NewTempApp(t)
	var asked []int
	b := newScrollBar(nil)
	b.onScroll = func(offset int) { asked = append(asked, offset); b.set(b.history, b.rows, offset) }
	w := test.NewWindow(b)
	defer w.Close()
	w.Resize(fyne.NewSize(20, 240))
	b.Resize(fyne.NewSize(20, 240))
	b.set(180, 60, 0)
	test.TapAt(b, fyne.NewPos(5, 10)) // above the thumb: a page back
	if b.offset != 59 {
		t.Fatalf("after a tap above the thumb: offset %d (asked %v)", b.offset, asked)
	}
	test.TapAt(b, fyne.NewPos(5, 235)) // below: a page forward
	if b.offset != 0 {
		t.Fatalf("after a tap below the thumb: offset %d", b.offset)
	}
	b.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: -90}}) // half the travel up
	b.DragEnd()
	if b.offset != 90 {
		t.Fatalf("after dragging half way up: offset %d", b.offset)
	}
	b.Dragged(&fyne.DragEvent{Dragged: fyne.Delta{DY: -1000}})
	b.DragEnd()
	if b.offset != 180 {
		t.Fatalf("dragging past the top: offset %d", b.offset)
	}
}
