//go:build windows

package attention

import (
	"syscall"
	"unsafe"
)

var (
	user32          = syscall.NewLazyDLL("user32.dll")
	procMessageBeep = user32.NewProc("MessageBeep")
	procFlashWindow = user32.NewProc("FlashWindowEx")
)

// flashInfo is Win32's FLASHWINFO.
type flashInfo struct {
	size    uint32
	hwnd    uintptr
	flags   uint32
	count   uint32
	timeout uint32
}

const (
	flashStop       = 0x0
	flashTray       = 0x2
	flashUntilFront = 0xc // FLASHW_TIMERNOFG
	mbOK            = 0x0
)

func beep(uintptr) bool {
	r, _, _ := procMessageBeep.Call(mbOK)
	return r != 0
}

func setUrgent(h uintptr, on bool) bool {
	if h == 0 {
		return false
	}
	fi := flashInfo{hwnd: h, flags: flashStop}
	if on {
		fi.flags = flashTray | flashUntilFront
	}
	fi.size = uint32(unsafe.Sizeof(fi))
	procFlashWindow.Call(uintptr(unsafe.Pointer(&fi)))
	return true
}
