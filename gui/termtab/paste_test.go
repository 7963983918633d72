package termtab

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/linedisc"
)

func TestPasteWarning(t *testing.T) {
	tests := []struct {
		paste string
		how   string   // how the lines are paced, "" not
		want  []string // "" when no question
	}{
		{"ls -l", "", nil},
		{"ls -l\n", "", []string{"ends with a line break"}},
		{"a\nb", "", []string{"You are pasting 2 lines."}},
		{"a\r\nb\r\nc\r\n", "", []string{"You are pasting 3 lines."}},
		{"a\x03", "", []string{"contained 1 control character, which was removed."}},
		{"a\nb\n", "50 ms after each line", []string{"You are pasting 2 lines. This session's pacing sends them line by line, 50 ms after each line."}},
		{"a\x1b[201~\x03\n", "", []string{"ends with a line break", "contained 2 control characters, which were removed."}},
	}
	for _, tt := range tests {
		msg := pasteWarning(linedisc.CleanPaste([]byte(tt.paste)), tt.how)
		if (msg == "") != (tt.want == nil) {
			t.Errorf("%q: %q", tt.paste, msg)
		}
		for _, w := range tt.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%q: %q lacks %q", tt.paste, msg, w)
			}
		}
	}
}

// TestDescribePacing: the paste question says how the session's pacing
// sends the lines.
func TestDescribePacing(t *testing.T) {
	tests := []struct {
		ps   profiles.PacingSettings
		want string
	}{
		{profiles.PacingSettings{}, "without waiting"},
		{LineByLine, "each once the device echoed the last or showed its prompt (waiting up to 10 s)"},
		{profiles.PacingSettings{WaitEcho: true, TimeoutS: 3, LineDelayMs: 100, CharDelayMs: 5},
			"each once the device echoed the last or showed its prompt (waiting up to 3 s), 100 ms after each line, 5 ms between characters"},
	}
	for _, tt := range tests {
		if got := describePacing(tt.ps); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.ps, got, tt.want)
		}
	}
}

// switchStack is n lines of a switch configuration.
func switchStack(n int) []string {
	lines := make([]string, n)
	for i := range lines {
		lines[i] = fmt.Sprintf("interface Gi1/0/%d", i+1)
	}
	return lines
}

// TestPasteLineByLine: with the session's pacing off, the question about
// a paste of several lines offers Paste line by line (and not for one
// line); that answer sends it paced, so a slow device (50 ms a line) is
// never overrun, with progress shown; with pacing on, the question says
// how it paces and offers nothing more.
func TestPasteLineByLine(t *testing.T) {
	dev, port := startSlowDevice(t, 50*time.Millisecond)
	var asked []string
	var offered []bool
	h := newHarnessWith(t, settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: port, Negotiation: protocol.NegotiateRaw}},
		func(h *fakeHost) {
			h.confirm = true
			h.answerPaste = func(msg string, offer bool) PasteAnswer {
				asked, offered = append(asked, msg), append(offered, offer)
				if offer {
					return PasteLineByLine
				}
				return PasteCancelled
			}
		})
	h.tab.Paste([]byte("one line\x07"))
	lines := switchStack(20)
	h.tab.Paste([]byte(strings.Join(lines, "\n") + "\n"))
	if len(offered) != 2 || offered[0] || !offered[1] {
		t.Fatalf("offered line by line %v", offered)
	}
	if want := "Paste line by line sends each line once the device echoed the last or showed its prompt.\n\nPaste it?"; !strings.HasSuffix(asked[1], want) || strings.Contains(asked[0], "line by line") {
		t.Fatalf("the questions %q do not explain line by line (only) when offered", asked)
	}
	if _, ok := h.tab.Pacing().Progress(); !ok {
		t.Fatal("the paste chosen line by line is not paced")
	}
	h.wantPacedWhole(dev, lines)

	h.tab.Pacing().SetSettings(profiles.PacingSettings{WaitEcho: true, LineDelayMs: 20})
	h.tab.Paste([]byte("a\nb\n"))
	if len(offered) != 3 || offered[2] {
		t.Fatalf("offered line by line %v with pacing on", offered)
	}
	if want := "sends them line by line, each once the device echoed the last or showed its prompt (waiting up to 10 s), 20 ms after each line."; !strings.Contains(asked[2], want) {
		t.Fatalf("the question %q does not say %q", asked[2], want)
	}
}

// TestPasteUnpacedOverrunsSlowDevice proves the slow device of
// TestPasteLineByLine sees an unpaced paste as an overrun, so that its
// zero there means something.
func TestPasteUnpacedOverrunsSlowDevice(t *testing.T) {
	dev, port := startSlowDevice(t, 50*time.Millisecond)
	h := newHarnessWith(t, settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: port, Negotiation: protocol.NegotiateRaw}}, nil)
	lines := switchStack(5)
	h.tab.Paste([]byte(strings.Join(lines, "\n") + "\n"))
	h.waitUntil("the last line", func() bool { return len(dev.received()) == len(lines) })
	if dev.overran() == 0 {
		t.Fatal("an unpaced paste did not overrun the slow device")
	}
}

// TestPasteToSessionPaced: typing into all tabs, a paste reaching a tab
// goes with that tab's own pacing (or line by line when the person chose
// it), so a slow switch is never overrun.
func TestPasteToSessionPaced(t *testing.T) {
	tests := []struct {
		name       string
		pacing     profiles.PacingSettings
		lineByLine bool
	}{
		{"the tab's pacing", profiles.PacingSettings{WaitEcho: true}, false},
		{"line by line, the tab's pacing off", profiles.PacingSettings{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dev, port := startSlowDevice(t, 30*time.Millisecond)
			st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: port, Negotiation: protocol.NegotiateRaw},
				Profile: settings.Kept{Pacing: tt.pacing}}
			h := newHarnessWith(t, st, nil)
			lines := switchStack(10)
			h.tab.PasteToSession([]byte(strings.Join(lines, "\r\n")+"\r\n"), tt.lineByLine)
			if _, ok := h.tab.Pacing().Progress(); !ok {
				t.Fatal("the paste from another tab is not paced")
			}
			h.wantPacedWhole(dev, lines)
		})
	}
}

// TestPastesWaitForThePacedOne: a second and third paste made while a
// paced paste runs are added to it, each line once the device echoed the
// one before, so the slow device is never overrun; Cancel drops them too.
func TestPastesWaitForThePacedOne(t *testing.T) {
	dev, port := startSlowDevice(t, 20*time.Millisecond)
	st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: port, Negotiation: protocol.NegotiateRaw},
		Profile: settings.Kept{Pacing: profiles.PacingSettings{WaitEcho: true}}}
	h := newHarnessWith(t, st, nil)
	lines := switchStack(15)
	for i := 0; i < len(lines); i += 5 {
		h.tab.Paste([]byte(strings.Join(lines[i:i+5], "\n") + "\n"))
	}
	h.wantPacedWhole(dev, lines)

	h.tab.Pacing().SetSettings(profiles.PacingSettings{WaitEcho: true, LineDelayMs: 2000})
	h.tab.Paste([]byte("first\nsecond\n"))
	h.tab.Paste([]byte("third\n"))
	h.waitUntil("the first line", func() bool { return len(dev.received()) == len(lines)+1 })
	h.tab.Pacing().Cancel()
	h.waitUntil("the end", func() bool { _, ok := h.tab.Pacing().Progress(); return !ok })
	// The end of Run is the barrier: nothing waiting can go after it.
	h.tab.Session().Write([]byte("marker\r"))
	h.waitUntil("the marker", func() bool { return slices.Contains(dev.received(), "marker") })
	if got := dev.received()[len(lines):]; !slices.Equal(got, []string{"first", "marker"}) {
		t.Fatalf("after the cancel the device read %q", got)
	}
}

// wantPacedWhole waits until the device read every line and the paced
// paste ended, then fails unless it read lines, in order, never overrun.
func (h *harness) wantPacedWhole(dev *echoDevice, lines []string) {
	h.t.Helper()
	h.waitUntil("the last line", func() bool { return len(dev.received()) == len(lines) })
	h.waitUntil("the end of the paced paste", func() bool { _, ok := h.tab.Pacing().Progress(); return !ok })
	if got := dev.received(); !slices.Equal(got, lines) {
		h.t.Fatalf("the device read %q", got)
	}
	if n := dev.overran(); n != 0 {
		h.t.Fatalf("the device was overrun %d times", n)
	}
}
