package gui

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/profiles"
)

// TestImportSummaryListsWhatWasLeftOut: a session is listed with what
// Tern could not take over (a font face); one with PuTTY's defaults, or
// whose settings all came over (the PuTTY-saved sessions, bell included),
// is not.
func TestImportSummaryListsWhatWasLeftOut(t *testing.T) {
	res, err := profiles.ImportPuTTYDir("../profiles/testdata/putty/sessions")
	if err != nil {
		t.Fatal(err)
	}
	got := importDetails(res)
	if strings.Contains(got, "Telnet defaults") {
		t.Errorf("a session with PuTTY's defaults is listed:\n%s", got)
	}
	edited, err := profiles.ImportPuTTYDir("../profiles/testdata/putty/edited")
	if err != nil {
		t.Fatal(err)
	}
	if got := importDetails(edited); !strings.Contains(got, "Hand edited:\n") || !strings.Contains(got, "    Font face DejaVu Sans Mono") {
		t.Errorf("the summary does not list the font face:\n%s", got)
	}
	if importDetails(profiles.ImportResult{}) != "" {
		t.Error("an import that left nothing out has a summary")
	}
}
