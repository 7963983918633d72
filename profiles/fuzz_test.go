package profiles

import (
	"testing"
)

// FuzzParse: any file content either parses or gives a LoadError with a
// sensible position; never a panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"version":1,"profiles":[{"name":"a","host":"h","port":"25"}]}`))
	f.Add([]byte(`{"version":1,"profiles":[{"name":"a","keepAlive":"x"}]}`))
	f.Add([]byte(``))
	f.Fuzz(func(t *testing.T, in []byte) {
		file, err := parse(in)
		if err != nil {
			if err.Line < 0 || err.Col < 0 || err.Reason == "" {
				t.Fatalf("bad error %+v", err)
			}
			return
		}
		if file.Version < 1 {
			t.Fatal("parsed a file without a version")
		}
	})
}
