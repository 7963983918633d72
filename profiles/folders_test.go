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
