// Package gui is Tern's window shell: the app and its window of session
// tabs, the toolbar and menus, the hosts through which tabs and
// assistants reach the window, Type into all tabs, preferences and
// theme. The New session dialog, the trust questions, the session's
// facts and Tern's own texts live in packages of their own (newsession,
// trust, sessioninfo, about). Goroutines reach widgets only through the
// functions in bridge.go; everything else here runs on the Fyne UI
// goroutine.
package gui
