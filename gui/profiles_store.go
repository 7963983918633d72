package gui

import (
	"encoding/json"
	"os"

	"github.com/tern-telnet/tern/profiles"
)

// openStore finds the profiles file: TERN_PROFILES, or the user's
// configuration folder.
func openStore() *profiles.Store {
	if p := os.Getenv("TERN_PROFILES"); p != "" {
		return &profiles.Store{Path: p}
	}
	path, err := profiles.DefaultPath()
	if err != nil {
		path = "tern-profiles.json"
	}
	return &profiles.Store{Path: path}
}

// loadProfiles reads the store; a problem is shown once, in words.
func (w *mainWindow) loadProfiles() (*profiles.File, error) {
	f, err := w.store.Load()
	if err != nil && !w.reportedStoreProblem {
		w.reportedStoreProblem = true
		w.showInfo("Saved sessions", err.Error())
	}
	return f, err
}

func marshalIndent(f *profiles.File) ([]byte, error) {
	b, err := json.MarshalIndent(f, "", "  ")
	return append(b, '\n'), err
}
