//go:build (linux || freebsd || openbsd || netbsd) && cgo && !wayland

package attention

/*
#cgo LDFLAGS: -lX11
#include <stdlib.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>

// Xlib's default error handler ends the process: a window that went
// away (BadWindow) must not take Tern with it. Each call below installs
// ternIgnore, waits for the server's answer, and puts the old one back.
static int ternIgnore(Display *d, XErrorEvent *e) { return 0; }

typedef int (*ternHandler)(Display *, XErrorEvent *);

static ternHandler ternGuard(void) { return XSetErrorHandler(ternIgnore); }

static void ternUnguard(Display *d, ternHandler old) { XSync(d, False); XSetErrorHandler(old); }

static void ternBell(Display *d) { ternHandler old = ternGuard(); XBell(d, 0); ternUnguard(d, old); }

// ternUrgent sets or clears XUrgencyHint in the window's WM_HINTS,
// keeping the other hints.
static void ternUrgent(Display *d, Window w, int on) {
	ternHandler old = ternGuard();
	XWMHints *h = XGetWMHints(d, w);
	if (!h) h = XAllocWMHints();
	if (h) {
		if (on) h->flags |= XUrgencyHint; else h->flags &= ~XUrgencyHint;
		XSetWMHints(d, w, h);
		XFree(h);
	}
	ternUnguard(d, old);
}

static int ternIsUrgent(Display *d, Window w) {
	ternHandler old = ternGuard();
	XWMHints *h = XGetWMHints(d, w);
	int on = h && (h->flags & XUrgencyHint) != 0;
	if (h) XFree(h);
	ternUnguard(d, old);
	return on;
}

static Window ternRoot(Display *d) { return DefaultRootWindow(d); }
*/
import "C"

import "sync"

// The package's own connection to the X server (the window IDs Fyne's
// driver gives are the server's, good on any connection); opened on first
// use, guarded by mu since Xlib is not thread-safe.
var (
	mu      sync.Mutex
	display *C.Display
	opened  bool
)

func conn() *C.Display {
	if !opened {
		opened = true
		display = C.XOpenDisplay(nil)
	}
	return display
}

func beep(h uintptr) bool {
	mu.Lock()
	defer mu.Unlock()
	d := conn()
	if d == nil || h == 0 {
		return false
	}
	C.ternBell(d)
	return true
}

func setUrgent(h uintptr, on bool) bool {
	mu.Lock()
	defer mu.Unlock()
	d := conn()
	if d == nil || h == 0 {
		return false
	}
	flag := C.int(0)
	if on {
		flag = 1
	}
	C.ternUrgent(d, C.Window(h), flag)
	return true
}

// isUrgent and rootWindow are for the tests.
func isUrgent(h uintptr) bool {
	mu.Lock()
	defer mu.Unlock()
	d := conn()
	return d != nil && C.ternIsUrgent(d, C.Window(h)) != 0
}

func rootWindow() uintptr {
	mu.Lock()
	defer mu.Unlock()
	d := conn()
	if d == nil {
		return 0
	}
	return uintptr(C.ternRoot(d))
}
