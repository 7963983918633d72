//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"
)

// Where the New session dialog shows the folder test's rows (the window
// at its default size, the dialog in its middle).
const (
	folderRowX          = 150
	labHeaderY, topRowY = 188, 387 // "▾ Lab (1)" and the top-level "Top"
)

// savedFolder reads a session's folder from the profiles file.
func savedFolder(t *testing.T, path, name string) string {
	t.Helper()
	var f struct {
		Profiles []struct{ Name, Folder string }
	}
	b, _ := os.ReadFile(path)
	json.Unmarshal(b, &f)
	for _, p := range f.Profiles {
		if p.Name == name {
			return p.Folder
		}
	}
	return "?"
}

// TestDragASessionIntoAFolder: in the New session dialog's list, saved
// sessions show in their folders, and a session dragged with the mouse
// onto a folder's line is saved in that folder.
func TestDragASessionIntoAFolder(t *testing.T) {
	env, path := writeProfiles(t,
		map[string]any{"name": "core1", "host": "10.0.0.1", "folder": "Site A/Core"},
		map[string]any{"name": "lab1", "host": "10.9.0.1", "folder": "Lab"},
		map[string]any{"name": "Top", "host": "top.lan"})
	a := LaunchWith(t, env)
	a.Screenshot("70-session-folders")
	a.run("xdotool", "mousemove", "--window", a.Window, fmt.Sprint(folderRowX), fmt.Sprint(topRowY), "mousedown", "1")
	for y := topRowY; y >= labHeaderY; y -= 6 {
		a.run("xdotool", "mousemove", "--window", a.Window, fmt.Sprint(folderRowX), fmt.Sprint(y))
		time.Sleep(15 * time.Millisecond)
	}
	a.run("xdotool", "mouseup", "1")
	Eventually(t, "Top saved in folder Lab", func() bool { return savedFolder(t, path, "Top") == "Lab" })
	a.Screenshot("71-dragged-into-lab")
}
