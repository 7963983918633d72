package session

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/protocol"
)

// TestChangeSettingsNextConnection: Change settings takes the new
// settings at once and names, in the dialog's words, what a running
// session cannot take: it waits for the next connection.
func TestChangeSettingsNextConnection(t *testing.T) {
	base := settings.Session{Engine: protocol.Config{Host: "127.0.0.1", Port: "23", Charset: "UTF-8"}}
	for _, tt := range []struct {
		name   string
		change func(*settings.Session)
		later  []string
	}{
		{"the character set applies at once", func(st *settings.Session) { st.Engine.Charset = "ISO-8859-1" }, nil},
		{"local echo applies at once", func(st *settings.Session) { st.Engine.LocalEcho = protocol.ForceOn }, nil},
		{"another port", func(st *settings.Session) { st.Engine.Port = "2323" }, []string{"the host, port or TLS"}},
		{"the keep-alive", func(st *settings.Session) { st.Engine.KeepAlive = time.Minute }, []string{"the keep-alive"}},
		{"user and speed", func(st *settings.Session) { st.Engine.User, st.Engine.TerminalSpeed = "admin", "9600,9600" },
			[]string{"the terminal type and speed", "the user name and environment"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, _ := newController(t, base, nil)
			st := base
			tt.change(&st)
			if later := c.ChangeSettings(st); !slices.Equal(later, tt.later) {
				t.Errorf("for the next connection: %q, want %q", later, tt.later)
			}
			if !reflect.DeepEqual(c.Settings(), st) {
				t.Errorf("the controller kept %+v, want %+v", c.Settings().Engine, st.Engine)
			}
		})
	}
}

// TestNewSettingsKeepThePromptState: settings from a dialog (which shows
// neither) keep what telnet> set: toggle options, and the unexported
// variables the new settings do not define again.
func TestNewSettingsKeepThePromptState(t *testing.T) {
	old := protocol.Config{User: "alice", ShowOptions: true,
		EnvironUnexported: map[string]string{"USER": "alice", "DISPLAY": "ws1:0", "LANG": "C"}}
	tests := []struct {
		name string
		new  protocol.Config
		want map[string]string
	}{
		{"kept", protocol.Config{User: "alice"}, map[string]string{"USER": "alice", "DISPLAY": "ws1:0", "LANG": "C"}},
		{"defined again in the dialog", protocol.Config{User: "alice", Environment: map[string]string{"LANG": "de_DE"}}, map[string]string{"USER": "alice", "DISPLAY": "ws1:0"}},
		{"another user name", protocol.Config{User: "bob"}, map[string]string{"DISPLAY": "ws1:0", "LANG": "C"}},
	}
	for _, tt := range tests {
		e := tt.new
		keepPromptState(old, &e)
		if !e.ShowOptions || !reflect.DeepEqual(e.EnvironUnexported, tt.want) {
			t.Errorf("%s: ShowOptions %v, unexported %v, want true, %v", tt.name, e.ShowOptions, e.EnvironUnexported, tt.want)
		}
	}
}
