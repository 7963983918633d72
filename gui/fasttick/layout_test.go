//lint:file-ignore U1000 the shapes TestSameLayout compares are looked at only through reflect

package fasttick

import (
	"reflect"
	"runtime/debug"
	"strings"
	"testing"
)

// TestCheckBuild: only the very Fyne fasttick was written for, taken
// from its module as go.sum pins it, is accepted.
func TestCheckBuild(t *testing.T) {
	pinned := &debug.Module{Path: fyneModule, Version: WrittenFor, Sum: writtenForSum}
	with := func(m *debug.Module) *debug.BuildInfo {
		return &debug.BuildInfo{Deps: []*debug.Module{{Path: "golang.org/x/sys", Version: "v0.48.0"}, m}}
	}
	for _, c := range []struct {
		name string
		bi   *debug.BuildInfo
		ok   bool
		want string // in the error
	}{
		{"the pinned module", with(pinned), true, ""},
		{"no build information", nil, false, "no module information"},
		{"no Fyne listed (a test binary)", &debug.BuildInfo{}, true, "lists no fyne.io/fyne/v2"},
		{"replaced by a folder", with(&debug.Module{Path: fyneModule, Version: WrittenFor, Sum: writtenForSum, Replace: &debug.Module{Path: "../fyne"}}), true, "replaced by ../fyne"},
		{"replaced by a fork", with(&debug.Module{Path: fyneModule, Version: WrittenFor, Replace: &debug.Module{Path: "example.com/fyne", Version: "v2.7.2"}}), true, "replaced by example.com/fyne"},
		{"a go.work that uses a copy (as Go 1.26 lists it: no replace, no hash)", with(&debug.Module{Path: fyneModule, Version: "(devel)"}), true, "is (devel)"},
		{"another version", with(&debug.Module{Path: fyneModule, Version: "v2.8.0", Sum: "h1:x"}), true, "is v2.8.0"},
		{"other content (vendored, or another hash)", with(&debug.Module{Path: fyneModule, Version: WrittenFor}), true, "has the hash"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ok := c.bi != nil
			if !c.ok {
				ok = false
			}
			err := checkBuild(c.bi, ok)
			if c.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error with %q", err, c.want)
			}
		})
	}
}

// Shapes for TestSameLayout: the copy, and the driver's as it could
// change. Their fields are only ever looked at through reflect.
type (
	copied struct {
		f    func()
		done chan struct{}
	}
	sameShape struct {
		f    func()
		done chan struct{}
	}
	extraField struct {
		f     func()
		done  chan struct{}
		extra uintptr
	}
	renamed struct {
		fn   func()
		done chan struct{}
	}
	swapped struct {
		done chan struct{}
		f    func()
	}
	otherSignature struct {
		f    func() bool
		done chan struct{}
	}
	queueCopy struct {
		in, out chan copied
		_       chan struct{}
		_       []copied
	}
	queueSame struct {
		in, out chan sameShape
		close   chan struct{}
		q       []sameShape
	}
	queueWider struct {
		in, out chan extraField
		close   chan struct{}
		q       []extraField
	}
	queueRing struct { // fyne-io/fyne#5422's queue: a mutex and a ring
		mutex [8]byte
		buf   []sameShape
		head  int
		len   int
	}
)

// TestSameLayout: a type is accepted only when every size, kind, field
// name (but blank ones), offset and element type matches the copy.
func TestSameLayout(t *testing.T) {
	for _, c := range []struct {
		name      string
		got, want reflect.Type
		diff      string // in the error, or "" for the same layout
	}{
		{"the same fields", reflect.TypeFor[sameShape](), reflect.TypeFor[copied](), ""},
		{"a queue of the same element, blank fields named", reflect.TypeFor[queueSame](), reflect.TypeFor[queueCopy](), ""},
		{"an extra field (same channel capacity, larger element)", reflect.TypeFor[extraField](), reflect.TypeFor[copied](), "24-byte struct"},
		{"an extra field inside the queue's channels", reflect.TypeFor[queueWider](), reflect.TypeFor[queueCopy](), "in element"},
		{"a renamed field", reflect.TypeFor[renamed](), reflect.TypeFor[copied](), "is fn"},
		{"fields swapped", reflect.TypeFor[swapped](), reflect.TypeFor[copied](), "field 0"},
		{"another signature", reflect.TypeFor[otherSignature](), reflect.TypeFor[copied](), "func() bool"},
		{"the ring-buffer queue: the same size, another layout", reflect.TypeFor[queueRing](), reflect.TypeFor[queueCopy](), "is mutex"},
		{"a channel of another direction", reflect.TypeFor[<-chan copied](), reflect.TypeFor[chan copied](), "channel"},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := sameLayout(c.got, c.want)
			if c.diff == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.diff) {
				t.Fatalf("got %v, want a difference mentioning %q", err, c.diff)
			}
		})
	}
}
