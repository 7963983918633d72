// Package smtp is the SMTP assistant's knowledge and its conversation
// over a live Tern session. It does no I/O of its own: commands go out
// through a Conn (the session, so the person sees them typed) and replies
// come back through a Tap.
//
// Client's verbs (Hello, StartTLS, Auth, Mail, Rcpt, Data, Quit, Verify,
// Reset, Noop) each send one command and wait for its reply, returning a
// *ReplyError for a refusal; Run is those verbs in order, with plain-words
// Findings. The package implements, as a client:
//   - RFC 5321 (SMTP): commands, replies and multi-line replies (section
//     4.2), EHLO with HELO fallback, the end of data and dot-stuffing
//     (section 4.5.2);
//   - RFC 3207 (STARTTLS): the 220 go-ahead that starts the handshake;
//   - RFC 4954 (AUTH), with the LOGIN mechanism's two prompts;
//   - RFC 4616 (the PLAIN mechanism's initial response);
//   - RFC 3463 (enhanced status codes), explained in plain words.
package smtp
