package gui

import (
	"slices"
	"testing"

	"github.com/tern-telnet/tern/gui/launch"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/termtab"
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
	if got := w.app.Preferences().StringList(launch.PrefLastTabs); !slices.Equal(got, want) {
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
	reopen := func() bool { // as Start does
		last := launch.LastTabs(next.app.Preferences(), f)
		for _, st := range last {
			next.OpenSession(st)
		}
		return len(last) > 0
	}
	if reopen() || len(next.byItem) != 0 {
		t.Fatal("tabs reopened with the option off")
	}
	w.app.Preferences().SetBool(launch.PrefReopenTabs, true) // Settings ▸ Reopen the last tabs (gui/appprefs)
	if !reopen() || len(next.tabs.Items) != 2 {
		t.Fatalf("reopened %d tabs, want 2", len(next.tabs.Items))
	}
	first, second := next.byItem[next.tabs.Items[0]].Settings(), next.byItem[next.tabs.Items[1]].Settings()
	if first.Name != "Router" || second.Name != "" || second.Title() != "127.0.0.1:"+srv.Port() {
		t.Fatalf("reopened %q and %q", first.Title(), second.Title())
	}
	if second.Engine.User != "" || second.Logon != nil {
		t.Fatalf("the unsaved session came back with %q and %d logon steps", second.Engine.User, len(second.Logon))
	}
	// The two reopened tabs connect. (Counting the server's connections
	// instead raced: the third tab may be closed before it dials.)
	reopened := []*termtab.Tab{next.byItem[next.tabs.Items[0]], next.byItem[next.tabs.Items[1]]}
	waitUntil(t, "both reopened tabs connected", func() bool { return reopened[0].Live() && reopened[1].Live() })
}
