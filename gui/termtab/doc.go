// Package termtab is one terminal tab of the window: the view of a
// session. A Tab holds the widget side — the view that draws the screen
// model (gui/termview over gui/screen), the keyboard widget (gui/termkeys),
// the render loop that paces frames, and its jobs as small types it owns
// (the find bar, the scrollbar, the bell, paced pastes, window fitting,
// the echo fast path, the Alt-drag wait, highlighting) — and
// embeds its session controller (gui/session), which connects, runs the
// logon actions, reconnects and serves the telnet> prompt without Fyne.
// The window is reached only through Host; the tab's goroutines reach
// widgets only through its UI bridge (bridge.go).
package termtab
