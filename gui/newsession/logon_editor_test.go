package newsession

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/tern-telnet/tern/gui/settings"
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
