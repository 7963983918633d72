//go:build unix

package protocol

import (
	"net"
	"syscall"
)

// writeUrgent sends p as TCP urgent data (MSG_OOB), as a Synch needs.
func writeUrgent(conn *net.TCPConn, p []byte) (bool, error) {
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
