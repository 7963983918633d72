package assist

import (
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/smtp"
)

// largeGreeting is a hostile SMTP greeting: 100 lines of 8 KiB (0.8 MB).
func largeGreeting() []byte {
	var b strings.Builder
	for i := range 100 {
		sep := "-"
		if i == 99 {
			sep = " "
		}
		b.WriteString("220" + sep + strings.Repeat(string(rune('a'+i%26)), 8000) + "\r\n")
	}
	return []byte(b.String())
}

// TestLargeGreetingIsShownBounded: a 0.8 MB greeting puts only a bounded
// Head into the assistant's labels (the reply list, the detail, the
// status), and Show all… shows every line kept in a TextView (issue 24
// item 4: the whole reply went into word-wrapped labels and froze the
// window for 92 s). bench/replies.sh prints the longest UI call from
// the log line; the test asserts sizes, not times.
func TestLargeGreetingIsShownBounded(t *testing.T) {
	srv := loopserver.Start(t, largeGreeting(), false)
	h := newTabGreeted(t, "127.0.0.1:"+srv.Port(), profiles.Builtins()[0], "220 ")
	p := h.openPanel()
	h.pumpUI()
	runtime.LockOSThread()
	p.addReply(smtp.Reply{Code: 250, Lines: []string{"warm-up: fonts load once"}})
	start := threadCPU()
	p.addEarlierReplies(h.tab.History()) // as the assistant opening mid-session does
	listing := threadCPU() - start
	greeting := len(p.Shown) - 1
	if greeting < 1 || p.Shown[greeting].Code != 220 {
		t.Fatal("the greeting was not listed")
	}
	// Times are CPU time of the calling thread (wall time on a shared
	// machine measures the other processes as much).
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var calls []time.Duration
	for range 30 { // as the person selects the reply again
		start := threadCPU()
		p.Replies.Unselect(greeting)
		p.Replies.Select(greeting)
		p.Replies.Refresh()
		calls = append(calls, threadCPU()-start)
	}
	slices.Sort(calls)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	t.Logf("UI calls for a 0.8 MB greeting (CPU): listing it %.2f ms; selecting it, median %.2f ms, max %.2f ms (30 times)",
		ms(listing), ms(calls[len(calls)/2]), ms(calls[len(calls)-1]))

	if n := utf8.RuneCountInString(p.Detail.Text); n > panel.HeadLines*(panel.HeadLineRunes+1)+panel.SayRunes+200 {
		t.Errorf("the detail holds %d characters", n)
	}
	if !strings.Contains(p.Detail.Text, "more lines") {
		t.Errorf("the detail does not count the lines it leaves out: %.300q", p.Detail.Text)
	}
	if row := panel.OneLine(p.Short(p.Shown[greeting])); utf8.RuneCountInString(row) > panel.OneLineRunes+1 {
		t.Errorf("a list row of %d characters", utf8.RuneCountInString(row))
	}
	if n := utf8.RuneCountInString(h.win.status); n > panel.SayRunes+20 {
		t.Errorf("the status bar holds %d characters", n)
	}

	start = threadCPU()
	p.ShowAll.OnTapped()
	t.Logf("UI calls for a 0.8 MB greeting (CPU): Show all… %.2f ms", ms(threadCPU()-start))
	var view *widgets.TextView
	for _, o := range h.win.onScreen() {
		if v, ok := o.(*widgets.TextView); ok {
			view = v
		}
	}
	if view == nil {
		t.Fatal("Show all… shows no text view")
	}
	whole := strings.Join(view.Rows(), "")
	kept := strings.Count(whole, strings.Repeat("a", 100))
	if kept == 0 || !strings.Contains(whole, "more lines not kept") {
		t.Fatalf("the whole reply view holds %d bytes", len(whole))
	}
}
