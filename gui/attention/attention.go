// Package attention asks the desktop to notice a window when a terminal
// rings its bell: the system's bell sound, and a mark on the window's
// taskbar entry while it is in the background (PuTTY's "Taskbar/caption
// indication on bell"). Fyne has neither, so each goes to the system
// through the window's native handle (Fyne's driver.NativeWindow):
//
//   - X11: XBell for the sound; the ICCCM urgency hint (XUrgencyHint in
//     WM_HINTS) for the taskbar, cleared again by Clear.
//   - Windows: MessageBeep(MB_OK); FlashWindowEx with FLASHW_TRAY and
//     FLASHW_TIMERNOFG, which flashes until the window comes to the front.
//   - macOS and Wayland: nothing (Beep and Request report false); the
//     tab's own mark and the window flash still show the bell.
package attention

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// Beep plays the system's bell sound for w; false when this system has
// no way Tern knows.
func Beep(w fyne.Window) bool { return beep(handle(w)) }

// Request marks w's taskbar entry until Clear (or, on Windows, until the
// window comes to the front); false when this system has no way.
func Request(w fyne.Window) bool { return setUrgent(handle(w), true) }

// Clear removes Request's mark.
func Clear(w fyne.Window) { setUrgent(handle(w), false) }

// handle is w's native window: an X11 window ID or a Windows HWND, 0
// when there is none (a test window, another system).
func handle(w fyne.Window) uintptr {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return 0
	}
	var h uintptr
	nw.RunNative(func(ctx any) {
		switch c := ctx.(type) {
		case driver.X11WindowContext:
			h = c.WindowHandle
		case driver.WindowsWindowContext:
			h = c.HWND
		}
	})
	return h
}
