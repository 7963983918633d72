package glcheck

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseVersion(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Version
		ok   bool
	}{
		{"1.1.0", Version{1, 1}, true}, // Windows' GDI Generic
		{"2.1 Mesa 22.3.6", Version{2, 1}, true},
		{"4.5 (Compatibility Profile) Mesa 22.3.6", Version{4, 5}, true},
		{"3.3.0 NVIDIA 535.54.03", Version{3, 3}, true},
		{"4.6.0 - Build 31.0.101.2111", Version{4, 6}, true},
		{" 2.0 ", Version{2, 0}, true},
		{"", Version{}, false},
		{"OpenGL ES 3.2", Version{}, false},
		{"2", Version{}, false},
		{"2.x", Version{}, false},
	} {
		got, err := ParseVersion(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseVersion(%q) = %v, %v; want %v (ok %v)", c.in, got, err, c.want, c.ok)
		}
	}
}

func TestFakeVersionIsJudged(t *testing.T) {
	for _, c := range []struct {
		fake    string
		tooOld  bool
		renders string
	}{
		{"1.1", true, "OpenGL 2.1 or later is needed; this computer offers OpenGL 1.1"},
		{"2.0", true, "offers OpenGL 2.0"},
		{"2.1", false, ""},
		{"4.6", false, ""},
	} {
		t.Setenv(FakeVersionEnv, c.fake)
		err := Check()
		var old *TooOldError
		if errors.As(err, &old) != c.tooOld || err != nil && !strings.Contains(err.Error(), c.renders) {
			t.Errorf("%s: got %v", c.fake, err)
		}
	}
	t.Setenv(FakeVersionEnv, "one point one")
	if err := Check(); err == nil {
		t.Error("a fake version that is no version was accepted")
	}
}

// TestReportLogsAndShows: the message box and the log file say the same:
// what is missing, what to do, and where the log is.
func TestReportLogsAndShows(t *testing.T) {
	home := t.TempDir()
	t.Setenv("APPDATA", filepath.Join(home, "AppData", "Roaming")) // Windows
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))    // Linux and the BSDs
	t.Setenv("HOME", home)                                         // macOS
	var shownTitle, shown string
	showBox = func(title, text string) { shownTitle, shown = title, text }
	t.Cleanup(func() { showBox = nativeBox })

	t.Setenv(FakeVersionEnv, "1.1")
	msg := Report(Check())

	path, err := LogPath()
	if err != nil {
		t.Fatal(err)
	}
	if shownTitle != Title || shown != msg {
		t.Fatalf("box %q: %q\nreturned %q", shownTitle, shown, msg)
	}
	for _, want := range []string{"Tern needs OpenGL 2.1 or later", "only OpenGL 1.1 (forced by " + FakeVersionEnv + ")", "What to do:", "This message is also in " + path + "."} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	log, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body := strings.ReplaceAll(Message(Check(), ""), "\n", newline)
	if !strings.Contains(string(log), Title+newline+body) {
		t.Fatalf("log %s:\n%s", path, log)
	}
	Report(Check()) // a second start appends
	if again, _ := os.ReadFile(path); strings.Count(string(again), Title) != 2 {
		t.Fatalf("log after two reports:\n%s", again)
	}
}
