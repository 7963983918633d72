package termtab

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
)

// TestWindowFollowsColumnMode: DECCOLM and the text after it arrive in one
// read; the text is laid out at 132 columns whatever the window does
// (vttest 1.2's border was 80 wide while the window's resize was on its
// way), and the window then grows until the view holds 132 columns. A
// tab that is not shown cannot size the window: its model goes back to
// the view's width.
func TestWindowFollowsColumnMode(t *testing.T) {
	border := "A" + strings.Repeat(" ", 130) + "B"
	tests := []struct {
		name      string
		shown     bool
		wantCols  int
		wantFirst string
	}{
		{"the shown tab's window grows to 132", true, 132, border},
		{"a tab in the background keeps the view's width", false, 0, "A"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newLoopServer(t, "\x1b[?40h\x1b[?3h\x1b[1;1HA\x1b[1;132HB\x1b[2;1Hend")
			h := newHarnessWith(t, settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port()}}, func(host *fakeHost) { host.elsewhere.Store(!tc.shown) })
			before, _ := h.tab.View().Cells()
			want := tc.wantCols
			if want == 0 {
				want = before
			}
			h.waitUntil("the text after DECCOLM", func() bool { return strings.Contains(h.tab.ShownText(), "end") })
			h.waitUntil("the view and model at the width", func() bool {
				cols, _ := h.tab.View().Cells()
				have, _ := h.tab.scr.Size()
				return cols == want && have == want
			})
			h.flush()
			if first, _, _ := strings.Cut(h.tab.ShownText(), "\n"); first != tc.wantFirst[:min(len(tc.wantFirst), want)] {
				t.Errorf("first row %q, want %q", first, tc.wantFirst)
			}
		})
	}
}
