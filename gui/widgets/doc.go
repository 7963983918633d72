// Package widgets holds the small Fyne widgets Tern's dialogs and tabs
// share.
package widgets
