package gui

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
)

// checkedAssistant is the kind the window's Assistant menu ticks, "" for
// none, and how many it ticks.
func checkedAssistant(t *testing.T, w *mainWindow) (string, int) {
	t.Helper()
	kind, n := "", 0
	for _, m := range w.win.MainMenu().Items {
		if m.Label != "Assistant" {
			continue
		}
		for _, item := range m.Items {
			for _, c := range assistChoices {
				if item.Label == c.label && item.Checked {
					kind, n = c.kind, n+1
				}
			}
		}
	}
	return kind, n
}

// TestAssistantMenuMarksTheCurrentTabs: the Assistant menu ticks the
// assistant of the tab in front, the one its greeting picks before it is
// shown, follows a tab change and a choice from the menu itself.
func TestAssistantMenuMarksTheCurrentTabs(t *testing.T) {
	w := newTestWindow(t)
	if kind, n := checkedAssistant(t, w); n != 0 {
		t.Fatalf("no tab, yet %q is ticked", kind)
	}
	imapSrv, popSrv := newLoopServer(t, ""), newLoopServer(t, "+OK Dovecot ready.\r\n")
	imapTab := w.OpenSession(settings.Session{Assistant: settings.AssistIMAP, Engine: protocol.Config{Host: "127.0.0.1", Port: imapSrv.Port()}})
	popTab := w.OpenSession(settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: popSrv.Port()}})
	waitUntil(t, "the POP3 greeting ticks POP3", func() bool {
		kind, n := checkedAssistant(t, w)
		return strings.Contains(popTab.History(), "+OK") && kind == settings.AssistPOP3 && n == 1
	})
	for _, step := range []struct {
		what string
		do   func()
		want string
	}{
		{"the IMAP tab in front", func() { w.tabs.Select(imapTab.Item()) }, settings.AssistIMAP},
		{"Use the HTTP assistant", func() { menuAction(t, w, "Use the HTTP assistant")() }, settings.AssistHTTP},
		{"the POP3 tab in front again", func() { w.tabs.Select(popTab.Item()) }, settings.AssistPOP3},
		{"the first tab kept its choice", func() { w.tabs.Select(imapTab.Item()) }, settings.AssistHTTP},
	} {
		step.do()
		if kind, n := checkedAssistant(t, w); kind != step.want || n != 1 {
			t.Fatalf("%s: %d ticked, the last %q; want %q alone", step.what, n, kind, step.want)
		}
	}
}

// menuAction is the action of the window's menu item labelled label.
func menuAction(t *testing.T, w *mainWindow, label string) func() {
	t.Helper()
	for _, m := range w.win.MainMenu().Items {
		for _, item := range m.Items {
			if item.Label == label {
				return item.Action
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}
