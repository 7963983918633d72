package gui

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/logon"
)

// TestLogonEditorRoundTrip: steps added, moved, removed and taken from a
// template, and the two log options, come back from the form as edited.
func TestLogonEditorRoundTrip(t *testing.T) {
	test.NewTempApp(t)
	f := newConnectForm(settings.Session{Engine: protocol.Config{Host: "r.lan"}})
	e := f.logon
	e.templates.SetSelected("Unix telnetd login")
	if got := f.settings().Logon; !reflect.DeepEqual(got, logon.Unix) {
		t.Fatalf("template: %+v", got)
	}
	if e.templates.Selected != "" {
		t.Error("the template menu kept its choice")
	}
	e.add(logon.Step{})
	last := e.rows[3]
	test.Type(last.expect, "Press RETURN")
	test.Type(last.send, "{enter}")
	last.noEnter.SetChecked(true)
	last.timeout.SetText("2.5")
	last.onTimeout.SetSelectedIndex(1)
	e.move(last, -1)
	e.move(last, -1)
	e.move(last, -1)
	e.move(last, -1) // already first: stays
	e.remove(e.rows[3])
	f.logTimestamp.SetText("[&Y-&M-&D &T] ")
	f.logSecrets.SetChecked(true)
	if err := f.validate(); err != nil {
		t.Fatal(err)
	}
	st := f.settings()
	want := []logon.Step{{Expect: "Press RETURN", Send: "{enter}", NoEnter: true, Timeout: 2500 * time.Millisecond, OnTimeout: logon.Continue}, logon.Unix[0], logon.Unix[1]}
	if !reflect.DeepEqual(st.Logon, want) {
		t.Fatalf("got  %+v\nwant %+v", st.Logon, want)
	}
	if st.Engine.SessionLog.Timestamp != "[&Y-&M-&D &T] " || !st.Engine.LogSecrets {
		t.Fatalf("log options: %q %v", st.Engine.SessionLog.Timestamp, st.Engine.LogSecrets)
	}
	if e.rows[0].title.Text != "Step 1 of 3" {
		t.Errorf("first row titled %q", e.rows[0].title.Text)
	}
	// Filling the form again shows the same.
	f.fill(st)
	if back := f.settings(); !reflect.DeepEqual(back.Logon, want) || back.Engine.SessionLog.Timestamp != "[&Y-&M-&D &T] " || !back.Engine.LogSecrets {
		t.Fatalf("after fill: %+v", back)
	}
}

func TestLogonEditorValidates(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		name, expect, send, timeout string
		regexp                      bool
		want                        string // "" for valid
	}{
		{"plain", "login:", "{user}", "", false, ""},
		{"bad regexp", "([", "x", "", true, "step 1 of 1"},
		{"unknown placeholder", "login:", "{pasword}", "", false, "unknown placeholder"},
		{"bad timeout", "login:", "x", "soon", false, "timeout in seconds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newConnectForm(settings.Session{Engine: protocol.Config{Host: "h"}})
			f.logon.setSteps([]logon.Step{{Expect: tt.expect, Send: tt.send, Regexp: tt.regexp}})
			f.logon.rows[0].timeout.SetText(tt.timeout)
			err := f.validate()
			if tt.want == "" && err != nil || tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
				t.Fatalf("validate() = %v, want %q", err, tt.want)
			}
		})
	}
}

// TestLogonPasswordRememberedInKeychainOnly: a saved profile whose steps
// send {password} logs in after the password question, with Remember
// ticked; the keychain holds the password, the profile says so, and
// neither saving the profile again nor the log holds it.
func TestLogonPasswordRememberedInKeychainOnly(t *testing.T) {
	profiles.MockKeychain()
	const password = "Logon-Pw-77{!}"
	srv := loopserver.StartScripted(t, loopserver.Login("ann", password))
	w := newTestWindow(t)
	raw := t.TempDir() + "/raw.log"
	p := profiles.Profile{Name: "Peer", Host: "127.0.0.1", Port: srv.Port(), User: "ann", Logon: logon.Unix, LogMode: profiles.LogRaw, LogFile: raw}
	if _, err := w.store.Update(func(f *profiles.File) error { f.Put(p); return nil }); err != nil {
		t.Fatal(err)
	}
	tab := w.OpenSession(settings.FromProfile(p))
	w.win.Resize(w.win.Canvas().Size().AddWidthHeight(1, 1))
	waitUntil(t, "the password question", func() bool { return w.passwordQuestion != nil })
	q := w.passwordQuestion
	test.Type(q.password, password)
	q.remember.SetChecked(true)
	q.submit()
	waitUntil(t, "the logon", func() bool { return tab.LogonStatus() == "Logon: done" })
	if got, err := (profiles.Secrets{}).Get("Peer"); err != nil || got != password {
		t.Fatalf("keychain: %q %v", got, err)
	}
	if !strings.Contains(statusLine(tab), "Logon: done") {
		t.Errorf("status bar: %q", statusLine(tab))
	}
	// Save the profile again through the form, as the person would.
	f := newConnectForm(tab.Settings())
	if _, err := w.store.Update(func(file *profiles.File) error {
		saved, _ := file.Find("Peer")
		file.Put(settings.ToProfile("Peer", f.settings(), saved))
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	file, _ := w.store.Load()
	if saved, _ := file.Find("Peer"); !saved.RememberPassword || !reflect.DeepEqual(saved.Logon, logon.Unix) {
		t.Fatalf("saved profile: %+v", saved)
	}
	data, err := os.ReadFile(w.store.Path)
	if err != nil || strings.Contains(string(data), password) || !strings.Contains(string(data), "{password}") {
		t.Fatalf("profiles.json (%v):\n%s", err, data)
	}
	tab.Disconnect()
	waitUntil(t, "the session to end", func() bool { return !tab.Live() })
	if log, _ := os.ReadFile(raw); len(log) == 0 || strings.Contains(string(log), password) {
		t.Fatalf("raw log:\n%s", log)
	}
}

// TestRecordFromThisSessionInEditAndReconnect: after a login by hand,
// Edit and reconnect's Record button proposes the steps in the form.
func TestRecordFromThisSessionInEditAndReconnect(t *testing.T) {
	srv := loopserver.StartScripted(t, loopserver.Login("ann", "pw"))
	w := newTestWindow(t)
	tab := openTab(t, w, srv.Port())
	for _, line := range []struct{ prompt, text string }{{"login:", "ann"}, {"Password:", "pw"}} {
		waitUntil(t, line.prompt, func() bool { return strings.HasSuffix(strings.TrimSpace(tab.History()), line.prompt) })
		for _, c := range line.text + "\r" {
			tab.Type([]byte(string(c)))
		}
	}
	waitUntil(t, "the shell", func() bool { return strings.Contains(tab.History(), "peer$") })
	f := w.showEditAndReconnect(tab).form
	if f.logon.record.Disabled() {
		t.Fatal("Record is disabled for a live tab")
	}
	test.Tap(f.logon.record)
	want := []logon.Step{{Expect: "login:", Send: "ann"}, {Expect: "Password:", Send: "{password}"}}
	if got := f.settings().Logon; !reflect.DeepEqual(got, want) {
		t.Fatalf("recorded %+v, want %+v", got, want)
	}
}
