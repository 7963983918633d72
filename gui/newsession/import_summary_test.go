package newsession

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/profiles/putty"
)

// TestImportSummaryListsWhatWasLeftOut: a session is listed with what
// Tern could not take over (a font face); one with PuTTY's defaults, or
// whose settings all came over (the PuTTY-saved sessions, bell included),
// is not.
func TestImportSummaryListsWhatWasLeftOut(t *testing.T) {
	res, err := putty.ImportDir("../../profiles/putty/testdata/putty/sessions")
	if err != nil {
		t.Fatal(err)
	}
	got := importDetails(res)
	if strings.Contains(got, "Telnet defaults") {
		t.Errorf("a session with PuTTY's defaults is listed:\n%s", got)
	}
	edited, err := putty.ImportDir("../../profiles/putty/testdata/putty/edited")
	if err != nil {
		t.Fatal(err)
	}
	if got := importDetails(edited); !strings.Contains(got, "Hand edited:\n") || !strings.Contains(got, "    Font face DejaVu Sans Mono") {
		t.Errorf("the summary does not list the font face:\n%s", got)
	}
	if importDetails(putty.ImportResult{}) != "" {
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
