// Package logcheck looks for secrets in the logs a test session wrote:
// in each file's text and, for a raw log, in the bytes its hex columns
// hold (a secret may be cut between two rows of the ASCII column).
package logcheck

import (
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// RawBytes decodes the hex columns of a raw log's rows for one direction
// (">" sent, "<" received) into the bytes they show, in order.
func RawBytes(log []byte, dir string) []byte {
	var out []byte
	for _, line := range strings.Split(string(log), "\n") {
		f := strings.Fields(line)
		if len(f) < 4 || f[1] != dir {
			continue
		}
		for _, tok := range f[3:] {
			b, err := hex.DecodeString(tok)
			if err != nil || len(b) != 1 {
				break // the ASCII column
			}
			out = append(out, b[0])
		}
	}
	return out
}

// Found returns the secrets that appear in any file under dir, as text or
// in a raw log's sent or received bytes. It fails the test when dir holds
// no file.
func Found(t testing.TB, dir string, secrets ...string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no log files in %s (%v)", dir, err)
	}
	var found []string
	for _, sec := range secrets {
		for _, name := range files {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(b, []byte(sec)) || bytes.Contains(RawBytes(b, ">"), []byte(sec)) || bytes.Contains(RawBytes(b, "<"), []byte(sec)) {
				found = append(found, sec+" in "+filepath.Base(name))
			}
		}
	}
	return found
}
