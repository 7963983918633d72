package newsession

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/gui/widgets"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/escapechar"
	"github.com/tern-telnet/tern/protocol/logon"
	"github.com/tern-telnet/tern/protocol/proxy"
)

// TestConnectFormShowsEveryProfileSetting opens a profile in the New
// session dialog with nothing held back and saves it again: every field
// but the SMTP assistant's must have gone through the form.
func TestConnectFormShowsEveryProfileSetting(t *testing.T) {
	test.NewTempApp(t)
	p := profiles.Profile{
		Name: "Router", Host: "r.lan", Port: "2323", Bind: "127.0.0.2", Connection: profiles.Telnet,
		TLS: profiles.TLSImplicit, Network: "tcp6", TerminalTypes: []string{"VT100", "DUMB"}, Negotiation: "active",
		LocalEcho: "off", LocalEdit: "on", EnterCRNUL: true, BackspaceCtlH: true, TelnetKeys: true, Binary: true,
		FunctionKeys: "sco", HomeEnd: "rxvt", AltSends8Bit: true,
		Escape: "^X", KeepAlive: 60, User: "admin", Environment: map[string]string{"LANG": "C.UTF-8", "ORGANIZATION": "Room 2"},
		LogMode: profiles.LogRaw, LogFile: "/tmp/r.log", LogAppend: true, CloseOnExit: "never", AutoReconnect: true,
		Scrollback: 3000, FontSize: 18, Columns: 132, Rows: 43, Notes: "the router in room 2", Assistant: "imap",
		LogTimestamp: "[&T] ", LogSecrets: true, Logon: logon.Cisco, OpenAssistant: true, TerminalSpeed: "9600,9600", Charset: "Shift_JIS",
		LFImpliesCR: true, CRImpliesLF: true, ClearDropsText: true,
		Proxy: profiles.ProxySettings{Kind: "socks5", Host: "bastion.corp", Port: 1081, User: "ops", LocalDNS: true, Bypass: "router.lan, *.corp.example, 10.0.0.0/8"},
		Terminal: profiles.Terminal{Colours: profiles.DefaultColours(), Bell: profiles.BellSound, BellTaskbar: true, BellUnlimited: true,
			NoRemoteTitle: true, NoAppKeypad: true, NoMouseReporting: true, NoRemoteResize: true, Answerback: "r2^M"},
		Pacing: profiles.PacingSettings{LineDelayMs: 100, CharDelayMs: 3, WaitEcho: true, Prompt: `[>#$]\s*$`, TimeoutS: 20},
	}
	st := settings.FromProfile(p)
	// The form alone must carry every field; notes and pacing are kept
	// (settings.Kept; the tab reads its pacing there) and shown by it.
	st.Profile = settings.Kept{Notes: p.Notes, Pacing: p.Pacing}
	f := newConnectForm(st)
	if err := f.validate(); err != nil {
		t.Fatal(err)
	}
	back := settings.ToProfile("Router", f.settings(), f.base)
	if !reflect.DeepEqual(back, p) {
		t.Fatalf("got  %+v\nwant %+v", back, p)
	}
	// The fields not covered above belong to the assistants or to the
	// Port check template; a session's folder, quick commands and
	// highlighting to the session list and the quick-commands editor.
	skip := map[string]bool{"SMTP": true, "Mail": true, "RememberPassword": true, "RememberEnable": true, "PortCheck": true,
		"Folder": true, "QuickCommands": true, "Highlights": true}
	v := reflect.ValueOf(p)
	for i := 0; i < v.NumField(); i++ {
		name := v.Type().Field(i).Name
		if v.Type().Field(i).IsExported() && v.Field(i).IsZero() && !skip[name] {
			t.Errorf("field %s is not covered", name)
		}
	}
}

func TestConnectFormValidatesNewFields(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		name  string
		set   func(f *connectForm)
		valid bool
	}{
		{"environment without =", func(f *connectForm) { f.environment.SetText("LANG") }, false},
		{"environment name with a space", func(f *connectForm) { f.environment.SetText("MY VAR=1") }, false},
		{"environment lines", func(f *connectForm) { f.environment.SetText("A=1\n\nB=two words") }, true},
		{"font size too small", func(f *connectForm) { f.font.SetText("3") }, false},
		{"font size fraction", func(f *connectForm) { f.font.SetText("12.5") }, true},
		{"font size empty", func(f *connectForm) { f.font.SetText("") }, true},
		{"scrollback not a number", func(f *connectForm) { f.scrollback.SetText("lots") }, false},
		{"scrollback fraction", func(f *connectForm) { f.scrollback.SetText("10.5") }, false},
		{"scrollback zero", func(f *connectForm) { f.scrollback.SetText("0") }, true},
		{"terminal size", func(f *connectForm) { f.termSize.SetText("132 x 43") }, true},
		{"terminal size without rows", func(f *connectForm) { f.termSize.SetText("132") }, false},
		{"terminal size too small", func(f *connectForm) { f.termSize.SetText("10x2") }, false},
		{"terminal speed", func(f *connectForm) { f.tspeed.SetText("9600,19200") }, true},
		{"terminal speed alone", func(f *connectForm) { f.tspeed.SetText("9600") }, false},
		{"terminal speed not a number", func(f *connectForm) { f.tspeed.SetText("fast,fast") }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newConnectForm(settings.Session{Engine: protocol.Config{Host: "h"}})
			tt.set(f)
			if err := f.validate(); (err == nil) != tt.valid {
				t.Errorf("validate() = %v, want valid %v", err, tt.valid)
			}
		})
	}
}

// TestEscapeCancelsTheDialog: Escape in any field of the New session form
// reaches the dialog's Cancel; other keys still edit the field.
func TestEscapeCancelsTheDialog(t *testing.T) {
	test.NewTempApp(t)
	f := newConnectForm(settings.Session{})
	cancelled := 0
	f.onEscape = func() { cancelled++ }
	test.Type(f.host, "mail.example.com")
	for _, e := range []*widgets.EscEntry{f.host, f.notes, f.environment} {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	}
	if cancelled != 3 || f.host.Text != "mail.example.com" {
		t.Fatalf("cancelled %d times, host %q", cancelled, f.host.Text)
	}
}

// TestConnectFormKeepsTheLogKind: a text-only session log (PuTTY's
// Printable output) and a log as sent stay what they are through the
// dialog.
func TestConnectFormKeepsTheLogKind(t *testing.T) {
	test.NewTempApp(t)
	for _, mode := range []string{profiles.LogText, profiles.LogPrintable} {
		p := profiles.Profile{Name: "r", Host: "r.lan", LogMode: mode, LogFile: "/tmp/r.log"}
		f := newConnectForm(settings.FromProfile(p))
		if got := settings.ToProfile("r", f.settings(), p).LogMode; got != mode {
			t.Errorf("log mode %q came back as %q", mode, got)
		}
	}
}

// TestConnectFormProxySection: the Proxy section reads into the session's
// proxy, its fields are off while None is chosen, a chosen kind needs a
// host, and the password typed reaches the engine but not the profile.
func TestConnectFormProxySection(t *testing.T) {
	test.NewTempApp(t)
	f := newConnectForm(settings.Session{})
	f.host.SetText("router.lan")
	if f.proxy.kind.Selected != "None" || !f.proxy.host.Disabled() {
		t.Fatalf("a new session has no proxy: %q, host field enabled %v", f.proxy.kind.Selected, !f.proxy.host.Disabled())
	}
	if c := f.settings().Engine.Proxy; c.Active() {
		t.Fatalf("None gives a proxy: %+v", c)
	}
	f.proxy.kind.SetSelected("HTTP CONNECT")
	if f.proxy.host.Disabled() || f.proxy.port.PlaceHolder != "3128" {
		t.Fatalf("HTTP CONNECT: host disabled %v, port placeholder %q", f.proxy.host.Disabled(), f.proxy.port.PlaceHolder)
	}
	if err := f.validate(); err == nil {
		t.Fatal("a proxy without a host validated")
	}
	f.proxy.host.SetText("proxy.corp")
	f.proxy.port.SetText("70000")
	if err := f.validate(); err == nil {
		t.Fatal("port 70000 validated")
	}
	f.proxy.port.SetText("8080")
	f.proxy.user.SetText("ops")
	f.proxy.password.SetText("pw")
	f.proxy.atProxy.SetChecked(false)
	f.proxy.bypass.SetText("sw1.lan, 10.0.0.0/8")
	if err := f.validate(); err != nil {
		t.Fatal(err)
	}
	st := f.settings()
	want := proxy.Config{Kind: proxy.HTTP, Host: "proxy.corp", Port: 8080, User: "ops", Password: "pw", LocalDNS: true, Bypass: []string{"sw1.lan", "10.0.0.0/8"}}
	if !reflect.DeepEqual(st.Engine.Proxy, want) {
		t.Fatalf("proxy %+v; want %+v", st.Engine.Proxy, want)
	}
	saved := settings.ToProfile("Router", st, profiles.Profile{})
	wantSaved := profiles.ProxySettings{Kind: "http", Host: "proxy.corp", Port: 8080, User: "ops", LocalDNS: true, Bypass: "sw1.lan, 10.0.0.0/8", RememberPassword: true}
	if saved.Proxy != wantSaved {
		t.Fatalf("saved %+v; want %+v", saved.Proxy, wantSaved)
	}
	if settings.ProxyPasswordToKeep(st) != "pw" {
		t.Fatal("the typed password is not offered to the keychain")
	}
	// Opened again, the password field is empty and says the keychain has it.
	g := newConnectForm(settings.FromProfile(saved))
	if g.proxy.password.Text != "" || g.proxy.password.PlaceHolder != "the one in the keychain" || g.proxy.kind.Selected != "HTTP CONNECT" {
		t.Fatalf("reopened: password %q placeholder %q kind %q", g.proxy.password.Text, g.proxy.password.PlaceHolder, g.proxy.kind.Selected)
	}
}

func TestConnectFormValidation(t *testing.T) {
	f := newConnectForm(settings.Session{})
	test.Type(f.host, "mail.example.com")
	f.port.SetText("70000")
	if err := f.validate(); err == nil || !strings.Contains(err.Error(), "port") {
		t.Fatalf("port 70000 accepted: %v", err)
	}
	f.port.SetText("smtp")
	f.bind.SetText("not a host!")
	if err := f.validate(); err == nil {
		t.Fatal("bad bind address accepted")
	}
	f.bind.SetText("127.0.0.2")
	f.connType.SetSelected("Raw")
	f.escape.SetText("none")
	if err := f.validate(); err != nil {
		t.Fatal(err)
	}
	st := f.settings()
	if st.Engine.Host != "mail.example.com" || st.Engine.Port != "smtp" || st.Engine.Bind != "127.0.0.2" ||
		st.Engine.Negotiation != protocol.NegotiateRaw || st.Engine.Escape != escapechar.None {
		t.Fatalf("settings %+v", st.Engine)
	}
	f.host.SetText("")
	if err := f.validate(); err == nil {
		t.Fatal("empty host accepted")
	}
}

// TestPlaceHoldersFitTheirFields: every field's placeholder is shown
// whole in the New session dialog of a small window (800 × 600, the
// dialog then at its smallest); the Host one was reported cut off in
// issue 26.
func TestPlaceHoldersFitTheirFields(t *testing.T) {
	h := newTestHost(t)
	h.win.Resize(fyne.NewSize(800, 600))
	c, _ := newSessionDialog(t, h)
	for _, e := range c.form.entries() {
		if e.PlaceHolder == "" || !e.Visible() {
			continue
		}
		need := fyne.MeasureText(e.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding()
		if e.Size().Width < need {
			t.Errorf("placeholder %q needs %.0f, its field is %.0f wide", e.PlaceHolder, need, e.Size().Width)
		}
	}
}

// TestUserNameFieldSaysWhatItIsFor: the NEW-ENVIRON user name is labelled
// in a person's words (PuTTY's "Auto-login username"), with a hint saying
// when it is sent and that logon actions use it.
func TestUserNameFieldSaysWhatItIsFor(t *testing.T) {
	test.NewTempApp(t)
	f := newConnectForm(settings.Session{})
	item := formItemOf(f.content, f.user)
	if item == nil {
		t.Fatal("the user name field is in no form")
	}
	if item.Text != "Auto-login user name" {
		t.Errorf("label %q, want Auto-login user name", item.Text)
	}
	for _, want := range []string{"server that asks", "login prompt", "{user}"} {
		if !strings.Contains(item.HintText, want) {
			t.Errorf("hint %q does not say %q", item.HintText, want)
		}
	}
}

// formItemOf finds the form item that holds w anywhere under o.
func formItemOf(o fyne.CanvasObject, w fyne.CanvasObject) *widget.FormItem {
	switch o := o.(type) {
	case *widget.Form:
		for _, it := range o.Items {
			if it.Widget == w {
				return it
			}
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			if it := formItemOf(c, w); it != nil {
				return it
			}
		}
	}
	return nil
}
