//go:build !windows

package putty

import "errors"

// ImportRegistry is Windows-only; elsewhere PuTTY keeps its sessions
// in ~/.putty/sessions (ImportDir).
func ImportRegistry() (ImportResult, error) {
	return ImportResult{}, errors.New("the PuTTY registry exists only on Windows; import ~/.putty/sessions or a .reg file instead")
}

// ImportKiTTYRegistry is Windows-only; a portable KiTTY keeps its sessions
// in its Sessions folder (ImportKiTTYDir).
func ImportKiTTYRegistry() (ImportResult, error) {
	return ImportResult{}, errors.New("the KiTTY registry exists only on Windows; import a portable KiTTY's Sessions folder or a .reg file instead")
}
