package gui

import (
	"github.com/tern-telnet/tern/profiles"
)

// loadProfiles reads the store; a problem is shown once, in words.
func (w *mainWindow) loadProfiles() (*profiles.File, error) {
	f, err := w.store.Load()
	if err != nil && !w.reportedStoreProblem {
		w.reportedStoreProblem = true
		w.dialogs.Info("Saved sessions", err.Error())
	}
	return f, err
}
