package gui

import (
	"bufio"
	"net"
	"strings"
	"sync"
	"testing"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/gui/settings"
	"github.com/tern-telnet/tern/internal/loopserver"
	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/logon"
)

// ciscoRouter is a scripted IOS-style router: Username, Password, the
// user EXEC prompt, enable with its own secret, the privileged prompt.
// It records the secrets it was given.
type ciscoRouter struct {
	mu               sync.Mutex
	password, enable []string
}

func (r *ciscoRouter) serve(c net.Conn) {
	in := bufio.NewReader(c)
	line := func() string {
		s, _ := in.ReadString('\n')
		return strings.Trim(s, "\r\n\x00")
	}
	c.Write([]byte("\r\nUser Access Verification\r\n\r\nUsername: "))
	line()
	c.Write([]byte("\r\nPassword: "))
	pw := line()
	c.Write([]byte("\r\nr1>"))
	line() // enable
	c.Write([]byte("\r\nPassword: "))
	en := line()
	r.mu.Lock()
	r.password, r.enable = append(r.password, pw), append(r.enable, en)
	r.mu.Unlock()
	c.Write([]byte("\r\nr1#"))
	line() // terminal length 0
	c.Write([]byte("\r\nr1#"))
	line()
}

func (r *ciscoRouter) got() (password, enable []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.password...), append([]string(nil), r.enable...)
}

// TestCiscoSendsTheEnableSecretNotThePassword: the Cisco template asks
// for the password and then the enable secret; enable gets its own
// secret, kept in its own keychain entry when Remember is ticked; a
// second tab to the router asks nothing and sends the same two.
func TestCiscoSendsTheEnableSecretNotThePassword(t *testing.T) {
	profiles.MockKeychain()
	t.Cleanup(panel.ForgetRunPasswords)
	router := &ciscoRouter{}
	srv := loopserver.StartScripted(t, router.serve)
	w := newTestWindow(t)
	p := profiles.Profile{Name: "Router", Host: "127.0.0.1", Port: srv.Port(), User: "admin", Logon: logon.Cisco, Negotiation: "passive"}
	if _, err := w.store.Update(func(f *profiles.File) error { f.Put(p); return nil }); err != nil {
		t.Fatal(err)
	}
	first := w.OpenSession(settings.FromProfile(p))
	w.win.Resize(w.win.Canvas().Size().AddWidthHeight(1, 1))
	for _, secret := range []string{"Login-Pw-1", "Enable-Pw-2"} {
		var q logonQuestion
		waitUntil(t, "the question for "+secret, func() bool { var ok bool; q, ok = shownLogonQuestion(t, w); return ok })
		q.answer(secret, true)
	}
	waitUntil(t, "the first logon", func() bool { return first.LogonStatus() == "Logon: done" })
	if pw, en := router.got(); len(pw) != 1 || pw[0] != "Login-Pw-1" || en[0] != "Enable-Pw-2" {
		t.Fatalf("the router got password %q, enable %q", pw, en)
	}
	if got, _ := (profiles.Secrets{Enable: true}).Get("Router"); got != "Enable-Pw-2" {
		t.Fatalf("the enable secret's keychain entry holds %q", got)
	}
	if got, _ := (profiles.Secrets{}).Get("Router"); got != "Login-Pw-1" {
		t.Fatalf("the password's keychain entry holds %q", got)
	}
	file, _ := w.store.Load()
	if saved, _ := file.Find("Router"); !saved.RememberEnable || !saved.RememberPassword {
		t.Fatalf("the profile is not marked: %+v", saved)
	}

	second := w.OpenSession(settings.FromProfile(p))
	waitUntil(t, "the second logon", func() bool {
		if _, asked := shownLogonQuestion(t, w); asked {
			t.Fatal("the second tab asked again")
		}
		return second.LogonStatus() == "Logon: done"
	})
	if pw, en := router.got(); len(en) != 2 || pw[1] != "Login-Pw-1" || en[1] != "Enable-Pw-2" {
		t.Fatalf("the second logon sent password %q, enable %q", pw, en)
	}
}
