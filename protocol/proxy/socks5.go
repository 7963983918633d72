package proxy

import (
	"errors"
	"fmt"
	"io"
	"net"
)

// SOCKS 5 constants (RFC 1928, RFC 1929).
const (
	socksVersion    = 5
	methodNone      = 0
	methodUserPass  = 2
	methodRefused   = 0xff
	cmdConnect      = 1
	atypIPv4        = 1
	atypDomain      = 3
	atypIPv6        = 4
	userPassVersion = 1
	maxSOCKSField   = 255
)

func socks5(conn net.Conn, c *Config, host string, port int) error {
	methods := []byte{methodNone}
	if c.User != "" {
		methods = []byte{methodNone, methodUserPass}
	}
	if _, err := conn.Write(append([]byte{socksVersion, byte(len(methods))}, methods...)); err != nil {
		return err
	}
	var reply [2]byte
	if _, err := io.ReadFull(conn, reply[:]); err != nil {
		return err
	}
	if reply[0] != socksVersion {
		return &Error{Stage: StageProtocol, Reason: fmt.Sprintf("not a SOCKS 5 proxy (version %d)", reply[0])}
	}
	switch reply[1] {
	case methodNone:
	case methodUserPass:
		if err := socksLogin(conn, c); err != nil {
			return err
		}
	case methodRefused:
		reason := "it wants a user name and password"
		if c.User != "" {
			reason = "it accepts none of the ways Tern can log in"
		}
		return &Error{Stage: StageAuth, Reason: reason}
	default:
		return &Error{Stage: StageProtocol, Reason: fmt.Sprintf("it chose authentication method %d, which Tern did not offer", reply[1])}
	}
	req, err := socksRequest(host, port)
	if err != nil {
		return err
	}
	if _, err := conn.Write(req); err != nil {
		return err
	}
	return readSOCKSReply(conn)
}

func socksLogin(conn net.Conn, c *Config) error {
	if len(c.User) > maxSOCKSField || len(c.Password) > maxSOCKSField {
		return &Error{Stage: StageAuth, Reason: "the user name or password is longer than SOCKS 5 allows (255 bytes)"}
	}
	msg := []byte{userPassVersion, byte(len(c.User))}
	msg = append(msg, c.User...)
	msg = append(msg, byte(len(c.Password)))
	msg = append(msg, c.Password...)
	if _, err := conn.Write(msg); err != nil {
		return err
	}
	var reply [2]byte
	if _, err := io.ReadFull(conn, reply[:]); err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return &Error{Stage: StageAuth, Reason: "it closed the connection", Err: err}
		}
		return err
	}
	if reply[1] != 0 {
		return &Error{Stage: StageAuth, Reason: "wrong user name or password", Code: int(reply[1])}
	}
	return nil
}

func socksRequest(host string, port int) ([]byte, error) {
	req := []byte{socksVersion, cmdConnect, 0}
	if ip := net.ParseIP(host); ip != nil {
		if v4 := ip.To4(); v4 != nil {
			req = append(append(req, atypIPv4), v4...)
		} else {
			req = append(append(req, atypIPv6), ip.To16()...)
		}
	} else {
		if len(host) == 0 || len(host) > maxSOCKSField {
			return nil, &Error{Stage: StageProtocol, Reason: "the host name is longer than SOCKS 5 allows (255 bytes)"}
		}
		req = append(append(req, atypDomain, byte(len(host))), host...)
	}
	return append(req, byte(port>>8), byte(port)), nil
}

// readSOCKSReply reads the CONNECT reply, bound address included, so that
// nothing of it is left for the session to read.
func readSOCKSReply(r io.Reader) error {
	var head [4]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return err
	}
	if head[0] != socksVersion {
		return &Error{Stage: StageProtocol, Reason: fmt.Sprintf("not a SOCKS 5 reply (version %d)", head[0])}
	}
	if head[1] != 0 {
		return &Error{Stage: StageTarget, Code: int(head[1]), Reason: socksReply(head[1])}
	}
	var n int
	switch head[3] {
	case atypIPv4:
		n = 4
	case atypIPv6:
		n = 16
	case atypDomain:
		var l [1]byte
		if _, err := io.ReadFull(r, l[:]); err != nil {
			return err
		}
		n = int(l[0])
	default:
		return &Error{Stage: StageProtocol, Reason: fmt.Sprintf("unknown address type %d in the SOCKS reply", head[3])}
	}
	_, err := io.ReadFull(r, make([]byte, n+2))
	return err
}
