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
