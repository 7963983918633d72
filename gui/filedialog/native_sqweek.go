//go:build windows || darwin

package filedialog

import (
	"errors"
	"path/filepath"

	"github.com/sqweek/dialog"
)

// On Windows (the common file dialog, pure Go: it builds without cgo)
// and macOS (NSSavePanel), sqweek/dialog shows the platform's own.

func nativeSave(name, dir string) (string, error) {
	path, err := dialog.File().SetStartDir(dir).SetStartFile(name).Title("Save").Save()
	return path, native(err)
}

func nativeOpen(dir string) (string, error) {
	path, err := dialog.File().SetStartDir(dir).Title("Open").Load()
	return filepath.Clean(path), native(err)
}

// native maps sqweek's cancel to errCancelled.
func native(err error) error {
	if errors.Is(err, dialog.ErrCancelled) {
		return errCancelled
	}
	return err
}
