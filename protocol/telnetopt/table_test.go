package telnetopt

import (
	"bytes"
	"testing"

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
	n := telnet.NewNegotiator(Tern, func(verb, opt byte) { got = append(got, telnet.IAC, verb, opt) }, nil)
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

// TestActiveOffers: Active mode offers PuTTY's set, every WILL first.
func TestActiveOffers(t *testing.T) {
	if got, want := Tern.Offers(telnet.Local), []byte{telnet.OptTTYPE, telnet.OptNAWS, telnet.OptTSpeed, telnet.OptNewEnviron, telnet.OptSGA}; !bytes.Equal(got, want) {
		t.Errorf("WILL offers %v, want %v", got, want)
	}
	if got, want := Tern.Offers(telnet.Remote), []byte{telnet.OptEcho, telnet.OptSGA}; !bytes.Equal(got, want) {
		t.Errorf("DO offers %v, want %v", got, want)
	}
}
