//go:build !windows

package main

import "os"

// attachConsole reports whether what Tern prints can be read: stderr goes
// somewhere (a terminal, a pipe or a file).
func attachConsole() bool {
	_, err := os.Stderr.Stat()
	return err == nil
}
