// Package tabmarks is what the tab strip, and its overflow menu (text
// only: Fyne's menu has no icons), say of each tab: "» " while it
// receives what is typed into all tabs, "• " while connected; its title;
// a number when another open tab has the same title ("r1 (2)"), kept
// for the tab's life; " · line 3/40" while a paced paste is sent to it
// (" · paused 3/40" while it waits), so that typing into all tabs shows
// which device is behind; and " (closed)" once its session ended. Only "»"
// and "•" are used among the marks because the default font has them.
// It also keeps which tabs are left out of Type into all tabs, and names
// the window after the tab in front (WindowTitle).
package tabmarks

import (
	"fmt"
	"iter"

	"github.com/tern-telnet/tern/gui/sessioninfo"
	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/protocol"
)

const (
	// Receiving marks a tab that receives what is typed into all tabs.
	Receiving = "» "
	// Connected marks a connected tab.
	Connected = "• "
)

// Labels is what the window keeps to label its tabs (UI goroutine).
type Labels struct {
	title  map[*termtab.Tab]string // the server's or the settings' title
	number map[*termtab.Tab]int    // 1 for the first open tab with its title
	optOut map[*termtab.Tab]bool   // left out of Type into all tabs
}

// SetTitle gives t its title: a new title takes the smallest number no
// other open tab with that title has.
func (l *Labels) SetTitle(t *termtab.Tab, title string, open iter.Seq[*termtab.Tab]) {
	if l.title == nil {
		l.title, l.number, l.optOut = map[*termtab.Tab]string{}, map[*termtab.Tab]int{}, map[*termtab.Tab]bool{}
	}
	if old, ok := l.title[t]; ok && old == title {
		return
	}
	used := map[int]bool{}
	for o := range open {
		if o != t && l.title[o] == title {
			used[l.number[o]] = true
		}
	}
	n := 1
	for used[n] {
		n++
	}
	l.title[t], l.number[t] = title, n
}

// Text is t's label in the strip; receiving: what is typed into all
// tabs goes to t too.
func (l *Labels) Text(t *termtab.Tab, receiving bool) string {
	text := l.named(t)
	if pr, ok := t.Pacing().Progress(); ok {
		text += PasteMark(pr)
	}
	switch {
	case t.State() == protocol.StateClosed:
		return sessioninfo.MarkClosed(text, true)
	case receiving:
		return Receiving + text
	case t.State() == protocol.StateConnected:
		return Connected + text
	}
	return text
}

// named is t's title with its number, when it has one.
func (l *Labels) named(t *termtab.Tab) string {
	title, ok := l.title[t]
	if !ok {
		title = t.Settings().Title()
	}
	if n := l.number[t]; n > 1 {
		title += fmt.Sprintf(" (%d)", n)
	}
	return title
}

// AppName is the window's title with no tab, and the end of it with one.
const AppName = "Tern"

// WindowTitle is the window's title with t in front, as PuTTY's
// "host - PuTTY" names the window and its taskbar button: "r1 (2) - Tern",
// "r1 (closed) - Tern" once its session ended, "Tern" for no tab.
func (l *Labels) WindowTitle(t *termtab.Tab) string {
	if t == nil {
		return AppName
	}
	return sessioninfo.MarkClosed(l.named(t), t.State() == protocol.StateClosed) + " - " + AppName
}

// Keep forgets every tab not open.
func (l *Labels) Keep(open map[*termtab.Tab]bool) {
	for t := range l.title {
		if !open[t] {
			delete(l.title, t)
			delete(l.number, t)
			delete(l.optOut, t)
		}
	}
}

// LeftOut reports whether t is left out of Type into all tabs: it
// neither sends to the others nor receives from them.
func (l *Labels) LeftOut(t *termtab.Tab) bool { return l.optOut[t] }

// ToggleLeftOut leaves t out of Type into all tabs, or takes it back in
// (t has a title: SetTitle).
func (l *Labels) ToggleLeftOut(t *termtab.Tab) { l.optOut[t] = !l.optOut[t] }

// PasteMark is what a tab's label says of its paced paste: " · line 3/40"
// (lines sent, of all), " · paused 3/40", or nothing once it is done.
func PasteMark(pr termtab.Progress) string {
	switch {
	case pr.Done:
		return ""
	case pr.Paused:
		return fmt.Sprintf(" · paused %d/%d", pr.Line, pr.Lines)
	}
	return fmt.Sprintf(" · line %d/%d", pr.Line, pr.Lines)
}
