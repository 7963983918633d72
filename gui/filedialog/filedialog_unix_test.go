//go:build !windows && !darwin

package filedialog

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// fakeHelper puts a program called name on an otherwise empty PATH: a
// shell script that records its arguments and runs body. The session bus
// is out of reach, so no desktop portal is found.
func fakeHelper(t *testing.T, name, body string) (args string) {
	dir := t.TempDir()
	args = filepath.Join(dir, "args")
	script := "#!/bin/sh\necho \"$@\" > " + args + "\n" + body + "\n"
	if name != "" {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(dir, "no-bus"))
	return args
}

// save runs Save with a test window and waits for its answer (or, when
// Fyne's dialog is shown instead, for that).
func save(t *testing.T, name string) (w fyne.URIWriteCloser, called bool, win fyne.Window) {
	win = test.NewTempApp(t).NewWindow("t")
	win.Resize(fyne.NewSize(800, 600))
	ui := make(chan func(), 1)
	Save(win, func(f func()) { ui <- f }, name, func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			t.Errorf("Save: %v", err)
		}
		w, called = wc, true
	})
	select {
	case f := <-ui:
		f()
	case <-time.After(5 * time.Second):
		t.Fatal("no answer within 5 s")
	}
	return w, called, win
}

// TestSaveUsesZenityThenFyne: with zenity installed its dialog is asked
// (save, confirm overwrite, the name offered in the home folder) and the
// file chosen is written; Cancel (exit 1) answers nil; without zenity or
// kdialog, Fyne's own dialog is shown.
func TestSaveUsesZenityThenFyne(t *testing.T) {
	chosen := filepath.Join(t.TempDir(), "transcript.txt")
	args := fakeHelper(t, "zenity", "echo "+chosen)
	wc, called, _ := save(t, "r1.txt")
	if !called || wc == nil {
		t.Fatal("no writer for the file zenity chose")
	}
	wc.Write([]byte("saved"))
	wc.Close()
	if got, _ := os.ReadFile(chosen); string(got) != "saved" {
		t.Fatalf("the chosen file holds %q", got)
	}
	home, _ := os.UserHomeDir()
	if got, _ := os.ReadFile(args); string(got) != "--file-selection --save --confirm-overwrite --filename="+filepath.Join(home, "r1.txt")+"\n" {
		t.Fatalf("zenity was run with %q", got)
	}

	fakeHelper(t, "zenity", "exit 1")
	if wc, called, _ := save(t, "r1.txt"); !called || wc != nil {
		t.Fatalf("Cancel: called %v, writer %v", called, wc)
	}

	fakeHelper(t, "", "")
	_, called, win := save(t, "r1.txt")
	if called || win.Canvas().Overlays().Top() == nil {
		t.Fatalf("without a native dialog: called %v, Fyne's dialog shown %v", called, win.Canvas().Overlays().Top() != nil)
	}
}

// TestOpenUsesKdialog: kdialog is used when zenity is not there.
func TestOpenUsesKdialog(t *testing.T) {
	chosen := filepath.Join(t.TempDir(), "sessions.reg")
	os.WriteFile(chosen, []byte("REGEDIT4"), 0o600)
	args := fakeHelper(t, "kdialog", "echo "+chosen)
	win := test.NewTempApp(t).NewWindow("t")
	ui := make(chan func(), 1)
	var got []byte
	Open(win, func(f func()) { ui <- f }, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			t.Fatalf("Open: %v, %v", r, err)
		}
		defer r.Close()
		got = make([]byte, 8)
		r.Read(got)
	})
	(<-ui)()
	if string(got) != "REGEDIT4" {
		t.Fatalf("read %q", got)
	}
	if a, _ := os.ReadFile(args); len(a) == 0 || string(a[:len("--getopenfilename")]) != "--getopenfilename" {
		t.Fatalf("kdialog was run with %q", a)
	}
}
