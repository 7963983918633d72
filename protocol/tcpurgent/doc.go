// Package tcpurgent sends TCP urgent data (MSG_OOB), as a Telnet Synch
// needs (RFC 854), and keeps urgent data a server sends in the stream
// (SO_OOBINLINE), on Unix and Windows; elsewhere it sends normal data.
package tcpurgent
