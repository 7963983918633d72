//go:build !windows

package profiles

import (
	"os"
	"testing"
)

// makeUnreadable takes the read permission away (mode 0) and returns the
// words Load should give. Root reads any file, so for root a folder takes
// the file's place instead.
func makeUnreadable(t *testing.T, path string) string {
	t.Helper()
	if os.Geteuid() == 0 {
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(path, 0o700); err != nil {
			t.Fatal(err)
		}
		return "is a directory"
	}
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	return "permission denied"
}
