//go:build !unix && !windows

package tcpurgent

import "net"

// Write sends p as normal data where urgent data is not available.
func Write(conn *net.TCPConn, p []byte) (bool, error) {
	_, err := conn.Write(p)
	return false, err
}

// KeepInline does nothing where the socket option is not at hand.
func KeepInline(*net.TCPConn) {}
