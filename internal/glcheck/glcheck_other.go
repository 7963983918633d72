//go:build !windows

package glcheck

import (
	"fmt"
	"os"
)

const newline = "\n"

// advice says what to do off Windows.
const advice = "What to do:\n" +
	"- install or update the graphics driver; or\n" +
	"- install Mesa's OpenGL (on Debian and Ubuntu: sudo apt install libgl1-mesa-dri), " +
	"then start Tern again.\n"

// systemVersion is not asked off Windows: there GLFW itself reports a
// missing OpenGL (and Mesa's software OpenGL is nearly always installed).
func systemVersion() (version, renderer string, err error) { return "", "", nil }

// nativeBox writes to stderr: with no usable OpenGL there is no toolkit
// to draw a box with, and whoever started Tern from a terminal reads it.
func nativeBox(title, text string) {
	fmt.Fprintf(os.Stderr, "tern: %s\n%s\n", title, text)
}
