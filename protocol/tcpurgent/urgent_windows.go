package tcpurgent

import (
	"net"
	"syscall"
)

// Write sends p as normal data: Go gives Windows no MSG_OOB send.
func Write(conn *net.TCPConn, p []byte) (bool, error) {
	_, err := conn.Write(p)
	return false, err
}

// soOOBInline is Winsock's SO_OOBINLINE (winsock2.h), which Go's syscall
// package does not name.
const soOOBInline = 0x0100

// KeepInline has TCP urgent data arrive in the stream (SO_OOBINLINE,
// as on Unix: see urgent_unix.go).
func KeepInline(conn *net.TCPConn) {
	raw, err := conn.SyscallConn()
	if err != nil {
		return
	}
	_ = raw.Control(func(fd uintptr) {
		_ = syscall.SetsockoptInt(syscall.Handle(fd), syscall.SOL_SOCKET, soOOBInline, 1)
	})
}
