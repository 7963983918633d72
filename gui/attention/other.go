//go:build !(((linux || freebsd || openbsd || netbsd) && cgo && !wayland) || windows)

package attention

func beep(uintptr) bool { return false }

func setUrgent(uintptr, bool) bool { return false }
