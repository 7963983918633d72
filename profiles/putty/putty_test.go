package putty

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tern-telnet/tern/profiles"
)

// TestImportPuTTYUnixSessions imports sessions PuTTY 0.78 saved itself
// (testdata/putty/sessions, written by its Save button after the settings
// were chosen in its dialog): every enum with PuTTY's values.
func TestImportPuTTYUnixSessions(t *testing.T) {
	res, err := ImportDir("testdata/putty/sessions")
	if err != nil {
		t.Fatal(err)
	}
	base := func(name, host string) profiles.Profile {
		return profiles.Profile{Name: name, Host: host, Port: "23", Connection: profiles.Telnet, Negotiation: "active", TerminalTypes: []string{"xterm"},
			LocalEcho: "auto", LocalEdit: "auto", LogFile: "putty.log", LogAppend: true, CloseOnExit: "always",
			Scrollback: 2000, Columns: 80, Rows: 24, Notes: "Imported from PuTTY.",
			Terminal:     profiles.Terminal{Bell: profiles.BellSound}, // PuTTY's default Beep=1, the system's sound
			FunctionKeys: "tilde"}                                     // PuTTY's default function keys (LinuxFunctionKeys=0): ESC[n~
	}
	admin := func(p profiles.Profile) profiles.Profile {
		p.TerminalTypes, p.TerminalSpeed, p.User = []string{"vt100"}, "9600,9600", "admin"
		p.Environment = map[string]string{"LANG": "C", "TZ": "UTC"}
		p.BackspaceCtlH, p.TelnetKeys, p.EnterCRNUL = true, true, true
		p.Terminal.Bell = profiles.BellFlash // Beep=2, the visual bell
		return p
	}
	// PuTTY's defaults: echo and editing auto, "ask" before overwriting a
	// log becomes append (Tern cannot ask; the old log is kept).
	defaults := base("Telnet defaults", "router.lan")
	// Echo forced off (LocalEcho=1, a password prompt stays hidden),
	// editing forced on (0), printable output (LogType=1), always
	// overwrite (LogFileClash=1), keep-alive 90 s (PingInterval=1,
	// PingIntervalSecs=30), IPv4.
	sw := admin(base("Switch echo off", "switch.lan"))
	sw.LocalEcho, sw.LocalEdit, sw.LogMode, sw.LogFile, sw.LogAppend = "off", "on", profiles.LogText, "/tmp/switch-&H.log", false
	sw.KeepAlive, sw.Network, sw.Charset, sw.LFImpliesCR = 90, "tcp4", "ISO-8859-2", true
	// Raw, echo forced on, all session output (LogType=2) appended
	// (LogFileClash=0), keep-alive 5 minutes (PingInterval=5), IPv6,
	// never close.
	mail := admin(base("mail/smtp raw", "mail.example.com"))
	mail.Port, mail.Connection, mail.Negotiation, mail.LocalEcho = "25", profiles.Raw, "", "on"
	mail.LogMode, mail.LogFile, mail.CloseOnExit, mail.KeepAlive, mail.Network = profiles.LogPrintable, "mail-&Y&M&D.log", "never", 300, "tcp6"
	mail.Charset, mail.CRImpliesLF = "Windows-1251", true // LineCodePage=CP1251
	// Passive Telnet, SSH packets (LogType=3: Tern's raw log), ask, close
	// on clean exit.
	console := admin(base("Console passive", "console.lan"))
	console.Port, console.Negotiation, console.LocalEcho = "2323", "passive", "on"
	console.LogMode, console.LogFile, console.CloseOnExit, console.Charset = profiles.LogRaw, "mail-&Y&M&D.log", "clean", "Windows-1251"
	console.CRImpliesLF = true
	want := []profiles.Profile{console, sw, defaults, mail}
	if len(res.Imported) != len(want) {
		t.Fatalf("imported %d: %+v", len(res.Imported), res.Imported)
	}
	for i, w := range want {
		if got := res.Imported[i]; !reflect.DeepEqual(got, w) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", w.Name, got, w)
		}
	}
	if len(res.Skipped) != 1 || res.Skipped[0].Name != "bastion" {
		t.Fatalf("skipped %+v", res.Skipped)
	}
	for _, n := range res.NotImported {
		if n.Name == "Telnet defaults" {
			t.Errorf("PuTTY's defaults lose nothing, but the summary lists %q", n.Settings)
		}
	}
	if lost := notImportedOf(res, "Switch echo off"); slices.ContainsFunc(lost, func(s string) bool { return strings.Contains(s, "Beep") }) {
		t.Errorf("the visual bell is imported, but the summary lists it: %q", lost)
	}
}

// notImportedOf is what the import summary lists for one session.
func notImportedOf(res ImportResult, name string) []string {
	for _, n := range res.NotImported {
		if n.Name == name {
			return n.Settings
		}
	}
	return nil
}

// TestImportPuTTYEditedSession: a PuTTY-saved session with keys edited by
// hand where PuTTY's dialog needs a colour or font chooser: the escaped
// environment list, a client font's size, and the colours listed as not
// imported.
func TestImportPuTTYEditedSession(t *testing.T) {
	res, err := ImportDir("testdata/putty/edited")
	if err != nil || len(res.Imported) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	p := res.Imported[0]
	if want := map[string]string{"PATH": "/bin,/usr/bin", "A=B": "1", "EMPTY": ""}; !reflect.DeepEqual(p.Environment, want) {
		t.Errorf("environment %q, want %q", p.Environment, want)
	}
	if p.FontSize != 19 { // 14 pt is 18.67 px
		t.Errorf("font size %v, want 19", p.FontSize)
	}
	if len(p.Terminal.Colours) != 22 || p.Terminal.Colours[0] != "#ffffff" || p.Terminal.Colours[2] != "#000040" || p.Terminal.Colours[5] != "#00ff00" {
		t.Errorf("colours %q, want Colour0=255,255,255 Colour2=0,0,64 and the rest PuTTY's", p.Terminal.Colours)
	}
	if p.Terminal.Answerback != "" {
		t.Errorf("PuTTY's default answerback became %q; Tern answers nothing by default", p.Terminal.Answerback)
	}
	want := []string{"Font face DejaVu Sans Mono (Tern keeps its own font; the size is imported)"}
	if got := notImportedOf(res, "Hand edited"); !reflect.DeepEqual(got, want) {
		t.Errorf("not imported %q, want %q", got, want)
	}
}

// TestPuTTYEnums: each enum value as PuTTY stores it (conf-enums.h).
func TestPuTTYEnums(t *testing.T) {
	cases := []struct {
		name  string
		kv    map[string]string
		check func(profiles.Profile) bool
	}{
		{"LocalEcho 0 force on", map[string]string{"LocalEcho": "0"}, func(p profiles.Profile) bool { return p.LocalEcho == "on" }},
		{"LocalEcho 1 force off", map[string]string{"LocalEcho": "1"}, func(p profiles.Profile) bool { return p.LocalEcho == "off" }},
		{"LocalEcho 2 auto", map[string]string{"LocalEcho": "2"}, func(p profiles.Profile) bool { return p.LocalEcho == "auto" }},
		{"LocalEcho missing is auto", map[string]string{}, func(p profiles.Profile) bool { return p.LocalEcho == "auto" && p.LocalEdit == "auto" }},
		{"LocalEdit 1 force off", map[string]string{"LocalEdit": "1"}, func(p profiles.Profile) bool { return p.LocalEdit == "off" }},
		{"LogFileClash 1 overwrite", map[string]string{"LogFileClash": "1"}, func(p profiles.Profile) bool { return !p.LogAppend }},
		{"LogFileClash 0 append", map[string]string{"LogFileClash": "0"}, func(p profiles.Profile) bool { return p.LogAppend }},
		{"LogFileClash -1 ask appends", map[string]string{"LogFileClash": "-1"}, func(p profiles.Profile) bool { return p.LogAppend }},
		{"keep-alive minutes and seconds", map[string]string{"PingInterval": "1", "PingIntervalSecs": "30"}, func(p profiles.Profile) bool { return p.KeepAlive == 90 }},
		{"keep-alive minutes only", map[string]string{"PingInterval": "2"}, func(p profiles.Profile) bool { return p.KeepAlive == 120 }},
		{"LogType 0 none", map[string]string{"LogType": "0"}, func(p profiles.Profile) bool { return p.LogMode == "" }},
		{"LogType 1 printable output", map[string]string{"LogType": "1"}, func(p profiles.Profile) bool { return p.LogMode == profiles.LogText }},
		{"LogType 2 all session output", map[string]string{"LogType": "2"}, func(p profiles.Profile) bool { return p.LogMode == profiles.LogPrintable }},
		{"LogType 3 SSH packets", map[string]string{"LogType": "3"}, func(p profiles.Profile) bool { return p.LogMode == profiles.LogRaw }},
		{"CloseOnExit 0 never", map[string]string{"CloseOnExit": "0"}, func(p profiles.Profile) bool { return p.CloseOnExit == "never" }},
		{"CloseOnExit 1 clean", map[string]string{"CloseOnExit": "1"}, func(p profiles.Profile) bool { return p.CloseOnExit == "clean" }},
		{"CloseOnExit 2 always", map[string]string{"CloseOnExit": "2"}, func(p profiles.Profile) bool { return p.CloseOnExit == "always" }},
		{"Beep 0 none", map[string]string{"Beep": "0"}, func(p profiles.Profile) bool { return p.Terminal.Bell == profiles.BellNone }},
		{"Beep 1 system sound", map[string]string{"Beep": "1"}, func(p profiles.Profile) bool { return p.Terminal.Bell == profiles.BellSound }},
		{"Beep 2 visual bell", map[string]string{"Beep": "2"}, func(p profiles.Profile) bool { return p.Terminal.Bell == profiles.BellFlash }},
		{"Beep 3 sound file plays the system sound", map[string]string{"Beep": "3"}, func(p profiles.Profile) bool { return p.Terminal.Bell == profiles.BellSound }},
		{"Beep missing is PuTTY's sound", map[string]string{}, func(p profiles.Profile) bool { return p.Terminal.Bell == profiles.BellSound }},
		{"BeepInd 0 no taskbar", map[string]string{"BeepInd": "0"}, func(p profiles.Profile) bool { return !p.Terminal.BellTaskbar }},
		{"BeepInd 1 flashing taskbar", map[string]string{"BeepInd": "1"}, func(p profiles.Profile) bool { return p.Terminal.BellTaskbar }},
		{"BeepInd 2 steady taskbar", map[string]string{"BeepInd": "2"}, func(p profiles.Profile) bool { return p.Terminal.BellTaskbar }},
		{"BellOverload 1 limits", map[string]string{"BellOverload": "1"}, func(p profiles.Profile) bool { return !p.Terminal.BellUnlimited }},
		{"BellOverload 0 unlimited", map[string]string{"BellOverload": "0"}, func(p profiles.Profile) bool { return p.Terminal.BellUnlimited }},
		{"NoRemoteWinTitle 1", map[string]string{"NoRemoteWinTitle": "1"}, func(p profiles.Profile) bool { return p.Terminal.NoRemoteTitle }},
		{"NoApplicationKeys 1", map[string]string{"NoApplicationKeys": "1"}, func(p profiles.Profile) bool { return p.Terminal.NoAppKeypad }},
		{"NoMouseReporting 1", map[string]string{"NoMouseReporting": "1"}, func(p profiles.Profile) bool { return p.Terminal.NoMouseReporting }},
		{"NoRemoteResize 1", map[string]string{"NoRemoteResize": "1"}, func(p profiles.Profile) bool { return p.Terminal.NoRemoteResize }},
		{"Features 0 let the server", map[string]string{"NoRemoteWinTitle": "0", "NoApplicationKeys": "0", "NoMouseReporting": "0", "NoRemoteResize": "0"},
			func(p profiles.Profile) bool {
				t := p.Terminal
				return !t.NoRemoteTitle && !t.NoAppKeypad && !t.NoMouseReporting && !t.NoRemoteResize
			}},
		{"Answerback PuTTY is Tern's none", map[string]string{"Answerback": "PuTTY"}, func(p profiles.Profile) bool { return p.Terminal.Answerback == "" }},
		{"Answerback chosen", map[string]string{"Answerback": "sw-12^M"}, func(p profiles.Profile) bool { return p.Terminal.Answerback == "sw-12^M" }},
		{"Colours all PuTTY's keep the theme", map[string]string{"Colour0": "187,187,187", "Colour2": "0,0,0"}, func(p profiles.Profile) bool { return p.Terminal.Colours == nil }},
		{"Colour2 changed", map[string]string{"Colour2": "0,0,64"}, func(p profiles.Profile) bool {
			c := p.Terminal.Colours
			return len(c) == 22 && c[2] == "#000040" && c[0] == "#bbbbbb" && c[21] == "#ffffff"
		}},
		{"Colour unreadable takes the default", map[string]string{"Colour2": "0,0,64", "Colour3": "300,1,1"}, func(p profiles.Profile) bool { return p.Terminal.Colours[3] == "#555555" }},
		{"AddressFamily 2 IPv6", map[string]string{"AddressFamily": "2"}, func(p profiles.Profile) bool { return p.Network == "tcp6" }},
		{"old tab-separated environment", map[string]string{"Environment": "LANG\tC,TZ\tUTC"}, func(p profiles.Profile) bool {
			return reflect.DeepEqual(p.Environment, map[string]string{"LANG": "C", "TZ": "UTC"})
		}},
		{"LineCodePage as PuTTY for Windows names it", map[string]string{"LineCodePage": "ISO-8859-2:1999 (Latin-2, East Europe)"}, func(p profiles.Profile) bool { return p.Charset == "ISO-8859-2" }},
		{"LineCodePage UTF-8", map[string]string{"LineCodePage": "UTF-8"}, func(p profiles.Profile) bool { return p.Charset == "" }},
		{"EraseToScrollback 0 loses cleared text", map[string]string{"EraseToScrollback": "0"}, func(p profiles.Profile) bool { return p.ClearDropsText }},
		{"EraseToScrollback 1 pushes it", map[string]string{"EraseToScrollback": "1"}, func(p profiles.Profile) bool { return !p.ClearDropsText }},
		{"Windows font height", map[string]string{"Font": "Consolas", "FontHeight": "12"}, func(p profiles.Profile) bool { return p.FontSize == 16 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kv := map[string]string{"Protocol": "telnet", "HostName": "h"}
			for k, v := range c.kv {
				kv[k] = v
			}
			p, reason := fromPuTTY("s", kv)
			if reason != "" || !c.check(p) {
				t.Fatalf("%q: %+v", reason, p)
			}
		})
	}
}

// importRegFile is ImportReg of a file that must import.
func importRegFile(t *testing.T, path string) ImportResult {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := ImportReg(f)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestImportPuTTYRegExport(t *testing.T) {
	res := importRegFile(t, "testdata/putty/sessions.reg")
	if len(res.Imported) != 1 || len(res.Skipped) != 1 || res.Skipped[0].Name != "web server" {
		t.Fatalf("%+v", res)
	}
	p := res.Imported[0]
	if p.Name != "Switch core" || p.Host != "10.0.0.2" || p.Port != "23" || p.Negotiation != "passive" ||
		p.LocalEcho != "auto" || p.LogMode != profiles.LogPrintable || !p.LogAppend || p.LogFile != `C:\Logs\&H-&Y&M&D.log` || p.CloseOnExit != "clean" || p.FontSize != 16 {
		t.Fatalf("%+v", p)
	}
}

func TestImportUTF16Reg(t *testing.T) {
	text := "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\r1]\r\n\"HostName\"=\"r1.lan\"\r\n\"Protocol\"=\"telnet\"\r\n"
	raw := []byte{0xFF, 0xFE}
	for _, r := range text {
		raw = append(raw, byte(r), byte(r>>8))
	}
	res, err := ImportReg(bytes.NewReader(raw))
	if err != nil || len(res.Imported) != 1 || res.Imported[0].Host != "r1.lan" {
		t.Fatalf("%+v %v", res, err)
	}
}

// FuzzImportPuTTYReg: any input is read without panic.
func FuzzImportPuTTYReg(f *testing.F) {
	data, _ := os.ReadFile("testdata/putty/sessions.reg")
	f.Add(data)
	f.Fuzz(func(t *testing.T, in []byte) {
		ImportReg(bytes.NewReader(in))
	})
}

// TestUnknownCharsetIsListed: a set Tern does not know is named in the
// import summary, and the session stays UTF-8.
func TestUnknownCharsetIsListed(t *testing.T) {
	kv := map[string]string{"Protocol": "telnet", "HostName": "h", "LineCodePage": "Use font encoding"}
	p, _ := fromPuTTY("s", kv)
	lost := notImported(kv)
	if p.Charset != "" || len(lost) != 1 || lost[0] != "Remote character set Use font encoding (Tern does not know it; UTF-8 is used)" {
		t.Fatalf("charset %q, not imported %q", p.Charset, lost)
	}
}

// TestPuTTYProxyImport: SOCKS 5 and HTTP proxies are imported with their
// host, port, user, DNS choice and exclusions (PuTTY's loopback exclusion
// included unless ProxyLocalhost is on); the password and the kinds Tern
// does not speak are named in the import summary.
func TestPuTTYProxyImport(t *testing.T) {
	tests := []struct {
		name string
		kv   map[string]string
		want profiles.ProxySettings
		lost []string
	}{
		{"socks5", map[string]string{"ProxyMethod": "2", "ProxyHost": "bastion", "ProxyPort": "1080", "ProxyUsername": "ops", "ProxyDNS": "1", "ProxyExcludeList": "router.lan,*.corp.example 10.0.0.0/8"},
			profiles.ProxySettings{Kind: "socks5", Host: "bastion", Port: 1080, User: "ops", Bypass: "router.lan, *.corp.example, 10.0.0.0/8, " + puttyLoopbackBypass}, nil},
		{"http, local dns, localhost proxied", map[string]string{"ProxyMethod": "3", "ProxyHost": "proxy.corp", "ProxyPort": "3128", "ProxyDNS": "0", "ProxyLocalhost": "1"},
			profiles.ProxySettings{Kind: "http", Host: "proxy.corp", Port: 3128, LocalDNS: true}, nil},
		{"password", map[string]string{"ProxyMethod": "2", "ProxyHost": "b", "ProxyPort": "1080", "ProxyUsername": "u", "ProxyPassword": "pw", "ProxyLocalhost": "1"},
			profiles.ProxySettings{Kind: "socks5", Host: "b", Port: 1080, User: "u"}, []string{"Proxy password (type it in the Proxy section; Tern keeps it in the keychain)"}},
		{"none", map[string]string{"ProxyMethod": "0", "ProxyHost": "proxy"}, profiles.ProxySettings{}, nil},
		{"socks4", map[string]string{"ProxyMethod": "1", "ProxyHost": "proxy", "ProxyPort": "1080", "ProxyUsername": "ops", "ProxyLocalhost": "1"},
			profiles.ProxySettings{Kind: "socks4", Host: "proxy", Port: 1080, User: "ops"}, nil},
		{"socks4, dns here", map[string]string{"ProxyMethod": "1", "ProxyHost": "proxy", "ProxyDNS": "0", "ProxyLocalhost": "1"},
			profiles.ProxySettings{Kind: "socks4", Host: "proxy", LocalDNS: true}, nil},
		{"telnet proxy, PuTTY's default command", map[string]string{"ProxyMethod": "4", "ProxyHost": "ts.lan", "ProxyPort": "23", "ProxyTelnetCommand": `connect %host %port\n`, "ProxyLocalhost": "1"},
			profiles.ProxySettings{Kind: "telnet", Host: "ts.lan", Port: 23}, nil},
		{"telnet proxy, own command", map[string]string{"ProxyMethod": "4", "ProxyHost": "ts.lan", "ProxyTelnetCommand": `%user\n%pass\nconnect %host %port\n`, "ProxyLocalhost": "1"},
			profiles.ProxySettings{Kind: "telnet", Host: "ts.lan", Command: `%user\n%pass\nconnect %host %port\n`}, nil},
		{"local command", map[string]string{"ProxyMethod": "5", "ProxyTelnetCommand": "ssh -W %host:%port bastion", "ProxyLocalhost": "1"},
			profiles.ProxySettings{Kind: "command", Command: "ssh -W %host:%port bastion"}, nil},
		{"local command without one", map[string]string{"ProxyMethod": "5", "ProxyHost": "proxy"}, profiles.ProxySettings{}, nil},
		{"ssh jump host", map[string]string{"ProxyMethod": "6", "ProxyHost": "jump"}, profiles.ProxySettings{},
			[]string{"Proxy type SSH to proxy and use port forwarding (ProxyMethod=6; Tern speaks SOCKS 4 and 5, HTTP CONNECT, a Telnet proxy and a local command: an SSH jump host is the local command ssh -W %host:%port jumphost)"}},
	}
	for _, tt := range tests {
		kv := map[string]string{"Protocol": "telnet", "HostName": "router.lan"}
		for k, v := range tt.kv {
			kv[k] = v
		}
		p, reason := fromPuTTY(tt.name, kv)
		if reason != "" || p.Proxy != tt.want {
			t.Errorf("%s: proxy %+v (%s); want %+v", tt.name, p.Proxy, reason, tt.want)
		}
		if lost := notImported(kv); !slices.Equal(lost, tt.lost) {
			t.Errorf("%s: not imported %q; want %q", tt.name, lost, tt.lost)
		}
	}
}

// TestImportPuTTYTerminalPanels: a session PuTTY 0.78 saved itself
// (testdata/putty/terminal) after its Colours (RGB fields), Bell,
// Features and answerback were set in its dialog under Xvfb: every one
// of them is imported and none is listed as lost.
func TestImportPuTTYTerminalPanels(t *testing.T) {
	res, err := ImportDir("testdata/putty/terminal")
	if err != nil || len(res.Imported) != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	got := res.Imported[0].Terminal
	want := profiles.Terminal{
		Colours: []string{"#000000", "#ffffff", "#ffffdd", "#555555", "#000000", "#ff0000",
			"#000000", "#555555", "#bb0000", "#ff5555", "#00bb00", "#55ff55", "#bbbb00", "#ffff55",
			"#0000bb", "#5555ff", "#bb00bb", "#ff55ff", "#00bbbb", "#55ffff", "#bbbbbb", "#ffffff"},
		Bell: profiles.BellFlash, BellUnlimited: true, // BeepInd is on PuTTY's Windows dialog only: 0 here
		NoRemoteTitle: true, NoAppKeypad: true, NoMouseReporting: true, NoRemoteResize: true,
		Answerback: "core-sw^M",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
	if lost := notImportedOf(res, "Core switch"); lost != nil {
		t.Errorf("the summary lists %q", lost)
	}
}
