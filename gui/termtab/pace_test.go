package termtab

import (
	"bytes"
	"fmt"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
)

// echoDevice echoes what it reads, a CR as CR LF and a prompt, and keeps
// the lines. A slow one (think > 0) takes think over each line before it
// echoes the line break, and counts an overrun when the next bytes came
// in meanwhile: a sender that waits for the echo never overruns it.
type echoDevice struct {
	think    time.Duration
	mu       sync.Mutex
	lines    []string
	overruns int
}

func startEchoDevice(t *testing.T) (*echoDevice, string) { return startSlowDevice(t, 0) }

func startSlowDevice(t *testing.T, think time.Duration) (*echoDevice, string) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	d := &echoDevice{think: think}
	go func() {
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		d.serve(c)
	}()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return d, port
}

func (d *echoDevice) serve(c net.Conn) {
	var line, pending []byte
	b := make([]byte, 1)
	for {
		if len(pending) > 0 {
			b[0], pending = pending[0], pending[1:]
		} else if _, err := c.Read(b); err != nil {
			return
		}
		switch b[0] {
		case '\r':
			d.mu.Lock()
			d.lines = append(d.lines, string(line))
			d.mu.Unlock()
			line = line[:0]
			if d.think > 0 {
				pending = append(pending, d.overrun(c)...)
			}
			_, _ = c.Write([]byte("\r\nR1#"))
		case 0, '\n':
		default:
			line = append(line, b[0])
			_, _ = c.Write(b)
		}
	}
}

// overrun thinks, then returns what came in meanwhile (beyond a line
// feed or NUL ending the line), counting it as an overrun.
func (d *echoDevice) overrun(c net.Conn) []byte {
	time.Sleep(d.think)
	_ = c.SetReadDeadline(time.Now().Add(time.Millisecond))
	defer c.SetReadDeadline(time.Time{})
	buf := make([]byte, 4096)
	n, _ := c.Read(buf)
	if got := bytes.TrimLeft(buf[:n], "\n\x00"); len(got) > 0 {
		d.mu.Lock()
		d.overruns++
		d.mu.Unlock()
	}
	return buf[:n]
}

func (d *echoDevice) overran() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.overruns
}

func (d *echoDevice) received() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.lines...)
}

// TestPacedPaste: with the session's pacing on, a paste goes through the
// pacer (after the cleaning) and its progress is shown until it is done.
func TestPacedPaste(t *testing.T) {
	dev, port := startEchoDevice(t)
	st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: port, Negotiation: protocol.NegotiateRaw},
		Profile: settings.Kept{Pacing: profiles.PacingSettings{WaitEcho: true, LineDelayMs: 2}}}
	h := newHarnessWith(t, st, nil)
	var lines []string
	for i := range 40 {
		lines = append(lines, fmt.Sprintf("interface Gi0/%d", i))
	}
	h.tab.Paste([]byte(strings.Join(lines, "\n") + "\n\x1b[201~"))
	if _, ok := h.tab.Pacing().Progress(); !ok {
		t.Fatal("the paste is not paced")
	}
	h.waitUntil("the last line", func() bool { return len(dev.received()) == 40 })
	h.waitUntil("the end of the paced paste", func() bool { _, ok := h.tab.Pacing().Progress(); return !ok })
	if got := dev.received(); strings.Join(got, "\n") != strings.Join(lines, "\n") {
		t.Fatalf("the device read %q", got)
	}
	if h.host.changes == 0 {
		t.Fatal("the window was never told of the progress")
	}
}

// TestPacedPasteTimesOutAndCancels: a device that never echoes makes the
// paste pause after its wait, saying which line; Cancel ends it, and the
// next lines never go.
func TestPacedPasteTimesOutAndCancels(t *testing.T) {
	srv := newLoopServer(t, "")
	st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), Negotiation: protocol.NegotiateRaw},
		Profile: settings.Kept{Pacing: profiles.PacingSettings{WaitEcho: true, TimeoutS: 1}}}
	h := newHarnessWith(t, st, nil)
	h.tab.SendFile([]byte("one\ntwo\nthree\n"))
	h.waitUntil("the pause", func() bool { pr, _ := h.tab.Pacing().Progress(); return pr.Paused && pr.Reason != "" })
	pr, _ := h.tab.Pacing().Progress()
	if pr.Line != 1 || pr.Lines != 3 || !strings.Contains(pr.Reason, "line 1") {
		t.Fatalf("progress %+v", pr)
	}
	h.tab.Pacing().Cancel()
	h.waitUntil("the end", func() bool { _, ok := h.tab.Pacing().Progress(); return !ok })
	// The end of Run is the barrier: no more lines can go.
	h.tab.Session().Write([]byte("marker\r"))
	h.waitUntil("the marker", func() bool { return strings.Contains(srv.Received(), "marker") })
	if got := srv.Received(); strings.Contains(got, "two") {
		t.Fatalf("the server got %q after the cancel", got)
	}
}

// TestPacedProgressShownAfterEachLine: a line sent just after progress
// was shown (its four characters take 150 ms, within the 200 ms between
// shows) is shown too, at the end of the interval, rather than a line
// delay (here a minute) later.
func TestPacedProgressShownAfterEachLine(t *testing.T) {
	dev, port := startEchoDevice(t)
	st := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: port, Negotiation: protocol.NegotiateRaw},
		Profile: settings.Kept{Pacing: profiles.PacingSettings{LineDelayMs: 60_000, CharDelayMs: 50}}}
	h := newHarnessWith(t, st, nil)
	h.tab.Paste([]byte("one\ntwo\n"))
	h.waitUntil("the first line", func() bool { return len(dev.received()) == 1 })
	h.waitUntil("line 1 shown", func() bool { return h.host.shownLine == 1 })
	h.tab.Pacing().Cancel()
}
