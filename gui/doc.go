// Package gui is Tern's window: sessions in tabs, the New session dialog,
// the toolbar and menus, the telnet> prompt, status, event log, find and
// settings. Goroutines reach widgets only through the functions in
// bridge.go; everything else here runs on the Fyne UI goroutine.
package gui
