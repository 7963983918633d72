// Package sessioninfo shows what is known about a session: the status
// bar's line, the Status dialog with every Telnet option, the live event
// log, and the certificate a server presented.
package sessioninfo
