package protocol

import (
	"bytes"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/internal/testwait"
	"github.com/tern-telnet/tern/protocol/telnet"
)

// TestOptionTableAnswers: RFC 854 and RFC 1143, a server's DO for each of
// the 256 options is answered WILL for the ones Tern implements and WONT
// for the rest, its WILL DO for the ones Tern understands and DONT for the
// rest.
func TestOptionTableAnswers(t *testing.T) {
	we := []byte{telnet.OptBinary, telnet.OptSGA, telnet.OptStatus, telnet.OptTTYPE, telnet.OptEOR,
		telnet.OptNAWS, telnet.OptTSpeed, telnet.OptNewEnviron, telnet.OptCharset}
	they := []byte{telnet.OptBinary, telnet.OptEcho, telnet.OptSGA, telnet.OptStatus, telnet.OptEOR}
	var got, want []byte
	n := telnet.NewNegotiator(options, func(verb, opt byte) { got = append(got, telnet.IAC, verb, opt) }, nil)
	for o := 0; o < 256; o++ {
		opt := byte(o)
		n.Receive(telnet.DO, opt)
		n.Receive(telnet.WILL, opt)
		local, remote := telnet.WONT, telnet.DONT
		if bytes.IndexByte(we, opt) >= 0 {
			local = telnet.WILL
		}
		if bytes.IndexByte(they, opt) >= 0 {
			remote = telnet.DO
		}
		want = append(want, telnet.IAC, local, opt, telnet.IAC, remote, opt)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("got %x, want %x", got, want)
	}
}

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
