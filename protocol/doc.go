// Package protocol is Tern's Telnet engine: it connects to a host, runs the
// Telnet protocol (RFC 854, 855, 856, 857, 858, 859, 860, 885, 1073, 1079,
// 1091, 1143, 1572 and 2066) through package telnet, and does everything a
// Telnet client does between the socket and a terminal: the remote
// character set (converted to and from UTF-8 at the socket's edge, see
// protocol/charset), local echo and line editing (protocol/linedisc), the
// escape character, special commands (protocol/specials), keep-alives,
// TLS and STARTTLS with the certificate decision (protocol/tlscheck), the
// event log, session logs and raw logs (protocol/sessionlog; the secrets
// Tern sends or the person types at a password prompt are masked here
// before they reach a log), connection errors (protocol/connerr), and a
// status report.
//
// It knows nothing of any GUI: a caller gets an io.Reader of what to show
// (Session.Output) and writes the user's keys to Session.Write.
package protocol
