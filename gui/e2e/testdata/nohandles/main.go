//go:build windows

// Command nohandles starts a program the way Windows starts a GUI program
// from a console: with no standard handles. (Wine hands its own console's
// handles to any program it starts, so the test of Tern's AttachConsole
// needs this.) It waits for the program, says how it ended, and stays a
// minute so that its console can be read.
package main

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"time"
	"unsafe"
)

func main() {
	line, err := syscall.UTF16PtrFromString(strings.Join(os.Args[1:], " "))
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	si := syscall.StartupInfo{Flags: syscall.STARTF_USESTDHANDLES} // and every handle 0
	si.Cb = uint32(unsafe.Sizeof(si))
	var pi syscall.ProcessInformation
	if err := syscall.CreateProcess(nil, line, nil, nil, false, 0, nil, nil, &si, &pi); err != nil {
		fmt.Println("cannot start:", err)
		os.Exit(1)
	}
	syscall.WaitForSingleObject(pi.Process, syscall.INFINITE)
	var code uint32
	syscall.GetExitCodeProcess(pi.Process, &code)
	if code == 0 {
		fmt.Println("it ended well") // in words: screen-reading mistakes 0 for @
	} else {
		fmt.Println("it ended with status", code)
	}
	time.Sleep(time.Minute)
}
