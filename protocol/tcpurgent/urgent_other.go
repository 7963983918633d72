//go:build !unix && !windows

package protocol

import "net"

// writeUrgent sends p as normal data where urgent data is not available.
func writeUrgent(conn *net.TCPConn, p []byte) (bool, error) {
	_, err := conn.Write(p)
	return false, err
}

// keepUrgentInline does nothing where the socket option is not at hand.
func keepUrgentInline(*net.TCPConn) {}
