package gui

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/quick"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
)

// barButtons are the quick-command bar's buttons, Edit… last.
func barButtons(t *testing.T, w *mainWindow) []*widgets.ToolButton {
	t.Helper()
	if len(w.quick.Box.Objects) == 0 {
		return nil
	}
	border := w.quick.Box.Objects[0].(*fyne.Container)
	var out []*widgets.ToolButton
	var edit *widgets.ToolButton
	for _, o := range border.Objects {
		switch o := o.(type) {
		case *container.Scroll:
			for _, b := range o.Content.(*fyne.Container).Objects {
				out = append(out, b.(*widgets.ToolButton))
			}
		case *widgets.ToolButton:
			edit = o
		}
	}
	return append(out, edit)
}

// TestQuickBarSendsToThePeer: a saved session's quick commands show as
// buttons and in the Commands menu; a button, and the menu item its
// shortcut stands for, send the expanded line and the keys to a real
// loopback peer; editing them changes the bar and the profile.
func TestQuickBarSendsToThePeer(t *testing.T) {
	srv := newLoopServer(t, "router> ")
	w := newTestWindow(t)
	p := profiles.Profile{Name: "Router", Host: "127.0.0.1", Port: srv.Port(), User: "ann", QuickCommands: []profiles.QuickCommand{
		{Label: "Show run", Send: "show running-config"}, {Label: "Whoami", Send: "show users {user}"}, {Label: "Break", Send: "{ctrl-c}", Keys: true},
		{Label: "Hand-edited\nbad", Send: "{nope}"}, // a profiles file edited by hand: left out
	}}
	saveProfiles(t, w, p)
	if got := barButtons(t, w); got != nil {
		t.Fatalf("a bar without a tab: %d buttons", len(got))
	}
	tab := w.OpenSession(settings.FromProfile(p))
	w.win.Resize(fyne.NewSize(901, 601))
	waitUntil(t, "connected", func() bool { return tab.Session() != nil && strings.Contains(tab.Screen().Text(), "router>") })
	buttons := barButtons(t, w)
	if len(buttons) != 4 || buttons[0].Label() != "Show run" || buttons[3].Label() != "Edit…" {
		t.Fatalf("bar %d buttons", len(buttons))
	}
	if w.quick.Item(1).Label != "Whoami" || w.quick.Item(1).Disabled || !w.quick.Item(3).Disabled {
		t.Fatalf("menu items %q %v, %v", w.quick.Item(1).Label, w.quick.Item(1).Disabled, w.quick.Item(3).Disabled)
	}
	test.Tap(buttons[0])
	w.quick.Item(2).Action() // Ctrl+Shift+3
	test.Tap(buttons[1])
	want := "show running-config\r\n\x03show users ann\r\n"
	waitUntil(t, "the three commands at the peer", func() bool { return strings.HasSuffix(srv.Received(), want) })

	e := quick.NewEditor(tab.Settings(), nil)
	e.Commands.SetText("Save = write memory")
	e.Rules.SetText("uplink  cyan")
	cmds, rules, err := e.Parsed()
	if err != nil {
		t.Fatal(err)
	}
	w.quick.SetTools(tab, cmds, rules)
	if got := barButtons(t, w); len(got) != 2 || got[0].Label() != "Save" {
		t.Fatalf("the bar after editing: %d buttons", len(got))
	}
	f, _ := w.store.Load()
	saved, _ := f.Find("Router")
	if !reflect.DeepEqual(saved.QuickCommands, cmds) || !reflect.DeepEqual(saved.Highlights, []string{"uplink cyan"}) {
		t.Fatalf("saved %+v %q", saved.QuickCommands, saved.Highlights)
	}
	e.Commands.SetText("Broken = {nope}")
	if e.Commands.Validate() == nil {
		t.Fatal("an unknown placeholder was accepted")
	}
}

// TestFolderQuickCommands: a saved session without commands of its own
// shows its folder's; the editor, ticked for the folder, changes the
// folder's commands, not the session's.
func TestFolderQuickCommands(t *testing.T) {
	srv := newLoopServer(t, "edge> ")
	w := newTestWindow(t)
	p := profiles.Profile{Name: "Edge", Host: "127.0.0.1", Port: srv.Port(), Folder: "Site A/Edge"}
	saveProfiles(t, w, p)
	w.store.Update(func(f *profiles.File) error {
		f.SetFolderCommands("Site A", []profiles.QuickCommand{{Label: "Save", Send: "write memory"}})
		return nil
	})
	tab := w.OpenSession(settings.FromProfile(p))
	w.win.Resize(fyne.NewSize(901, 601))
	waitUntil(t, "connected", func() bool { return strings.Contains(tab.Screen().Text(), "edge>") })
	if got := barButtons(t, w); len(got) != 2 || got[0].Label() != "Save" {
		t.Fatalf("the folder's bar: %d buttons", len(got))
	}
	test.Tap(barButtons(t, w)[0])
	waitUntil(t, "the folder's command at the peer", func() bool { return strings.HasSuffix(srv.Received(), "write memory\r\n") })

	f, _ := w.store.Load()
	e := quick.NewEditor(tab.Settings(), f.QuickCommandsFor(profiles.Profile{Folder: p.Folder}))
	if e.ForFolder == nil || !e.ForFolder.Checked || e.Folder != "Site A/Edge" || e.Commands.Text != "Save = write memory" {
		t.Fatalf("the editor shows %q (for the folder: %v)", e.Commands.Text, e.ForFolder != nil && e.ForFolder.Checked)
	}
	e.Commands.SetText("Save = copy run start")
	cmds, rules, _ := e.Parsed()
	w.quick.SetFolderCommands(tab, e.Folder, cmds, rules)
	f, _ = w.store.Load()
	edge, _ := f.Find("Edge")
	if edge.QuickCommands != nil || !reflect.DeepEqual(f.QuickCommandsFor(edge), cmds) {
		t.Fatalf("session %+v, folders %+v", edge.QuickCommands, f.FolderCommands)
	}
	if got := barButtons(t, w); len(got) != 2 || !strings.Contains(got[0].Tip(), "copy run start") {
		t.Fatal("the bar does not show the folder's new command")
	}
}
