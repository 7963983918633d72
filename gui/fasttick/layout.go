package fasttick

import (
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
)

// Before fasttick reads or writes any of the driver's memory, Start
// checks at run time that this binary was built with the very Fyne it
// was written for (checkBuild), and that every type whose layout it
// copies is laid out in this binary as its copy is (sameLayout). Any
// doubt declines: then Fyne's own loop runs as it always does.

// fyneModule is the module whose driver fasttick reaches into, and
// writtenForSum the go.sum hash of its WrittenFor version's content.
const (
	fyneModule    = "fyne.io/fyne/v2"
	writtenForSum = "h1:XiNpWkn0PzX43ZCjbb0QYGg1RCxVbugwfVgikWZBCMw="
)

// checkBuild reports why the Fyne this binary was built with may not be
// the one fasttick was written for (a replace or go.work keeps the
// go.mod line but not the code), or nil if it is.
func checkBuild(bi *debug.BuildInfo, ok bool) error {
	if !ok || bi == nil {
		return errors.New("fasttick: the binary carries no module information")
	}
	for _, d := range bi.Deps {
		if d.Path != fyneModule {
			continue
		}
		switch {
		case d.Replace != nil:
			return fmt.Errorf("fasttick: %s is replaced by %s %s", fyneModule, d.Replace.Path, d.Replace.Version)
		case d.Version != WrittenFor:
			return fmt.Errorf("fasttick: %s is %s, not %s", fyneModule, d.Version, WrittenFor)
		case d.Sum != writtenForSum:
			return fmt.Errorf("fasttick: %s %s has the hash %q, not %q", fyneModule, d.Version, d.Sum, writtenForSum)
		}
		return nil
	}
	return fmt.Errorf("fasttick: the binary lists no %s module", fyneModule)
}

// sameLayout reports how got (a type of the driver's, found in this
// binary) differs from want (fasttick's copy of it): sizes, kinds, field
// names and offsets, channel directions and element types, compared all
// the way down. A blank field in the copy (one fasttick never reads)
// matches any name, not any other shape. Type names are not compared:
// the driver's type was found by its name.
func sameLayout(got, want reflect.Type) error {
	return layoutDiff(got, want, want.String())
}

func layoutDiff(got, want reflect.Type, path string) error {
	if got == want {
		return nil
	}
	if got.Kind() != want.Kind() || got.Size() != want.Size() {
		return fmt.Errorf("fasttick: %s is a %d-byte %s in this binary, not a %d-byte %s", path, got.Size(), got.Kind(), want.Size(), want.Kind())
	}
	switch want.Kind() {
	case reflect.Struct:
		return structDiff(got, want, path)
	case reflect.Chan:
		if got.ChanDir() != want.ChanDir() {
			return fmt.Errorf("fasttick: %s is a %s channel, not %s", path, got.ChanDir(), want.ChanDir())
		}
		return layoutDiff(got.Elem(), want.Elem(), path+" element")
	case reflect.Slice, reflect.Pointer, reflect.Array:
		if want.Kind() == reflect.Array && got.Len() != want.Len() {
			return fmt.Errorf("fasttick: %s has %d elements, not %d", path, got.Len(), want.Len())
		}
		return layoutDiff(got.Elem(), want.Elem(), path+" element")
	}
	// Any other pair of distinct types (func signatures, maps, named
	// scalars) is a difference fasttick does not try to reason about.
	return fmt.Errorf("fasttick: %s is %s in this binary, not %s", path, got, want)
}

func structDiff(got, want reflect.Type, path string) error {
	if got.NumField() != want.NumField() {
		return fmt.Errorf("fasttick: %s has %d fields in this binary, not %d", path, got.NumField(), want.NumField())
	}
	for i := range want.NumField() {
		g, w := got.Field(i), want.Field(i)
		if w.Name != "_" && g.Name != w.Name {
			return fmt.Errorf("fasttick: field %d of %s is %s in this binary, not %s", i, path, g.Name, w.Name)
		}
		if g.Offset != w.Offset {
			return fmt.Errorf("fasttick: %s.%s is at offset %d in this binary, not %d", path, g.Name, g.Offset, w.Offset)
		}
		if err := layoutDiff(g.Type, w.Type, path+"."+g.Name); err != nil {
			return err
		}
	}
	return nil
}
