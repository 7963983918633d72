package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachConsole reports whether what Tern prints can be read. Tern.exe is
// a GUI program, so Windows gives it no console: started from cmd.exe or
// PowerShell its stdout and stderr go nowhere, unless they were
// redirected. It then attaches to the console of the program that
// started it, as many Windows GUI programs do, and prints there. From a
// double-click there is none, and the window shows the text instead.
func attachConsole() bool {
	if _, err := os.Stderr.Stat(); err == nil {
		return true // redirected to a file or a pipe
	}
	if windows.AttachConsole(windows.ATTACH_PARENT_PROCESS) != nil {
		return false
	}
	out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	if _, err := os.Stdout.Stat(); err != nil {
		os.Stdout = out
	}
	os.Stderr = out
	return true
}
