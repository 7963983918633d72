// Package queue holds the two queues between a session's goroutines: the
// Stream of what the terminal shows (ordered bytes with back-pressure, so
// a slow terminal slows the socket reads) and the Out queue of writes to
// the server (it never blocks a sender, and reports when a server that
// does not read has MaxPendingOut bytes waiting).
package queue
