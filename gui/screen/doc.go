// Package screen is Tern's terminal model: an xterm-compatible VT state
// machine with its own grid and a bounded scrollback ring. It is fed the
// engine's output stream, answers the few queries a terminal must (DA, DSR,
// CPR) through a callback, and is read by the renderer. It imports no GUI
// code and is safe for one writer and many readers.
//
// Title reporting and other read-back queries are never answered (they let
// a server type into the user's shell), and OSC 52 clipboard writes are
// refused.
package screen
