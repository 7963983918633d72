package profiles

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tern-telnet/tern/protocol/logon"
	"github.com/zalando/go-keyring"
)

func fullProfile() Profile {
	return Profile{
		Name: "Mail test", Host: "mail.example.com", Port: "25", Bind: "192.0.2.1", Connection: Telnet,
		TLS: TLSStartTLS, Network: "tcp4", TerminalTypes: []string{"XTERM", "VT100"}, TerminalSpeed: "9600,9600", Charset: "KOI8-R", LFImpliesCR: true, CRImpliesLF: true, ClearDropsText: true, Negotiation: "passive",
		LocalEcho: "on", LocalEdit: "off", EnterCRNUL: true, BackspaceCtlH: true, TelnetKeys: true, Binary: true,
		FunctionKeys: "vt400", HomeEnd: "rxvt", AltSends8Bit: true,
		Escape: "^X", KeepAlive: 30, User: "alice", Environment: map[string]string{"LANG": "C"},
		LogMode: LogRaw, LogFile: "~/&H.log", LogAppend: true, CloseOnExit: "never", AutoReconnect: true, PortCheck: true, Assistant: "pop3", OpenAssistant: true, Scrollback: 5000, Columns: 100, Rows: 30,
		FontSize: 13, SMTP: SMTPDefaults{EHLO: "me", From: "a@b", To: []string{"c@d", "e@f"}, AuthUser: "u", AuthMech: "LOGIN", OpenOnConnect: true},
		Mail:             MailDefaults{User: "alice", Mechanism: "LOGIN", OpenOnConnect: true},
		Proxy:            ProxySettings{Kind: "command", Host: "bastion", Port: 1081, User: "ops", Command: "ssh -W %host:%port bastion", LocalDNS: true, Bypass: "*.lan, 10.0.0.0/8", RememberPassword: true},
		Pacing:           PacingSettings{LineDelayMs: 100, CharDelayMs: 2, WaitEcho: true, Prompt: `\$ $`, TimeoutS: 5},
		RememberPassword: true, RememberEnable: true, Notes: "line 1\nline 2", LogTimestamp: "&T ", LogSecrets: true, Logon: logon.Cisco,
		Terminal: Terminal{Colours: []string{"#bbbbbb", "#ffffff"}, Bell: BellSound, BellTaskbar: true, BellUnlimited: true,
			NoRemoteTitle: true, NoAppKeypad: true, NoMouseReporting: true, NoRemoteResize: true, Answerback: "tern^M"},
		Folder: "Site A/Core", Highlights: []string{"uplink cyan"},
		QuickCommands: []QuickCommand{{Label: "Save", Send: "wr mem"}, {Label: "Break", Send: "{ctrl-c}", Keys: true}},
	}
}

func TestRoundTripEveryField(t *testing.T) {
	s := &Store{Path: filepath.Join(t.TempDir(), "Tern", "profiles.json")}
	want := fullProfile()
	if _, err := s.Update(func(f *File) error { f.Put(want); f.Default.Port = "2323"; return nil }); err != nil {
		t.Fatal(err)
	}
	f, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	got, ok := f.Find("MAIL TEST")
	if !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
	if f.Default.Port != "2323" {
		t.Fatal("default settings lost")
	}
	// Every field of Profile must have been set above, or this test misses it.
	v := reflect.ValueOf(want)
	for i := 0; i < v.NumField(); i++ {
		if v.Type().Field(i).IsExported() && v.Field(i).IsZero() {
			t.Errorf("field %s is not covered by the round trip", v.Type().Field(i).Name)
		}
	}
}

func TestUnknownFieldsSurvive(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profiles.json")
	os.WriteFile(path, []byte(`{"version":1,"futureTop":{"a":1},"defaultSettings":{"name":""},
	  "profiles":[{"name":"R","host":"r","futureField":[1,2,3]}]}`), 0o600)
	s := &Store{Path: path}
	if _, err := s.Update(func(f *File) error { f.Put(Profile{Name: "New", Host: "n"}); return nil }); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	for _, want := range []string{`"futureTop"`, `"futureField": [`, `"New"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("file lost %s:\n%s", want, data)
		}
	}
}

func TestCorruptFilesAreReportedAndKept(t *testing.T) {
	tests := []struct {
		name, content, reason string
		line                  int
	}{
		{"truncated", "{\"version\":1,\"profiles\":[{\"name\":\"a\"", "ends too early", 1},
		{"invalid syntax", "{\"version\":1,\n\"profiles\": [ {\"name\": \"a\",, } ]}", "not valid JSON", 2},
		{"wrong types", "{\"version\":1,\n\"profiles\":[{\"name\":\"a\",\n \"keepAlive\":\"often\"}]}", "should be a number", 3},
		{"empty", "", "is empty", 0},
		{"not ours", "[1,2,3]", "", 0},
		{"no version", "{\"profiles\":[]}", "no format version", 0},
		{"trailing text", "{\"version\":1}\n{}", "more text", 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "profiles.json")
			os.WriteFile(path, []byte(tc.content), 0o600)
			s := &Store{Path: path}
			f, err := s.Load()
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("got %v, want a LoadError", err)
			}
			if f == nil || len(f.Profiles) != 0 {
				t.Fatal("Load must still give a usable, empty file")
			}
			if !strings.Contains(le.Error(), tc.reason) || (tc.line > 0 && le.Line != tc.line) {
				t.Fatalf("message %q (line %d), want %q at line %d", le.Error(), le.Line, tc.reason, tc.line)
			}
			kept, err := os.ReadFile(le.MovedTo)
			if err != nil || string(kept) != tc.content {
				t.Fatalf("the bad file was not kept unchanged at %q: %v", le.MovedTo, err)
			}
			if !strings.Contains(le.Error(), le.MovedTo) || !strings.Contains(le.Error(), path) {
				t.Fatalf("message does not say which file and where it went: %s", le.Error())
			}
			if _, err := s.Update(func(f *File) error { f.Put(Profile{Name: "x"}); return nil }); err != nil {
				t.Fatal(err)
			}
			if kept2, _ := os.ReadFile(le.MovedTo); string(kept2) != tc.content {
				t.Fatal("the kept file was overwritten")
			}
		})
	}
}

func TestNewerVersionIsReadButNotWritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profiles.json")
	content := `{"version":99,"profiles":[{"name":"a","host":"h"}]}`
	os.WriteFile(path, []byte(content), 0o600)
	s := &Store{Path: path}
	f, err := s.Load()
	if _, ok := f.Find("a"); !ok || err == nil || !strings.Contains(err.Error(), "newer Tern") {
		t.Fatalf("load: %v", err)
	}
	if _, err := s.Update(func(f *File) error { return nil }); !errors.Is(err, ErrNewerFormat) {
		t.Fatalf("update: %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != content {
		t.Fatal("newer file was changed")
	}
}

// TestUnreadableFile: a profiles file Tern may not read is reported with
// the system's reason. What makes a file unreadable depends on the OS: see
// makeUnreadable in unreadable_unix_test.go and unreadable_windows_test.go.
func TestUnreadableFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profiles.json")
	if err := os.WriteFile(path, []byte(`{"version":1,"profiles":[{"name":"a"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	reason := makeUnreadable(t, path)
	f, err := (&Store{Path: path}).Load()
	if want := "cannot be read (" + reason + ")"; err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want …%s…", err, want)
	}
	if _, ok := f.Find("a"); ok {
		t.Fatal("profiles were read from an unreadable file")
	}
}

func TestDeleteAndBackup(t *testing.T) {
	s := &Store{Path: filepath.Join(t.TempDir(), "profiles.json")}
	s.Update(func(f *File) error { f.Put(Profile{Name: "a"}); f.Put(Profile{Name: "b"}); return nil })
	s.Update(func(f *File) error {
		if !f.Delete("A") {
			t.Error("delete did not find a")
		}
		return nil
	})
	f, _ := s.Load()
	if fmt.Sprint(f.Names()) != "[b]" {
		t.Fatalf("names %v", f.Names())
	}
	bak, err := os.ReadFile(s.Path + ".bak")
	if err != nil || !strings.Contains(string(bak), `"a"`) {
		t.Fatalf("backup of the previous version missing: %v", err)
	}
}

// TestNoSecretInFile: the password lives in the keychain only.
func TestNoSecretInFile(t *testing.T) {
	keyring.MockInit()
	s := &Store{Path: filepath.Join(t.TempDir(), "profiles.json")}
	p := fullProfile()
	const password = "Sup3r-secret-pa55"
	if err := (Secrets{}).Set(p.Name, password); err != nil {
		t.Fatal(err)
	}
	s.Update(func(f *File) error { f.Put(p); return nil })
	data, _ := os.ReadFile(s.Path)
	if strings.Contains(string(data), password) {
		t.Fatal("the password reached the profiles file")
	}
	if got, err := (Secrets{}).Get(p.Name); err != nil || got != password {
		t.Fatalf("keychain: %q %v", got, err)
	}
	(Secrets{}).Delete(p.Name)
	if _, err := (Secrets{}).Get(p.Name); !errors.Is(err, ErrNoSecret) {
		t.Fatalf("after delete: %v", err)
	}
}

// TestLogonRoundTripKeepsThePasswordOut: logon steps survive a save and
// a load, name the password only as {password}, and the password the
// keychain holds for them is nowhere in the file.
func TestLogonRoundTripKeepsThePasswordOut(t *testing.T) {
	keyring.MockInit()
	s := &Store{Path: filepath.Join(t.TempDir(), "profiles.json")}
	const password = "Router-Pw-%-{9}"
	p := Profile{Name: "r1", Host: "r1.lan", User: "admin", RememberPassword: true,
		Logon: append(append([]logon.Step(nil), logon.Cisco...), logon.Step{Expect: "#", Send: "show {host}", Timeout: 1500 * time.Millisecond})}
	if err := (Secrets{}).Set(p.Name, password); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Update(func(f *File) error { f.Put(p); return nil }); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(s.Path)
	if strings.Contains(string(data), password) || !strings.Contains(string(data), `"send": "{password}"`) {
		t.Fatalf("profiles.json:\n%s", data)
	}
	f, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	got, _ := f.Find("r1")
	if !reflect.DeepEqual(got.Logon, p.Logon) {
		t.Fatalf("got  %+v\nwant %+v", got.Logon, p.Logon)
	}
	pw, err := (Secrets{}).Get(got.Name)
	if err != nil || !logon.NeedsPassword(got.Logon) {
		t.Fatal(err)
	}
	lines, _ := logon.Expand(got.Logon[1].Send, logon.Vars{Password: pw}, true)
	if len(lines) != 1 || lines[0].Text != password || !lines[0].Secret {
		t.Fatalf("the logon sends %+v", lines)
	}
}

// The helper process: saves in a loop (killed mid-save by the crash test)
// or adds profiles (for the concurrency test).
func TestMain(m *testing.M) {
	switch os.Getenv("TERN_PROFILES_HELPER") {
	case "save-loop":
		s := &Store{Path: os.Getenv("TERN_PROFILES_PATH")}
		for i := 0; ; i++ {
			s.Update(func(f *File) error {
				f.Profiles = nil
				for j := 0; j < 200; j++ {
					f.Put(Profile{Name: fmt.Sprintf("p%03d", j), Host: fmt.Sprintf("round-%d", i), Notes: strings.Repeat("x", 500)})
				}
				return nil
			})
		}
	case "add":
		s := &Store{Path: os.Getenv("TERN_PROFILES_PATH")}
		prefix := os.Getenv("TERN_PROFILES_PREFIX")
		for i := 0; i < 40; i++ {
			if _, err := s.Update(func(f *File) error { f.Put(Profile{Name: fmt.Sprintf("%s-%02d", prefix, i)}); return nil }); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func helper(t *testing.T, mode, path string, env ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append(env, "TERN_PROFILES_HELPER="+mode, "TERN_PROFILES_PATH="+path)...)
	cmd.Stderr = os.Stderr
	return cmd
}

// TestKilledWhileSavingLeavesAWholeFile: a process killed at random moments
// while saving leaves the old or the new file, never a broken one.
func TestKilledWhileSavingLeavesAWholeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profiles.json")
	rng := rand.New(rand.NewSource(1))
	for round := 0; round < 12; round++ {
		cmd := helper(t, "save-loop", path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(20+rng.Intn(150)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		data, err := os.ReadFile(path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		var f File
		if err := json.Unmarshal(data, &f); err != nil || len(f.Profiles) != 200 {
			t.Fatalf("round %d: broken file after a kill (%v, %d profiles)", round, err, len(f.Profiles))
		}
	}
}

// TestTwoProcessesSavingAtOnce: no change is lost.
func TestTwoProcessesSavingAtOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "profiles.json")
	var wg sync.WaitGroup
	for _, prefix := range []string{"left", "right"} {
		cmd := helper(t, "add", path, "TERN_PROFILES_PREFIX="+prefix)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := cmd.Run(); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	f, err := (&Store{Path: path}).Load()
	if err != nil || len(f.Profiles) != 80 {
		t.Fatalf("%d profiles (%v), want 80", len(f.Profiles), err)
	}
}

func TestBuiltins(t *testing.T) {
	names := map[string]bool{}
	for _, b := range Builtins() {
		names[b.Name] = true
		if !IsBuiltin(strings.ToUpper(b.Name)) {
			t.Errorf("IsBuiltin(%q) false", b.Name)
		}
	}
	smtp := Builtins()[0]
	if smtp.Port != "25" || smtp.Negotiation != "passive" || smtp.LocalEcho != "on" || smtp.LocalEdit != "on" || smtp.EnterCRNUL {
		t.Fatalf("SMTP template %+v", smtp)
	}
	if len(names) != 11 {
		t.Fatalf("%d templates", len(names))
	}
}
