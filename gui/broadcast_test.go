package gui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/termtab"
	"github.com/tern-telnet/tern/gui/widgets/widgetstest"
	"github.com/tern-telnet/tern/internal/loopserver"
)

// TestTypeIntoAllTabs: with broadcast on, a line typed in one tab reaches
// both real servers; a tab at its telnet> prompt and the escape character
// are left out; with broadcast off only the current tab's server gets it.
func TestTypeIntoAllTabs(t *testing.T) {
	srv1 := newLoopServer(t, "router1>\r\n")
	srv2 := newLoopServer(t, "router2>\r\n")
	w := newTestWindow(t)
	tab1 := openTab(t, w, srv1.Port())
	tab2 := openTab(t, w, srv2.Port())
	waitUntil(t, "both connected", func() bool {
		return tab1.Live() && tab2.Live() && tab1.Screen().History() != "" && tab2.Screen().History() != ""
	})
	waitUntil(t, "both greeted", func() bool {
		return strings.Contains(tab1.Screen().History(), "router1>") && strings.Contains(tab2.Screen().History(), "router2>")
	})

	w.broadcast.Toggle()
	if !strings.HasPrefix(w.status.Text, "TYPING INTO ALL 2 CONNECTED TABS") || !w.broadcast.Item.Checked {
		t.Fatalf("status %q", w.status.Text)
	}
	for _, k := range []string{"s", "h", "o", "w", "\r"} {
		tab1.Type([]byte(k))
	}
	waitUntil(t, "both servers got the line", func() bool {
		return srv1.Received() == "show\r\n" && srv2.Received() == "show\r\n"
	})

	tab2.OpenPrompt()
	tab1.Type([]byte("ver\r"))
	waitUntil(t, "first server got it", func() bool { return srv1.Received() == "show\r\nver\r\n" })
	tab2.Type([]byte("\r")) // an empty line leaves the prompt
	// Barrier: a line typed into tab2 now (and, typing into all, tab1)
	// reaches its server after anything tab1's "ver" had sent there.
	tab2.Type([]byte("mark\r"))
	waitUntil(t, "the second server got the mark", func() bool { return strings.HasSuffix(srv2.Received(), "mark\r\n") })
	if got := srv2.Received(); got != "show\r\nmark\r\n" {
		t.Fatalf("a tab at its telnet> prompt got %q", got)
	}

	tab1.Type([]byte("\x1d")) // the escape character: telnet> in tab1 only
	waitUntil(t, "telnet> in tab1", tab1.InPrompt)
	pumpUI() // the UI queue runs in order: what tab2 was sent ran before tab1's prompt
	if tab2.InPrompt() {
		t.Fatal("the escape character reached the other tab")
	}
	tab1.Type([]byte("\r"))

	w.broadcast.Toggle()
	tab1.Type([]byte("exit\r"))
	waitUntil(t, "first server got exit", func() bool { return strings.HasSuffix(srv1.Received(), "exit\r\n") })
	tab2.Type([]byte("mark2\r")) // barrier: after anything tab1's exit sent to tab2
	waitUntil(t, "the second server got mark2", func() bool { return strings.HasSuffix(srv2.Received(), "mark2\r\n") })
	if got := srv2.Received(); got != "show\r\nmark\r\nmark2\r\n" {
		t.Fatalf("broadcast off, yet the second server got %q", got)
	}
	if strings.Contains(w.status.Text, "ALL") {
		t.Fatalf("status %q", w.status.Text)
	}
}

func TestMoveTab(t *testing.T) {
	srv := newLoopServer(t, "hi\r\n")
	w := newTestWindow(t)
	a, b, c := openTab(t, w, srv.Port()), openTab(t, w, srv.Port()), openTab(t, w, srv.Port())
	order := func() []*termtab.Tab {
		var out []*termtab.Tab
		for _, it := range w.tabs.Items {
			out = append(out, w.byItem[it])
		}
		return out
	}
	w.tabs.Select(b.Item())
	w.moveTab(-1)
	w.moveTab(-1) // already first: stays
	if got := order(); got[0] != b || got[1] != a || got[2] != c || w.current() != b {
		t.Fatalf("after moving left: %v", got)
	}
	w.moveTab(+1)
	w.moveTab(+1)
	if got := order(); got[0] != a || got[1] != c || got[2] != b || w.current() != b {
		t.Fatalf("after moving right: %v", got)
	}
}

// TestTypeIntoAllTabsAsksAtAPasswordPrompt: with Type into all tabs on,
// the first key typed at a password prompt (here German, echo off) asks
// before it goes to the other tabs; Cancel (Enter) keeps the password in
// this tab, "Send to all tabs" sends it. The next line, typed at the shell
// prompt, is the barrier: it reaches the other server, and nothing before
// it did (issue 24).
func TestTypeIntoAllTabsAsksAtAPasswordPrompt(t *testing.T) {
	for _, all := range []bool{false, true} {
		srv1 := loopserver.StartScripted(t, loopserver.LoginAsking("ann", "Geheim-7", "Passwort: "))
		srv2 := newLoopServer(t, "router2>\r\n")
		w := newTestWindow(t)
		tab1 := openTab(t, w, srv1.Port())
		tab2 := openTab(t, w, srv2.Port())
		w.tabs.Select(tab1.Item())
		waitUntil(t, "both greeted", func() bool {
			return strings.Contains(tab1.Screen().History(), "login:") && strings.Contains(tab2.Screen().History(), "router2>")
		})
		w.broadcast.Toggle()
		typeKeys(tab1, "ann\r")
		waitUntil(t, "the password prompt", func() bool { return strings.HasSuffix(strings.TrimSpace(tab1.Screen().History()), "Passwort:") })
		typeKeys(tab1, "Geheim-7\r")
		if w.dialogs.Len() != 1 {
			t.Fatalf("%d dialogs: Type into all tabs did not ask", w.dialogs.Len())
		}
		if all {
			test.Tap(widgetstest.Button(t, w.win, "Send to all tabs"))
		} else {
			widgetstest.PressKey(w.win, fyne.KeyReturn) // Enter answers Cancel: this tab only
		}
		// The shell prompt: this tab's server got the right password.
		waitUntil(t, "the shell prompt", func() bool { return strings.Contains(tab1.Screen().History(), "peer$") })
		typeKeys(tab1, "uptime\r")
		waitUntil(t, "the barrier at the other server", func() bool { return strings.HasSuffix(srv2.Received(), "uptime\r\n") })
		want := "ann\r\nuptime\r\n"
		if all {
			want = "ann\r\nGeheim-7\r\nuptime\r\n"
		}
		if got := srv2.Received(); got != want {
			t.Fatalf("all=%v: the other server got %q, want %q", all, got, want)
		}
	}
}

// typeKeys types text into tab one key at a time, as the widget does.
func typeKeys(tab *termtab.Tab, text string) {
	for _, k := range text {
		tab.Type([]byte(string(k)))
	}
}
