// Package logon runs a profile's logon actions: an ordered list of steps,
// each "wait for this text (or regular expression) from the server, then
// send a line or keys", as PuTTY users script with Plink and KiTTY with its
// autocommand. It is Telnet-agnostic (RFC 854's NVT is the session's
// business): a Runner reads the server's data through Feed, sends through
// a Sender that *protocol.Session satisfies, and stops the moment the
// person types (Interrupt), on a step's timeout, or when the server
// refuses the login (FailurePatterns).
//
// Placeholders in what a step sends are filled in by Expand: {user},
// {password} and {enable} (a router's enable secret; both always sent on
// the session's secret path, so no log holds them), {host}, {date}, keys such as {enter}, {tab}, {esc} and {ctrl-c},
// and {{ for a literal brace. Propose and Recorder turn a session the
// person logged in to by hand into steps.
//
// The package imports only the standard library.
package logon
