package screen

import (
	"strings"
	"testing"
)

// TestClearPushesTextIntoScrollback: clear(1)'s ED 2 keeps the screen's
// text in the scrollback (PuTTY's default), down to the last line with
// text; not on the alternate screen, nor when the session asks for
// xterm's way.
func TestClearPushesTextIntoScrollback(t *testing.T) {
	cases := []struct {
		name    string
		drop    bool
		input   string
		history string // what History holds afterwards
		sbLines int
	}{
		{"pushed", false, "one\r\ntwo\r\n\x1b[H\x1b[2Jnew", "one\ntwo\nnew", 2},
		{"dropped", true, "one\r\ntwo\r\n\x1b[H\x1b[2Jnew", "new", 0},
		{"alternate screen", false, "\x1b[?1049hvi text\x1b[2J\x1b[?1049lnew", "new", 0},
		{"blank screen", false, "\x1b[2J\x1b[2Jnew", "new", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := New(20, 5, 100)
			s.SetClearDropsText(c.drop)
			s.Write([]byte(c.input))
			if got := strings.TrimRight(s.History(), "\n"); got != c.history {
				t.Errorf("history %q, want %q", got, c.history)
			}
			if n := s.sb.len(); n != c.sbLines {
				t.Errorf("%d scrollback lines, want %d", n, c.sbLines)
			}
		})
	}
}

// TestResetTerminal: Reset (Edit ▸ Reset terminal) leaves a screen that
// an interrupted full-screen program left behind — the alternate screen,
// application keys, mouse reports, a hidden cursor, line drawing, a title
// — as a server's RIS would, and keeps the scrollback, with the main
// screen's text pushed into it as PuTTY does.
func TestResetTerminal(t *testing.T) {
	s := New(20, 3, 100)
	s.Write([]byte("one\r\ntwo\r\nthree\r\nfour\r\n"))
	s.Write([]byte("\x1b]0;router\x07\x1b[?1049h\x1b[?1h\x1b=\x1b[?2004h\x1b[?1000h\x1b[?25l\x1b[2;3r\x1b(0qqq"))
	s.Reset()
	if m := s.Modes(); m != (Modes{CursorVisible: true}) {
		t.Errorf("modes after Reset: %+v", m)
	}
	if s.Title() != "" {
		t.Errorf("title %q after Reset", s.Title())
	}
	if text := strings.TrimSpace(s.Text()); text != "" {
		t.Errorf("the screen still shows %q", text)
	}
	s.Write([]byte("q"))
	if !strings.HasPrefix(s.Text(), "q") { // ASCII again, not line drawing's ─
		t.Errorf("after Reset q reads %q", s.Text())
	}
	s.Write([]byte("\r\nx\r\ny\r\nz"))
	if got := s.Text(); got != "x\ny\nz" { // no margins: the whole screen scrolled
		t.Errorf("after Reset the screen reads %q", got)
	}
	if h := s.History(); !strings.HasPrefix(h, "one\ntwo\nthree\nfour\n") {
		t.Errorf("the scrollback lost the screen's text: %q", h)
	}
}
