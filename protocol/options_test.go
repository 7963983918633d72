package protocol

import (
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
)

// TestActiveRequestsBinary: RFC 856, a profile that asks for BINARY has
// it offered both ways after PuTTY's set. Once the server agrees, Enter
// is a bare CR and IAC is doubled going out, and CR NUL coming in is no
// longer read as CR.
func TestActiveRequestsBinary(t *testing.T) {
	offers := "\xff\xfb\x18\xff\xfb\x1f\xff\xfb\x20\xff\xfb\x27\xff\xfb\x03\xff\xfd\x01\xff\xfd\x03" + // PuTTY's set
		"\xff\xfb\x00\xff\xfd\x00" // WILL BINARY, DO BINARY
	offered := make(chan string, 1)
	p := loopserver.StartScripted(t, func(c net.Conn) {
		buf := make([]byte, len(offers))
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		io.ReadFull(c, buf)
		offered <- string(buf)
		c.Write([]byte("\xff\xfd\x00\xff\xfb\x00a\r\x00b\r\n")) // DO BINARY, WILL BINARY, then data
	})
	s, sc, _ := start(t, Config{Host: "127.0.0.1", Port: p.Port(), Negotiation: NegotiateActive, RequestBinary: true})
	select {
	case got := <-offered:
		if got != offers {
			t.Fatalf("got %x, want %x", got, offers)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("timed out waiting for the offers")
	}
	testwait.Until(t, "the server's data", func() bool { return strings.Contains(sc.String(), "b\r\n") })
	if !strings.Contains(sc.String(), "a\r\x00b") {
		t.Fatalf("CR NUL was not kept in BINARY: %q", sc.String())
	}
	s.Write([]byte("hi\xff\r"))
	want := "hi\xff\xff\r"
	testwait.Until(t, "the line", func() bool { return len(p.Received()) >= len(want) })
	if got := p.Received(); got != want {
		t.Fatalf("got %x, want %x", got, want)
	}
}
