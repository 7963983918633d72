package profiles

import (
	"encoding/json"
	"sort"
)

// FormatVersion is the version of the file this Tern writes.
const FormatVersion = 1

// File is the whole profiles file.
type File struct {
	Version  int       `json:"version"`
	Default  Profile   `json:"defaultSettings"` // PuTTY's "Default Settings"
	Profiles []Profile `json:"profiles"`
	// FolderCommands are quick commands by folder (see QuickCommandsFor);
	// nil means none.
	FolderCommands map[string][]QuickCommand `json:"folderCommands,omitempty"`

	extra map[string]json.RawMessage
}

type fileFields File

// UnmarshalJSON reads the file and keeps unknown top-level fields.
func (f *File) UnmarshalJSON(b []byte) error {
	var ff fileFields
	if err := json.Unmarshal(b, &ff); err != nil {
		return err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return err
	}
	*f = File(ff)
	f.extra = unknownKeys(all, jsonKeys(fileFields{}))
	return nil
}

// MarshalJSON writes the file with any unknown fields it was read with.
func (f File) MarshalJSON() ([]byte, error) {
	return marshalWithExtra(fileFields(f), f.extra)
}

// Find returns the profile with that name (case does not matter).
func (f *File) Find(name string) (Profile, bool) {
	key := Profile{Name: name}.Key()
	for _, p := range f.Profiles {
		if p.Key() == key {
			return p.Clone(), true
		}
	}
	return Profile{}, false
}

// Put adds or replaces a profile by name.
func (f *File) Put(p Profile) {
	for i := range f.Profiles {
		if f.Profiles[i].Key() == p.Key() {
			f.Profiles[i] = p.Clone()
			return
		}
	}
	f.Profiles = append(f.Profiles, p.Clone())
	f.sort()
}

// Delete removes a profile; it reports whether there was one.
func (f *File) Delete(name string) bool {
	key := Profile{Name: name}.Key()
	for i, p := range f.Profiles {
		if p.Key() == key {
			f.Profiles = append(f.Profiles[:i], f.Profiles[i+1:]...)
			return true
		}
	}
	return false
}

func (f *File) sort() {
	sort.SliceStable(f.Profiles, func(i, j int) bool { return f.Profiles[i].Key() < f.Profiles[j].Key() })
}

// Names lists the profile names in order.
func (f *File) Names() []string {
	out := make([]string, len(f.Profiles))
	for i, p := range f.Profiles {
		out[i] = p.Name
	}
	return out
}
