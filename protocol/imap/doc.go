// Package imap is the IMAP assistant's knowledge: it reads responses out
// of a session's output (RFC 9051 and RFC 3501 §7: tagged, untagged and
// continuation responses, response codes in brackets, literals {n} across
// reads), explains them and their codes (RFC 5530) in plain words, reads
// capabilities (STARTTLS, LOGINDISABLED, AUTH=PLAIN), switches to TLS with
// STARTTLS (RFC 2595; implicit TLS on 993 is RFC 8314), logs in with LOGIN
// or AUTHENTICATE PLAIN (RFC 4616), and runs a whole login test that
// counts the messages in INBOX without reading or changing any (STATUS and
// EXAMINE, never SELECT or FETCH).
//
// It does no I/O of its own: a Client sends each command, tagged A001,
// A002…, into the live session through Conn, so the person sees it as if
// typed, and matches the tagged completion from a Tap fed with the
// session's data.
package imap
