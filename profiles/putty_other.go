//go:build !windows

package profiles

import "errors"

// ImportPuTTYRegistry is Windows-only; elsewhere PuTTY keeps its sessions
// in ~/.putty/sessions (ImportPuTTYDir).
func ImportPuTTYRegistry() (ImportResult, error) {
	return ImportResult{}, errors.New("the PuTTY registry exists only on Windows; import ~/.putty/sessions or a .reg file instead")
}
