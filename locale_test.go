package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestNoLocaleErrorAtStartUp starts this test binary again (it links what
// Tern links, with the same package initialisation order) under C and POSIX
// locales and checks Fyne printed nothing about the locale.
func TestNoLocaleErrorAtStartUp(t *testing.T) {
	if os.Getenv("TERN_LOCALE_CHILD") != "" {
		t.Skip("the child only starts up")
	}
	for _, env := range []string{"LANG=C", "LANG=C.UTF-8", "LANG=C.utf8", "LANG=POSIX", "LC_ALL=C.UTF-8", "LC_MESSAGES=POSIX.UTF-8", "LANG="} {
		t.Run(env, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestNoLocaleErrorAtStartUp$", "-test.count=1")
			cmd.Env = append(withoutLocale(os.Environ()), "TERN_LOCALE_CHILD=1", env)
			var stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stderr, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("child: %v\n%s", err, stderr.Bytes())
			}
			if out := stderr.String(); strings.Contains(out, "locale") {
				t.Fatalf("start-up printed:\n%s", out)
			}
		})
	}
}

// withoutLocale drops the locale variables from env.
func withoutLocale(env []string) []string {
	var kept []string
	for _, kv := range env {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES":
			continue
		}
		kept = append(kept, kv)
	}
	return kept
}

// TestLocaleIsRestoredBeforeMain: by the time main runs, the locale
// variable is the one Tern was started with (a proxy command inherits it).
func TestLocaleIsRestoredBeforeMain(t *testing.T) {
	if os.Getenv("TERN_LOCALE_CHILD") != "" {
		if got := os.Getenv("LANG"); got != "C.UTF-8" {
			t.Fatalf("LANG = %q after start-up, want C.UTF-8", got)
		}
		return
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestLocaleIsRestoredBeforeMain$", "-test.count=1")
	cmd.Env = append(withoutLocale(os.Environ()), "TERN_LOCALE_CHILD=1", "LANG=C.UTF-8")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
}
