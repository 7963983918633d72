package profiles

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestCleanFolder(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""}, {"/", ""}, {" Site A / Core ", "Site A/Core"}, {"a//b/", "a/b"}, {`Routers\Core`, "Routers/Core"},
	} {
		if got := CleanFolder(c.in); got != c.want {
			t.Errorf("CleanFolder(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFoldersMoveAndRename(t *testing.T) {
	f := &File{}
	f.Put(Profile{Name: "core1", Folder: "Site A/Core"})
	f.Put(Profile{Name: "edge1", Folder: "Site A/Edge"})
	f.Put(Profile{Name: "lab", Folder: "lab"})
	f.Put(Profile{Name: "top"})
	if got, want := f.Folders(), []string{"lab", "Site A", "Site A/Core", "Site A/Edge"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("Folders() = %q, want %q", got, want)
	}
	if !f.Move("TOP", " Site B/ ") || f.Move("nobody", "x") {
		t.Fatal("Move")
	}
	if p, _ := f.Find("top"); p.Folder != "Site B" {
		t.Fatalf("moved to %q", p.Folder)
	}
	if n := f.RenameFolder("site a", "Campus/Site A"); n != 2 {
		t.Fatalf("renamed %d profiles, want 2", n)
	}
	if p, _ := f.Find("core1"); p.Folder != "Campus/Site A/Core" {
		t.Fatalf("core1 in %q", p.Folder)
	}
	if n := f.RenameFolder("lab", ""); n != 1 {
		t.Fatal("moving a folder's contents to the top level")
	}
	if p, _ := f.Find("lab"); p.Folder != "" {
		t.Fatalf("lab in %q", p.Folder)
	}
}

// TestOldFilesLoadWithoutFolders: a profiles file written before folders
// loads unchanged (every session at the top level), and saving it adds no
// folder field.
func TestOldFilesLoadWithoutFolders(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profiles.json")
	os.WriteFile(path, []byte(`{"version":1,"defaultSettings":{"name":""},"profiles":[{"name":"R","host":"r"}]}`), 0o600)
	s := &Store{Path: path}
	f, err := s.Load()
	if err != nil || len(f.Profiles) != 1 || f.Profiles[0].Folder != "" || len(f.Folders()) != 0 {
		t.Fatalf("%+v, %v", f, err)
	}
	if _, err := s.Update(func(f *File) error { return nil }); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if len(data) == 0 || contains(data, `"folder"`) {
		t.Fatalf("saved %s", data)
	}
}

func contains(b []byte, s string) bool { return strings.Contains(string(b), s) }

// TestFolderCommands: a session without quick commands of its own gets
// its folder's, or the nearest enclosing folder's; they follow a renamed
// folder and survive a save.
func TestFolderCommands(t *testing.T) {
	s := &Store{Path: filepath.Join(t.TempDir(), "profiles.json")}
	site := []QuickCommand{{Label: "Save", Send: "write memory"}}
	own := []QuickCommand{{Label: "Mine", Send: "show users"}}
	if _, err := s.Update(func(f *File) error {
		f.Put(Profile{Name: "core1", Folder: "Site A/Core"})
		f.Put(Profile{Name: "core2", Folder: "Site A/Core", QuickCommands: own})
		f.Put(Profile{Name: "top"})
		f.SetFolderCommands(" Site A/", site)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	f, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	core1, _ := f.Find("core1")
	core2, _ := f.Find("core2")
	top, _ := f.Find("top")
	if !reflect.DeepEqual(f.QuickCommandsFor(core1), site) || !reflect.DeepEqual(f.QuickCommandsFor(core2), own) || f.QuickCommandsFor(top) != nil {
		t.Fatalf("commands: core1 %+v, core2 %+v, top %+v", f.QuickCommandsFor(core1), f.QuickCommandsFor(core2), f.QuickCommandsFor(top))
	}
	f.RenameFolder("site a", "Campus/Site A")
	core1, _ = f.Find("core1")
	if !reflect.DeepEqual(f.QuickCommandsFor(core1), site) || f.FolderCommands["Campus/Site A"] == nil {
		t.Fatalf("after renaming the folder: %+v", f.FolderCommands)
	}
	f.SetFolderCommands("campus/site a", nil)
	if len(f.FolderCommands) != 0 {
		t.Fatalf("removed: %+v", f.FolderCommands)
	}
}
