// Package pop3 is the POP3 assistant's knowledge: it reads responses out of
// a session's output (RFC 1939: "+OK"/"-ERR" status lines, multi-line
// responses ending in "." with dot-unstuffing), reads CAPA (RFC 2449),
// switches to TLS with STLS (RFC 2595; implicit TLS on 995 is RFC 8314),
// logs in with USER/PASS or AUTH PLAIN (RFC 5034, RFC 4616), explains
// responses and their codes ([AUTH], [IN-USE], [SYS/TEMP]: RFC 2449 and
// RFC 3206) in plain words, and runs a whole login test step by step.
//
// It does no I/O of its own: a Client sends each command into the live
// session through Conn, so the person sees it as if typed, and learns the
// response from a Tap fed with the session's data.
package pop3
