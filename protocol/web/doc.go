// Package web is the HTTP assistant: it builds an HTTP/1.1 request that is
// sent exactly as shown (RFC 9112 §3, with the Host header of RFC 9110
// §7.2), reads the response from the session's data stream with bounded
// memory (status line, header fields, a body framed by Content-Length or
// the chunked coding of RFC 9112 §7.1, or by the connection closing, RFC
// 9112 §6.3), and explains it in plain words: the status class (RFC 9110
// §15), redirects with their target, Content-Length against the bytes
// received, Connection: close, HSTS (RFC 6797) and the Server header. The
// name is web, not http, to stay clear of net/http.
//
// The session should be raw (protocol.NegotiateRaw), so that a body's
// 0xFF bytes stay data instead of being taken for Telnet commands, and
// send CR LF for Enter (the default).
package web
