package protocol

import (
	"io"
	"net"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
)

// TestBackspaceAndSpecialsChangeLive: Backspace's byte and the Telnet keys
// change in a running session (Change settings); each step ends with a
// key that must arrive, so nothing else came before it.
func TestBackspaceAndSpecialsChangeLive(t *testing.T) {
	p := loopserver.Start(t, []byte("\xff\xfb\x01\xff\xfb\x03ready"), false) // WILL ECHO, WILL SGA
	s, sc, _ := start(t, Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiatePassive, LocalEcho: ForceOff, LocalEdit: ForceOff})
	testwait.Until(t, "the greeting", func() bool { return strings.Contains(sc.String(), "ready") })
	s.Write([]byte("@"))
	testwait.Until(t, "the marker", func() bool { return strings.Contains(p.Received(), "@") })
	from := strings.Index(p.Received(), "@") + 1
	steps := []struct {
		set  func()
		keys string
		want string
	}{
		{func() {}, "\x7f1", "\x7f1"},
		{func() { s.SetBackspaceCtrlH(true) }, "\x7f2", "\b2"},
		{func() { s.SetKeyboardSpecials(true) }, "\x7f3", "\xff\xf73"},
		{func() { s.SetKeyboardSpecials(false); s.SetBackspaceCtrlH(false) }, "\x7f4", "\x7f4"},
	}
	want := ""
	for i, st := range steps {
		st.set()
		s.Write([]byte(st.keys[:1]))
		s.Write([]byte(st.keys[1:]))
		want += st.want
		testwait.Until(t, "the step's last key", func() bool { return strings.HasSuffix(p.Received(), st.keys[1:]) })
		if got := p.Received()[from:]; got != want {
			t.Fatalf("step %d: the server got %q, want %q", i, got, want)
		}
	}
}

// TestCharsetChangesLive: a session opened as UTF-8 and changed to KOI8-R
// while it runs sends what is typed in KOI8-R and reads the device's
// KOI8-R answer as Cyrillic.
func TestCharsetChangesLive(t *testing.T) {
	p := loopserver.StartScripted(t, func(c net.Conn) {
		c.Write([]byte("ready\r\n"))
		got := make([]byte, 2)
		if _, err := io.ReadFull(c, got); err != nil {
			return
		}
		c.Write(append(got, "\xf0\xd2\xc9\xd7\xc5\xd4\r\n"...))
		io.Copy(io.Discard, c)
	})
	s, sc, _ := start(t, Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiateRaw, LocalEcho: ForceOff, LocalEdit: ForceOff})
	testwait.Until(t, "the greeting", func() bool { return strings.Contains(sc.String(), "ready") })
	s.SetCharset("KOI8-R")
	s.Write([]byte("Да"))
	// The server sends back the two bytes it got: Да only if they were
	// KOI8-R (in UTF-8 they would be half of Д, read as other letters).
	testwait.Until(t, "the answer in KOI8-R, read as Cyrillic", func() bool { return strings.Contains(sc.String(), "ДаПривет\r\n") })
}
