package profiles

import (
	"syscall"

	"golang.org/x/sys/windows"
	"testing"
)

// makeUnreadable holds path open without sharing, as an editor, a backup
// or a virus scanner may, and returns the words Load should give. (Mode
// bits only make a file read-only on Windows; a program holding a file is
// what Windows users meet.) The handle is closed when the test ends.
func makeUnreadable(t *testing.T, path string) string {
	t.Helper()
	name, err := syscall.UTF16PtrFromString(path)
	if err != nil {
		t.Fatal(err)
	}
	const shareNothing = 0
	h, err := syscall.CreateFile(name, syscall.GENERIC_READ, shareNothing, nil, syscall.OPEN_EXISTING, syscall.FILE_ATTRIBUTE_NORMAL, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.CloseHandle(h) })
	return windows.ERROR_SHARING_VIOLATION.Error()
}
