package profiles

import (
	"slices"
	"strings"
)

// Folders: a profile's Folder is a path of folder names separated by "/"
// ("Site A/Core switches"); "" is the top level. A folder exists while a
// profile is in it or in a folder inside it.

// MaxFolderDepth bounds how deep folders nest.
const MaxFolderDepth = 16

// CleanFolder tidies a folder path as a person or an import wrote it:
// spaces around each name trimmed, empty names (a leading, trailing or
// doubled "/") dropped, at most MaxFolderDepth levels.
func CleanFolder(folder string) string {
	var parts []string
	for _, name := range strings.FieldsFunc(folder, func(r rune) bool { return r == '/' || r == '\\' }) {
		if name = strings.TrimSpace(name); name != "" && len(parts) < MaxFolderDepth {
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, "/")
}

// JoinFolder is the folder name inside parent.
func JoinFolder(parent, name string) string { return CleanFolder(parent + "/" + name) }

// InFolder reports whether folder is dir or inside it.
func InFolder(folder, dir string) bool {
	return strings.EqualFold(folder, dir) || len(folder) > len(dir) && strings.EqualFold(folder[:len(dir)], dir) && folder[len(dir)] == '/'
}

// Folders lists every folder that holds a profile, with the folders it is
// in, sorted (a parent before its children), without case duplicates.
func (f *File) Folders() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range f.Profiles {
		parts := strings.Split(CleanFolder(p.Folder), "/")
		for i := range parts {
			dir := strings.Join(parts[:i+1], "/")
			if dir != "" && !seen[strings.ToLower(dir)] {
				seen[strings.ToLower(dir)] = true
				out = append(out, dir)
			}
		}
	}
	slices.SortFunc(out, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	return out
}

// Move files the profile called name in folder; it reports whether there
// was one.
func (f *File) Move(name, folder string) bool {
	key := Profile{Name: name}.Key()
	for i := range f.Profiles {
		if f.Profiles[i].Key() == key {
			f.Profiles[i].Folder = CleanFolder(folder)
			return true
		}
	}
	return false
}

// RenameFolder renames (or moves) folder old to new, the folders inside
// it too, and returns how many profiles moved. new "" moves old's
// contents to the top level.
func (f *File) RenameFolder(old, new string) int {
	old, new = CleanFolder(old), CleanFolder(new)
	if old == "" {
		return 0
	}
	n := 0
	for i := range f.Profiles {
		folder := CleanFolder(f.Profiles[i].Folder)
		if InFolder(folder, old) {
			f.Profiles[i].Folder = CleanFolder(new + folder[len(old):])
			n++
		}
	}
	moved := map[string][]QuickCommand{}
	for dir, cmds := range f.FolderCommands {
		if folder := CleanFolder(dir); InFolder(folder, old) {
			delete(f.FolderCommands, dir)
			if to := CleanFolder(new + folder[len(old):]); to != "" {
				moved[to] = cmds
			}
		}
	}
	for dir, cmds := range moved { // after the loop: a folder moved into itself is moved once
		f.FolderCommands[dir] = cmds
	}
	return n
}

// QuickCommandsFor is the quick-command bar of a session: its own
// commands, or else those of its folder or the nearest folder it is in
// that has some.
func (f *File) QuickCommandsFor(p Profile) []QuickCommand {
	if len(p.QuickCommands) > 0 {
		return p.QuickCommands
	}
	_, cmds := f.folderCommands(p.Folder)
	return cmds
}

// folderCommands is the folder whose commands a session in folder
// gets (itself or the nearest folder it is in that has some), and them.
func (f *File) folderCommands(folder string) (string, []QuickCommand) {
	for dir := CleanFolder(folder); dir != ""; dir = dir[:max(strings.LastIndex(dir, "/"), 0)] {
		for key, cmds := range f.FolderCommands {
			if strings.EqualFold(CleanFolder(key), dir) && len(cmds) > 0 {
				return dir, cmds
			}
		}
	}
	return "", nil
}

// SetFolderCommands gives every session in folder (and the folders in
// it) without commands of its own the bar cmds; nil removes them.
func (f *File) SetFolderCommands(folder string, cmds []QuickCommand) {
	folder = CleanFolder(folder)
	for key := range f.FolderCommands {
		if strings.EqualFold(CleanFolder(key), folder) {
			delete(f.FolderCommands, key)
		}
	}
	if folder == "" || len(cmds) == 0 {
		return
	}
	if f.FolderCommands == nil {
		f.FolderCommands = map[string][]QuickCommand{}
	}
	f.FolderCommands[folder] = slices.Clone(cmds)
}
