package profiles

import (
	"errors"
	"testing"
)

// TestKeychainReadyAnswersOnceAndWraps: whatever this machine has, the
// answer is stable and a missing keychain is ErrNoKeychain.
func TestKeychainReadyAnswersOnceAndWraps(t *testing.T) {
	first := KeychainReady()
	if first != nil && !errors.Is(first, ErrNoKeychain) {
		t.Fatalf("KeychainReady() = %v, want nil or ErrNoKeychain", first)
	}
	if again := KeychainReady(); again != first {
		t.Fatalf("second answer %v, first %v", again, first)
	}
}
