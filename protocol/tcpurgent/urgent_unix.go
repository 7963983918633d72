//go:build unix

package tcpurgent

import (
	"net"
	"syscall"
)

// Write sends p as TCP urgent data (MSG_OOB), as a Synch needs.
func Write(conn *net.TCPConn, p []byte) (bool, error) {
	raw, err := conn.SyscallConn()
	if err != nil {
		_, err = conn.Write(p)
		return false, err
	}
	var sendErr error
	err = raw.Write(func(fd uintptr) bool {
		sendErr = syscall.Sendto(int(fd), p, syscall.MSG_OOB, nil)
		return sendErr != syscall.EAGAIN
	})
	if err == nil {
		err = sendErr
	}
	return true, err
}

// KeepInline has TCP urgent data arrive in the stream, where it was
// sent (SO_OOBINLINE, as BSD telnet sets): a server's Synch sends its IAC
// as urgent data and the DM after it, and without this the IAC is held
// out of band, leaving a bare DM (shown as a stray character).
func KeepInline(conn *net.TCPConn) {
	raw, err := conn.SyscallConn()
	if err != nil {
		return
	}
	_ = raw.Control(func(fd uintptr) {
		_ = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_OOBINLINE, 1)
	})
}
