package profiles

import (
	"errors"
	"testing"

	"github.com/zalando/go-keyring"
)

// TestRenameMovesThePassword: a renamed profile's password is under its
// new name only (issue 24: a rename left it under the old one).
func TestRenameMovesThePassword(t *testing.T) {
	keyring.MockInit()
	s := Secrets{}
	if err := s.Set("router", "pw-1"); err != nil {
		t.Fatal(err)
	}
	if err := s.Move("router", "core router"); err != nil {
		t.Fatal(err)
	}
	if pw, err := s.Get("core router"); err != nil || pw != "pw-1" {
		t.Fatalf("new name: %q, %v", pw, err)
	}
	if _, err := s.Get("router"); !errors.Is(err, ErrNoSecret) {
		t.Fatalf("the old name still has a password: %v", err)
	}
	if err := s.Move("nothing saved", "anything"); err != nil {
		t.Fatal(err)
	}
}

// TestProxyPasswordIsKeptApart: a session's proxy password and logon
// password are separate keychain entries, moved and deleted each alone.
func TestProxyPasswordIsKeptApart(t *testing.T) {
	keyring.MockInit()
	logonPw, proxyPw := Secrets{}, Secrets{Proxy: true}
	if err := logonPw.Set("router", "logon-pw"); err != nil {
		t.Fatal(err)
	}
	if err := proxyPw.Set("router", "proxy-pw"); err != nil {
		t.Fatal(err)
	}
	if a, _ := logonPw.Get("router"); a != "logon-pw" {
		t.Fatalf("logon password %q", a)
	}
	if err := proxyPw.Move("router", "core"); err != nil {
		t.Fatal(err)
	}
	if b, err := proxyPw.Get("core"); err != nil || b != "proxy-pw" {
		t.Fatalf("moved proxy password %q, %v", b, err)
	}
	if a, _ := logonPw.Get("router"); a != "logon-pw" {
		t.Fatalf("moving the proxy password moved the logon one: %q", a)
	}
	if err := proxyPw.Delete("core"); err != nil {
		t.Fatal(err)
	}
	if _, err := proxyPw.Get("core"); !errors.Is(err, ErrNoSecret) {
		t.Fatalf("deleted proxy password: %v", err)
	}
}
