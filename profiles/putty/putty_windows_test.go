package putty

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"testing"

	"golang.org/x/sys/windows/registry"
)

// testKey makes an empty key of the test's own under HKEY_CURRENT_USER
// (never PuTTY's) and deletes it, with everything under it, when the test
// ends.
func testKey(t *testing.T) string {
	t.Helper()
	const parent = `Software\Tern tests`
	path := fmt.Sprintf(`%s\%s-%d`, parent, t.Name(), os.Getpid())
	k, _, err := registry.CreateKey(registry.CURRENT_USER, path, registry.ALL_ACCESS)
	if err != nil {
		t.Fatal(err)
	}
	k.Close()
	t.Cleanup(func() {
		deleteTree(registry.CURRENT_USER, path)
		registry.DeleteKey(registry.CURRENT_USER, parent) // fails while another test holds a key there
	})
	return path
}

func deleteTree(base registry.Key, path string) {
	if k, err := registry.OpenKey(base, path, registry.ENUMERATE_SUB_KEYS); err == nil {
		names, _ := k.ReadSubKeyNames(-1)
		for _, n := range names {
			deleteTree(k, n)
		}
		k.Close()
	}
	registry.DeleteKey(base, path)
}

// writeSession stores one session as PuTTY does: numbers as DWORDs.
func writeSession(t *testing.T, sessions, key string, values map[string]any) {
	t.Helper()
	k, _, err := registry.CreateKey(registry.CURRENT_USER, sessions+`\`+key, registry.ALL_ACCESS)
	if err != nil {
		t.Fatal(err)
	}
	defer k.Close()
	for name, v := range values {
		switch v := v.(type) {
		case string:
			err = k.SetStringValue(name, v)
		case uint32:
			err = k.SetDWordValue(name, v)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// TestImportPuTTYRegistry: sessions in the registry import exactly as the
// same sessions exported to a .reg file (testdata/putty/sessions.reg) do.
func TestImportPuTTYRegistry(t *testing.T) {
	sessions := testKey(t)
	writeSession(t, sessions, "Switch%20core", map[string]any{
		"HostName": "10.0.0.2", "PortNumber": uint32(23), "Protocol": "telnet", "PassiveTelnet": uint32(1),
		"TerminalType": "xterm", "LocalEcho": uint32(2), "LocalEdit": uint32(2), "CloseOnExit": uint32(1),
		"LogFileName": `C:\Logs\&H-&Y&M&D.log`, "LogType": uint32(2), "Font": "Consolas", "FontHeight": uint32(12),
	})
	writeSession(t, sessions, "web%20server", map[string]any{"HostName": "web.example.com", "PortNumber": uint32(22), "Protocol": "ssh"})
	got, err := importPuTTYKey(registry.CURRENT_USER, sessions, "PuTTY")
	if err != nil {
		t.Fatal(err)
	}
	if want := importRegFile(t, "testdata/putty/sessions.reg"); !reflect.DeepEqual(got, want) {
		t.Fatalf("from the registry: %+v\nfrom the .reg file: %+v", got, want)
	}
	if len(got.Imported) != 1 || got.Imported[0].Name != "Switch core" || len(got.Skipped) != 1 {
		t.Fatalf("%+v", got)
	}
}

// TestImportPuTTYRegistryWithoutPuTTY: no PuTTY key is "not found".
func TestImportPuTTYRegistryWithoutPuTTY(t *testing.T) {
	_, err := importPuTTYKey(registry.CURRENT_USER, testKey(t)+`\SimonTatham\PuTTY\Sessions`, "PuTTY")
	if !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("got %v, want not found", err)
	}
}

// TestImportKiTTYRegistry: KiTTY's sessions read as PuTTY's, its Folder
// value the profile's folder and the note naming KiTTY.
func TestImportKiTTYRegistry(t *testing.T) {
	sessions := testKey(t)
	writeSession(t, sessions, "core%20switch", map[string]any{
		"HostName": "10.0.0.3", "PortNumber": uint32(23), "Protocol": "telnet", "Folder": "Routers",
		"LocalEcho": uint32(1), "PingInterval": uint32(1), "PingIntervalSecs": uint32(30),
	})
	got, err := importPuTTYKey(registry.CURRENT_USER, sessions, "KiTTY")
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Imported) != 1 {
		t.Fatalf("%+v", got)
	}
	p := got.Imported[0]
	if p.Name != "core switch" || p.Folder != "Routers" || p.LocalEcho != "off" || p.KeepAlive != 90 || p.Notes != "Imported from KiTTY." {
		t.Fatalf("%+v", p)
	}
}
