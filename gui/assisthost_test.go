package gui

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/gui/assist"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
)

// TestMailTemplatesOpenTheirAssistant: the POP3 and IMAP templates open
// their own assistant beside the terminal as the session starts.
func TestMailTemplatesOpenTheirAssistant(t *testing.T) {
	for _, tt := range []struct{ template, greeting, name string }{
		{"POP3 (110)", "+OK ready\r\n", "POP3"},
		{"IMAPS (993, implicit TLS)", "", "IMAP"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv := newLoopServer(t, tt.greeting)
			w := newTestWindow(t)
			var pr profiles.Profile
			for _, b := range profiles.Builtins() {
				if b.Name == tt.template {
					pr = b
				}
			}
			st := settings.FromProfile(pr)
			st.Engine.Host, st.Engine.Port = "127.0.0.1", srv.Port()
			tab := w.OpenSession(st)
			p, ok := tab.Assistant().(assist.Panel)
			if !ok || !tab.AssistantShown() || p.Name() != tt.name {
				t.Fatalf("the %s template opened %T (shown %v)", tt.template, tab.Assistant(), tab.AssistantShown())
			}
			if tt.greeting != "" {
				waitUntil(t, "the greeting", func() bool { return strings.Contains(tab.History(), tt.greeting[:3]) })
			}
		})
	}
}
