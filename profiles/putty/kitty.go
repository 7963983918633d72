package putty

import (
	"bufio"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/tern-telnet/tern/profiles"
)

// Bounds on a portable KiTTY folder, so a huge or looping tree cannot hang
// or bloat an import.
const (
	kittyMaxDepth    = 8       // folders inside Sessions
	kittyMaxSessions = 10000   // session files read
	kittyMaxFileSize = 1 << 20 // bytes read of one session file
)

// ImportKiTTYDir reads a portable KiTTY's Sessions folder: one file per
// session, named with PuTTY's %XX escapes, each line Key\value\ with the
// value %XX-escaped too. Sub-folders (KiTTY's session folders) become
// folders: Sessions/Routers/core is imported as "core" in folder Routers.
func ImportKiTTYDir(dir string) (ImportResult, error) {
	var sessions []puttySession
	if err := readKiTTYFolder(dir, "", 0, &sessions); err != nil {
		return ImportResult{}, err
	}
	if len(sessions) == 0 {
		return ImportResult{}, errors.New("no KiTTY sessions in " + dir + ": choose the Sessions folder beside kitty_portable.exe")
	}
	return convert(sessions), nil
}

func readKiTTYFolder(dir, folder string, depth int, sessions *[]puttySession) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if len(*sessions) >= kittyMaxSessions {
			return nil
		}
		name := unescapeSessionName(e.Name())
		path := filepath.Join(dir, e.Name())
		switch {
		case e.IsDir() && depth < kittyMaxDepth:
			if err := readKiTTYFolder(path, profiles.JoinFolder(folder, name), depth+1, sessions); err != nil {
				return err
			}
		case e.Type().IsRegular():
			kv, err := readKiTTYSession(path)
			if err != nil {
				return err
			}
			*sessions = append(*sessions, puttySession{name: name, folder: folder, kv: kv, from: "KiTTY"})
		}
	}
	return nil
}

// unescapeSessionName undoes PuTTY's %XX escapes in a session's file or
// key name.
func unescapeSessionName(s string) string {
	if name, err := url.PathUnescape(s); err == nil {
		return name
	}
	return s
}

// readKiTTYSession reads one portable session file.
func readKiTTYSession(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseKiTTYSession(io.LimitReader(f, kittyMaxFileSize))
}

// parseKiTTYSession reads Key\value\ lines; a line without a name is
// skipped.
func parseKiTTYSession(r io.Reader) (map[string]string, error) {
	kv := map[string]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), kittyMaxFileSize)
	for sc.Scan() {
		line := strings.TrimSuffix(strings.TrimSuffix(sc.Text(), "\r"), `\`)
		if k, v, ok := strings.Cut(line, `\`); ok && k != "" {
			kv[k] = unescapeSessionName(v)
		}
	}
	return kv, sc.Err()
}
