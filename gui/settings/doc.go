// Package settings holds what a tab needs to open a session — the Telnet
// engine's configuration plus the window's choices (title, scrollback,
// text size, close on exit, reconnect) — and maps it to and from saved
// profiles. It has no Fyne: it tests without a display.
package settings
