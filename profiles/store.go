package profiles

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Store is the profiles file on disk.
type Store struct {
	// Path is the profiles file, e.g. ~/.config/Tern/profiles.json.
	Path string
}

// DefaultPath is profiles.json in Tern's folder of the user's
// configuration directory.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "Tern", "profiles.json"), nil
}

// EnvPath names the environment variable that, when not empty, is the
// profiles file to use instead of DefaultPath (tests and portable use).
const EnvPath = "TERN_PROFILES"

// FallbackPath is the profiles file, in the working directory, used when
// the user's configuration directory is unknown.
const FallbackPath = "tern-profiles.json"

// OpenDefault finds the profiles file once for the whole program: the
// file named by $TERN_PROFILES, else DefaultPath. It reads nothing. When
// the configuration directory is unknown it returns a Store for
// FallbackPath together with the error, so the caller can go on with it
// or report; the Store is never nil.
func OpenDefault() (*Store, error) {
	if p := os.Getenv(EnvPath); p != "" {
		return &Store{Path: p}, nil
	}
	path, err := DefaultPath()
	if err != nil {
		return &Store{Path: FallbackPath}, fmt.Errorf("profiles: no configuration folder, using %s: %w", FallbackPath, err)
	}
	return &Store{Path: path}, nil
}

// LoadError says what was wrong with the profiles file and what Tern did
// about it. Tern still starts, with the built-in templates.
type LoadError struct {
	Path      string
	Line, Col int    // where the problem is, when known (1-based)
	Reason    string // in a person's words
	MovedTo   string // where the bad file was kept, if it was moved aside
	ReadOnly  bool   // the file is kept as it is and Tern will not write it
}

func (e *LoadError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "The profiles file %s ", e.Path)
	if e.Line > 0 {
		fmt.Fprintf(&b, "has a problem at line %d, column %d: %s.", e.Line, e.Col, e.Reason)
	} else {
		fmt.Fprintf(&b, "%s.", e.Reason)
	}
	switch {
	case e.MovedTo != "":
		fmt.Fprintf(&b, " It was kept, unchanged, as %s; Tern starts with a new, empty profiles file.", e.MovedTo)
	case e.ReadOnly:
		b.WriteString(" Tern will not change it; saving profiles is off until it is fixed.")
	}
	return b.String()
}

// ErrNewerFormat is returned by Update for a file from a newer Tern.
var ErrNewerFormat = errors.New("the profiles file was written by a newer version of Tern; this version will not change it")

// Load reads the profiles. On a problem it returns a usable File (empty
// but for what could be read) together with a *LoadError.
func (s *Store) Load() (*File, error) {
	f, err, _ := s.load(true)
	return f, err
}

// Peek reads the profiles like Load but never moves a broken file aside.
func (s *Store) Peek() (*File, error) {
	f, err, _ := s.load(false)
	return f, err
}

// load reads the file; moveBad moves a corrupted file aside. writable is
// false when the file must not be replaced.
func (s *Store) load(moveBad bool) (f *File, err error, writable bool) {
	data, rerr := os.ReadFile(s.Path)
	switch {
	case errors.Is(rerr, os.ErrNotExist):
		return &File{Version: FormatVersion}, nil, true
	case rerr != nil:
		return &File{Version: FormatVersion}, &LoadError{Path: s.Path, Reason: "cannot be read (" + plainIOError(rerr) + ")", ReadOnly: true}, false
	}
	f, perr := parse(data)
	if perr != nil {
		perr.Path = s.Path
		if moveBad {
			if moved, merr := s.moveAside(); merr == nil {
				perr.MovedTo = moved
				return &File{Version: FormatVersion}, perr, true
			}
		}
		perr.ReadOnly = true
		return &File{Version: FormatVersion}, perr, false
	}
	if f.Version > FormatVersion {
		return f, &LoadError{Path: s.Path, Reason: fmt.Sprintf("was written by a newer Tern (format %d; this Tern knows %d)", f.Version, FormatVersion), ReadOnly: true}, false
	}
	return f, nil, true
}

// parse decodes the file, with the place of any problem.
func parse(data []byte) (*File, *LoadError) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &LoadError{Reason: "is empty"}
	}
	// A first pass without the custom decoders gives errors whose
	// offsets count from the start of the file.
	var shadow struct {
		Version  int             `json:"version"`
		Default  profileFields   `json:"defaultSettings"`
		Profiles []profileFields `json:"profiles"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&shadow); err != nil {
		return nil, describeJSONError(data, err)
	}
	var f File
	if err := json.Unmarshal(data[:dec.InputOffset()], &f); err != nil {
		return nil, describeJSONError(data, err)
	}
	if dec.More() {
		off := int(dec.InputOffset())
		line, col := position(data, off)
		return nil, &LoadError{Line: line, Col: col, Reason: "there is more text after the end of the profiles"}
	}
	if f.Version < 1 {
		return nil, &LoadError{Reason: "has no format version (it does not look like a Tern profiles file)"}
	}
	for i, p := range f.Profiles {
		if strings.TrimSpace(p.Name) == "" {
			return nil, &LoadError{Reason: fmt.Sprintf("has a profile without a name (number %d)", i+1)}
		}
	}
	f.sort()
	return &f, nil
}

func describeJSONError(data []byte, err error) *LoadError {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line, col := position(data, int(syn.Offset))
		return &LoadError{Line: line, Col: col, Reason: "it is not valid JSON (" + syn.Error() + ")"}
	case errors.As(err, &typ):
		line, col := position(data, int(typ.Offset))
		return &LoadError{Line: line, Col: col, Reason: fmt.Sprintf("the field %q should be %s, not %s", typ.Field, kindWord(typ.Type.Kind().String()), typ.Value)}
	case errors.Is(err, io.ErrUnexpectedEOF):
		line, col := position(data, len(data))
		return &LoadError{Line: line, Col: col, Reason: "it ends too early (the file is cut short)"}
	}
	return &LoadError{Reason: "it cannot be read as profiles (" + err.Error() + ")"}
}

func kindWord(k string) string {
	switch {
	case strings.HasPrefix(k, "int"), strings.HasPrefix(k, "float"), strings.HasPrefix(k, "uint"):
		return "a number"
	case k == "string":
		return "text"
	case k == "bool":
		return "true or false"
	case k == "slice":
		return "a list"
	}
	return "a " + k
}

// position turns a byte offset into a 1-based line and column.
func position(data []byte, off int) (line, col int) {
	off = max(0, min(off, len(data)))
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = off - bytes.LastIndexByte(data[:off], '\n')
	return line, col
}

func plainIOError(err error) string {
	switch {
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// moveAside renames the bad file to name.corrupt-YYYYMMDD-HHMMSS.
func (s *Store) moveAside() (string, error) {
	moved := fmt.Sprintf("%s.corrupt-%s", s.Path, time.Now().Format("20060102-150405.000"))
	if err := os.Rename(s.Path, moved); err != nil {
		return "", err
	}
	return moved, nil
}

// Update changes the profiles safely: under an exclusive lock it reads the
// file as it is now (so another Tern's changes are kept), applies change,
// and writes the result atomically, keeping the previous file as a backup.
func (s *Store) Update(change func(f *File) error) (*File, error) {
	if err := os.MkdirAll(filepath.Dir(s.Path), 0o700); err != nil {
		return nil, err
	}
	lock, err := os.OpenFile(s.Path+".lock", os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	defer lock.Close()
	if err := lockFile(lock); err != nil {
		return nil, err
	}
	defer unlockFile(lock)
	f, lerr, writable := s.load(true)
	if !writable {
		if lerr != nil && f.Version > FormatVersion {
			return f, ErrNewerFormat
		}
		return f, lerr
	}
	if err := change(f); err != nil {
		return f, err
	}
	f.Version = max(f.Version, FormatVersion)
	return f, s.write(f)
}

// write replaces the file atomically: temporary file, fsync, backup of the
// old file, rename, fsync of the folder.
func (s *Store) write(f *File) error {
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	data = append(data, '\n')
	dir := filepath.Dir(s.Path)
	tmp, err := os.CreateTemp(dir, filepath.Base(s.Path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if _, err := os.Stat(s.Path); err == nil {
		backup := s.Path + ".bak"
		_ = os.Remove(backup + ".new")
		if err := os.Link(s.Path, backup+".new"); err == nil {
			_ = os.Rename(backup+".new", backup)
		}
	}
	if err := os.Rename(tmp.Name(), s.Path); err != nil {
		return err
	}
	return syncDir(dir)
}
