package newsession

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/profiles"
)

// TestImportSummaryListsWhatWasLeftOut: sessions PuTTY saved are listed
// with what Tern could not take over; one with PuTTY's defaults is not.
func TestImportSummaryListsWhatWasLeftOut(t *testing.T) {
	res, err := profiles.ImportPuTTYDir("../../profiles/testdata/putty/sessions")
	if err != nil {
		t.Fatal(err)
	}
	got := importDetails(res)
	if !strings.Contains(got, "Switch echo off:\n") || !strings.Contains(got, "    Action to happen when a bell occurs (Beep=2)\n") {
		t.Errorf("the summary does not list the visual bell:\n%s", got)
	}
	if strings.Contains(got, "Telnet defaults") {
		t.Errorf("a session with PuTTY's defaults is listed:\n%s", got)
	}
	if importDetails(profiles.ImportResult{}) != "" {
		t.Error("an import that left nothing out has a summary")
	}
}

func TestSessionsInWords(t *testing.T) {
	for n, want := range map[int]string{0: "0 sessions", 1: "1 session", 2: "2 sessions"} {
		if got := sessionsText(n); got != want {
			t.Errorf("sessionsText(%d) = %q, want %q", n, got, want)
		}
	}
}
