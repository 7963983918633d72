package proxy

import (
	"fmt"
	"io"
	"net"
)

// SOCKS 4 (the NEC protocol description) and its 4A extension: the
// client names the host and the proxy looks it up.
const (
	socks4Version  = 4
	socks4Granted  = 90
	socks4ReplyLen = 8
	// socks4aMarker is the address 0.0.0.x (x not 0) that tells a SOCKS 4A
	// proxy the host name follows the user ID.
	socks4aMarker = 1
)

// socks4Replies are the SOCKS 4 reply codes in words.
var socks4Replies = map[byte]string{
	91: "request rejected or failed",
	92: "the proxy could not reach this computer's identd",
	93: "the proxy's identd check did not match the user ID",
}

func socks4(conn net.Conn, c *Config, host string, port int) error {
	req, err := socks4Request(c.User, host, port)
	if err != nil {
		return err
	}
	if _, err := conn.Write(req); err != nil {
		return err
	}
	var reply [socks4ReplyLen]byte
	if _, err := io.ReadFull(conn, reply[:]); err != nil {
		return err
	}
	return parseSOCKS4Reply(reply[:])
}

// socks4Request is the CONNECT request: SOCKS 4 for an IPv4 address,
// SOCKS 4A for a name (looked up at the proxy). SOCKS 4 has no IPv6.
func socks4Request(user, host string, port int) ([]byte, error) {
	if len(user) > maxSOCKSField {
		return nil, &Error{Stage: StageAuth, Reason: "the user ID is longer than Tern sends (255 bytes)"}
	}
	req := []byte{socks4Version, cmdConnect, byte(port >> 8), byte(port)}
	ip := net.ParseIP(host)
	switch {
	case ip != nil && ip.To4() != nil:
		req = append(req, ip.To4()...)
		return append(append(req, user...), 0), nil
	case ip != nil:
		return nil, &Error{Stage: StageProtocol, Reason: "SOCKS 4 cannot carry an IPv6 address; use SOCKS 5"}
	case len(host) == 0 || len(host) > maxSOCKSField:
		return nil, &Error{Stage: StageProtocol, Reason: "the host name is longer than SOCKS 4A allows (255 bytes)"}
	}
	req = append(req, 0, 0, 0, socks4aMarker)
	req = append(append(req, user...), 0)
	return append(append(req, host...), 0), nil
}

// parseSOCKS4Reply reads the 8-byte reply: version 0, a code, and a port
// and address Tern does not need.
func parseSOCKS4Reply(reply []byte) error {
	if len(reply) != socks4ReplyLen || reply[0] != 0 {
		return &Error{Stage: StageProtocol, Reason: fmt.Sprintf("not a SOCKS 4 reply (version %d)", reply[0])}
	}
	if reply[1] == socks4Granted {
		return nil
	}
	reason, ok := socks4Replies[reply[1]]
	if !ok {
		return &Error{Stage: StageProtocol, Reason: fmt.Sprintf("unknown SOCKS 4 reply code %d", reply[1])}
	}
	stage := StageTarget
	if reply[1] != 91 {
		stage = StageAuth
	}
	return &Error{Stage: stage, Code: int(reply[1]), Reason: reason}
}
