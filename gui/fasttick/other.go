//go:build !linux || wayland || !cgo

package fasttick

// Start reports that keys wait for Fyne's tick here.
func Start() bool { return false }

// Shown does nothing where keys are not read early.
func Shown() {}

// Counts is zero where keys are not read early.
func Counts() (earlyReads, echoesDrawn, answersDrawn uint64) { return 0, 0, 0 }

// Rests is zero where Fyne's tick is never held.
func Rests() uint64 { return 0 }
