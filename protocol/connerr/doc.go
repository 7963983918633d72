// Package connerr says why a connection failed or ended: a ConnectError
// whose Kind (unknown host, refused, timed out, unreachable, bad bind
// address, reset, cancelled, proxy) is read from the system's error
// numbers, as POSIX and as Winsock number them, both tables tested on
// every OS.
package connerr
