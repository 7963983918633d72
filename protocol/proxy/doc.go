// Package proxy speaks to the proxy a session goes through: SOCKS 5 (RFC
// 1928, with RFC 1929 user/password) and HTTP CONNECT (RFC 9110 9.3.6,
// with Basic authentication). The caller opens the TCP connection to the
// proxy itself, with its own dial path (bind address, address family,
// timeout), and hands it to Handshake; after a successful handshake the
// same connection carries the session. Every proxy reply is read with a
// bound. Errors are *Error and say which hop failed.
package proxy
