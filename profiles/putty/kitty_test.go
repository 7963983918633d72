package putty

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"testing"

	"github.com/tern-telnet/tern/profiles"
)

// TestImportKiTTYPortableFolder: a portable KiTTY's Sessions folder imports
// as the same sessions saved by PuTTY do, a sub-folder becoming the
// profile's folder.
func TestImportKiTTYPortableFolder(t *testing.T) {
	res, err := ImportKiTTYDir("testdata/kitty/Sessions")
	if err != nil {
		t.Fatal(err)
	}
	putty, err := ImportDir("testdata/putty/sessions")
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]profiles.Profile{}
	for _, p := range putty.Imported {
		byName[p.Name] = p
	}
	if len(res.Imported) != 2 || len(res.Skipped) != 1 || res.Skipped[0].Name != "bastion" {
		t.Fatalf("%+v", res)
	}
	for _, got := range res.Imported {
		want := byName[got.Name]
		if got.Name == "Switch echo off" {
			want.Folder = "Routers"
		}
		want.Notes = "Imported from KiTTY."
		if !reflect.DeepEqual(got, want) {
			t.Errorf("got  %+v\nwant %+v", got, want)
		}
	}
	if got := res.Imported[slices.IndexFunc(res.Imported, func(p profiles.Profile) bool { return p.Name == "Switch echo off" })]; got.Terminal.Bell != profiles.BellFlash {
		t.Errorf("the KiTTY session's visual bell (Beep=2) imported as %q", got.Terminal.Bell)
	}
}

// TestImportKiTTYReg: a .reg export of KiTTY's registry key, its Folder
// value the profile's folder.
func TestImportKiTTYReg(t *testing.T) {
	res := importRegFile(t, "testdata/kitty/sessions.reg")
	if len(res.Imported) != 1 || len(res.Skipped) != 1 {
		t.Fatalf("%+v", res)
	}
	p := res.Imported[0]
	if p.Name != "core switch" || p.Folder != "Routers" || p.Host != "10.0.0.3" || p.LocalEcho != "off" || p.LocalEdit != "off" ||
		p.KeepAlive != 90 || p.Notes != "Imported from KiTTY." {
		t.Fatalf("%+v", p)
	}
}

// FuzzParseKiTTYSession: any file reads without a panic.
func FuzzParseKiTTYSession(f *testing.F) {
	data, _ := os.ReadFile("testdata/kitty/Sessions/Routers/Switch%20echo%20off")
	f.Add(data)
	f.Add([]byte("A\\%zz\\\r\n\\\\\nB"))
	f.Fuzz(func(t *testing.T, in []byte) {
		parseKiTTYSession(bytes.NewReader(in))
	})
}
