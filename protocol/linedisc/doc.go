// Package linedisc turns what a person types and pastes into what goes to
// the server, as PuTTY's line discipline does: local echo and local line
// editing (erase, kill, word erase, reprint, quote next), the escape
// character, Telnet's IP, SUSP, EC, EOF and ABORT for the control keys,
// and pasted text cleaned so that no pasted byte acts as a key
// (CleanPaste). It writes through an Output: the session.
package linedisc
