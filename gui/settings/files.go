package settings

import (
	"os"
	"path/filepath"
	"strings"
)

// ExpandHome turns a leading ~ into the home folder.
func ExpandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, strings.TrimPrefix(p, "~"))
		}
	}
	return p
}

// FileName makes s safe as a file name on every system: the characters
// Windows, macOS or Linux refuse or treat specially become _.
func FileName(s string) string {
	out := []rune{}
	for _, r := range s {
		switch r {
		case '/', '\\', ':', '*', '?', '"', '<', '>', '|', '[', ']':
			r = '_'
		}
		out = append(out, r)
	}
	return string(out)
}
