package gui

import (
	"slices"
	"testing"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// TestReopenLastTabs: the window remembers its tabs as they open and
// close — a saved session by name, an unsaved one as host and port only —
// and with the option on a start opens them again (the unsaved one
// without its user, logon or anything else typed for it); with the
// option off, or a saved session deleted meanwhile, it does not.
func TestReopenLastTabs(t *testing.T) {
	srv := newLoopServer(t, "router> ")
	w := newTestWindow(t)
	saved := profiles.Profile{Name: "Router", Host: "127.0.0.1", Port: srv.Port()}
	saveProfiles(t, w, saved)
	w.OpenSession(settings.FromProfile(saved))
	w.OpenSession(settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: srv.Port(), User: "ann"},
		Logon: []logon.Step{{Expect: "Password:", Send: "{password}"}}})
	third := openTab(t, w, srv.Port())
	w.closeTab(third, false)
	want := []string{"saved Router", "telnet 127.0.0.1:" + srv.Port()}
	if got := w.app.Preferences().StringList(prefLastTabs); !slices.Equal(got, want) {
		t.Fatalf("remembered %q, want %q", got, want)
	}

	f, _ := w.store.Load()
	next := newMainWindow(w.app, Options{Store: w.store}, testUIQueue.Do)
	t.Cleanup(func() {
		for _, tab := range next.byItem {
			tab.Close()
		}
		next.ticker.Stop()
	})
	if next.reopenLastTabs(f) || len(next.byItem) != 0 {
		t.Fatal("tabs reopened with the option off")
	}
	ro := newReopenSetting(w.app.Preferences())
	ro.check.SetChecked(true)
	ro.save(w.app.Preferences())
	if !next.reopenLastTabs(f) || len(next.tabs.Items) != 2 {
		t.Fatalf("reopened %d tabs, want 2", len(next.tabs.Items))
	}
	first, second := next.byItem[next.tabs.Items[0]].Settings(), next.byItem[next.tabs.Items[1]].Settings()
	if first.Name != "Router" || second.Name != "" || second.Title() != "127.0.0.1:"+srv.Port() {
		t.Fatalf("reopened %q and %q", first.Title(), second.Title())
	}
	if second.Engine.User != "" || second.Logon != nil {
		t.Fatalf("the unsaved session came back with %q and %d logon steps", second.Engine.User, len(second.Logon))
	}
	// Router and the third tab connected, the second waits for its
	// password before dialling (issue 26); the two reopened tabs connect.
	waitUntil(t, "both reopened tabs connected", func() bool { return srv.Connections() >= 4 })

	w.store.Update(func(f *profiles.File) error { f.Delete("Router"); return nil })
	f, _ = w.store.Load()
	if _, ok := recordSession("saved Router", f); ok {
		t.Fatal("a deleted session was reopened")
	}
	for _, bad := range []string{"", "telnet", "telnet :23", "ssh h:22", "raw nohost"} {
		if _, ok := recordSession(bad, f); ok {
			t.Errorf("record %q opened a session", bad)
		}
	}
}
