package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is AttachConsole's "the console of my parent".
const attachParentProcess = 0xFFFFFFFF // (DWORD)-1

var attachConsoleProc = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// attachConsole reports whether what Tern prints can be read. Tern.exe is
// a GUI program, so Windows gives it no console: started from cmd.exe or
// PowerShell its stdout and stderr go nowhere, unless they were
// redirected. It then attaches to the console of the program that
// started it, as many Windows GUI programs do, and prints there. From a
// double-click there is none, and the window shows the text instead.
func attachConsole() bool {
	if goesSomewhere(os.Stderr) {
		return true // redirected to a file or a pipe
	}
	// ERROR_ACCESS_DENIED: already attached to a console (Wine gives a GUI
	// program its parent's console, though no handles to it).
	if r, _, err := attachConsoleProc.Call(attachParentProcess); r == 0 && err != windows.ERROR_ACCESS_DENIED {
		return false
	}
	out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	if !goesSomewhere(os.Stdout) {
		os.Stdout = out
	}
	os.Stderr = out
	return true
}

// goesSomewhere reports whether f is a handle Windows knows (a file, a
// pipe or a console), not the nothing a GUI program is given.
func goesSomewhere(f *os.File) bool {
	h := windows.Handle(f.Fd()) // an invalid handle for a nil f
	if h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}
