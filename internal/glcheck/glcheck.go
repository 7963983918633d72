// Package glcheck makes sure this computer can draw Tern's window before
// Fyne tries. Fyne needs OpenGL 2.1; Remote Desktop sessions and virtual
// machines without a graphics driver often offer only Windows' own OpenGL
// 1.1, and then a Fyne program just exits. Tern instead says what is
// missing and what to do, in a message box that needs no OpenGL and in a
// log file.
package glcheck

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// FakeVersionEnv, when set to a version such as "1.1", makes Check act as
// if the system's OpenGL were that version: a way for tests (and people
// curious about the message) to reach the failure on any computer.
const FakeVersionEnv = "TERN_FAKE_OPENGL_VERSION"

// Needed is the OpenGL version Fyne's driver asks for.
var Needed = Version{2, 1}

// Version is an OpenGL version.
type Version struct{ Major, Minor int }

func (v Version) String() string { return fmt.Sprintf("%d.%d", v.Major, v.Minor) }

// Less reports whether v is older than w.
func (v Version) Less(w Version) bool {
	return v.Major < w.Major || v.Major == w.Major && v.Minor < w.Minor
}

// ParseVersion reads the start of a GL_VERSION string:
// "major.minor[.release] [vendor information]".
func ParseVersion(s string) (Version, error) {
	num, _, _ := strings.Cut(strings.TrimSpace(s), " ")
	parts := strings.Split(num, ".")
	if len(parts) < 2 {
		return Version{}, fmt.Errorf("glcheck: %q is not an OpenGL version", s)
	}
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || major < 0 || minor < 0 {
		return Version{}, fmt.Errorf("glcheck: %q is not an OpenGL version", s)
	}
	return Version{major, minor}, nil
}

// TooOldError is an OpenGL older than Needed.
type TooOldError struct {
	Have     Version
	Renderer string // GL_RENDERER, such as "GDI Generic"; may be empty
}

func (e *TooOldError) Error() string {
	have := "OpenGL " + e.Have.String()
	if e.Renderer != "" {
		have += " (" + e.Renderer + ")"
	}
	return fmt.Sprintf("glcheck: OpenGL %s or later is needed; this computer offers %s", Needed, have)
}

// Check reports a *TooOldError when the OpenGL this computer offers is
// older than Needed, or FakeVersionEnv says so. Where Tern cannot ask
// (off Windows, where the window system reports a missing OpenGL itself),
// or the question fails, it returns nil and lets Fyne try.
func Check() error {
	if fake := os.Getenv(FakeVersionEnv); fake != "" {
		v, err := ParseVersion(fake)
		if err != nil {
			return err
		}
		return judge(v, "forced by "+FakeVersionEnv)
	}
	s, renderer, err := systemVersion()
	if err != nil || s == "" {
		return nil
	}
	v, err := ParseVersion(s)
	if err != nil {
		return nil
	}
	return judge(v, renderer)
}

func judge(v Version, renderer string) error {
	if v.Less(Needed) {
		return &TooOldError{Have: v, Renderer: renderer}
	}
	return nil
}

// Title is the message box's title.
const Title = "Tern cannot open its window"

// Message is what a person reads about err, naming the log file.
func Message(err error, logPath string) string {
	var b strings.Builder
	if e, ok := err.(*TooOldError); ok {
		fmt.Fprintf(&b, "Tern needs OpenGL %s or later to draw its window, and this computer offers only OpenGL %s", Needed, e.Have)
		if e.Renderer != "" {
			fmt.Fprintf(&b, " (%s)", e.Renderer)
		}
		b.WriteString(".\n\nThis happens in Remote Desktop sessions and in virtual machines without a graphics driver.\n\n")
	} else {
		fmt.Fprintf(&b, "%v\n\n", err)
	}
	b.WriteString(advice)
	if logPath != "" {
		fmt.Fprintf(&b, "\nThis message is also in %s.", logPath)
	}
	return b.String()
}

// LogPath is the log file: startup.log in Tern's folder of the user's
// configuration directory (%APPDATA%\Tern on Windows, ~/.config/Tern on
// Linux).
func LogPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "Tern", "startup.log"), nil
}

// Report writes the message about err to the log file and shows it in a
// native message box (on Windows; elsewhere on stderr), and returns the
// message. The box stays until the person closes it.
func Report(err error) string {
	path, perr := LogPath()
	if perr == nil {
		perr = appendLog(path, err)
	}
	if perr != nil {
		path = ""
	}
	msg := Message(err, path)
	if perr != nil {
		msg += "\n\n(Tern could not write its log file: " + perr.Error() + ")"
	}
	showBox(Title, msg)
	return msg
}

func appendLog(path string, err error) error {
	if e := os.MkdirAll(filepath.Dir(path), 0o700); e != nil {
		return e
	}
	f, e := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if e != nil {
		return e
	}
	text := strings.ReplaceAll(Message(err, ""), "\n", newline)
	_, e = fmt.Fprintf(f, "%s %s%s%s%s", time.Now().Format(time.RFC3339), Title, newline, text, newline+newline)
	if cerr := f.Close(); e == nil {
		e = cerr
	}
	return e
}

// showBox shows the message natively; tests replace it.
var showBox = nativeBox
