// Package fasttick lets a typed key reach the screen without waiting for
// Fyne's next frame, and lets an idle window cost next to nothing.
//
// Fyne's desktop driver reads the window system's events and draws its
// windows on one 60 Hz tick (fyne.io/fyne/v2 v2.7.2,
// internal/driver/glfw/loop.go): a key waits 0–16.7 ms in the socket
// before it is read, and its echo is drawn in that same tick. PuTTY and
// xterm read the key the moment it arrives. Where the window system's
// connection is a file descriptor Tern can watch (X11 on Linux), a
// goroutine wakes when input arrives and asks the UI goroutine to read
// it at once; when a terminal presents a key's answer (Shown: its echo
// while that input is handled, or a server's reply that comes later),
// the window is drawn right then instead of at the next tick. Everywhere
// else Start reports false and Fyne's tick is all there is.
//
// The same tick is all an idle Fyne window costs (60 wake-ups a second,
// 1.5–1.9 % of a core under Xvfb, where PuTTY costs nothing): once nothing
// is left for it to do, the UI goroutine rests until input arrives or a
// UI call is queued (see rest.go), and Fyne's loop goes on from there.
//
// This reaches into the pinned Fyne's driver (see reach.go, x11.go and
// rest.go): its per-tick draw, its queue of UI calls, its quit channel,
// its animation runner and its windows' dirty, visible and closing
// marks. Start checks at run time that the binary was built with the
// very module it was written for (fyne.io/fyne/v2 v2.7.2, go.sum's hash,
// not replaced) and that every type whose layout it copies is laid out
// so in this binary; if anything cannot be checked it declines, says why
// on the log, and Fyne's own loop runs as it always does.
// TestWrittenForPinnedFyne fails when the pin moves, so that the reach
// is looked at again; TestFasttickDeclinesOnAChangedFyne (gui/e2e) builds
// Tern against a changed copy of Fyne and sees it decline.
//
// Nothing here draws inside a GLFW callback: Shown only marks, and the
// window is drawn from a UI call of fasttick's own once the events it
// read were handled, or from the driver's queue.
package fasttick

// WrittenFor is the Fyne version this package's reach into the driver was
// written and checked against.
const WrittenFor = "v2.7.2"
