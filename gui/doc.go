// Package gui is Tern's window shell: the app and its window of session
// tabs, the toolbar and menus, the hosts through which tabs and
// assistants reach the window, Type into all tabs. The New session
// dialog, the trust questions, the session's facts, Tern's own texts,
// the quick commands and highlighting, paste pacing, the tab labels and
// the preferences with their Settings dialog live in packages of their
// own (newsession, trust, sessioninfo, about, quick, pacing, tabmarks,
// appprefs). Goroutines reach widgets only through the
// functions in bridge.go; everything else here runs on the Fyne UI
// goroutine.
package gui
