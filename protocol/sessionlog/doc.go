// Package sessionlog keeps what a session logs: the event log (the last
// lines of what happened on a connection, bounded in lines and bytes, as
// PuTTY's Event Log), session log files (output as sent, or its text only;
// optional timestamps; flushed every second) and raw logs (both
// directions in hex and ASCII), with PuTTY's and KiTTY's placeholders in
// their names. What a log must not hold (a secret) is masked by the
// session before it gets here.
package sessionlog
