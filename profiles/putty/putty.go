package putty

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/charset"
)

// Skipped is a PuTTY session that was not imported, and why.
type Skipped struct {
	Name, Reason string
}

// NotImported lists, for one imported session, the settings it changed
// from PuTTY's defaults that Tern has no counterpart for.
type NotImported struct {
	Name     string
	Settings []string // in PuTTY's words, each with its key and value
}

// ImportResult is what an import found.
type ImportResult struct {
	Imported    []profiles.Profile
	Skipped     []Skipped
	NotImported []NotImported // sessions imported without some settings
}

// ImportDir reads PuTTY's Unix saved sessions (~/.putty/sessions):
// one file per session, named with %XX escapes, holding key=value lines.
func ImportDir(dir string) (ImportResult, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ImportResult{}, err
	}
	var sessions []puttySession
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		name, err := url.PathUnescape(e.Name())
		if err != nil {
			name = e.Name()
		}
		kv, err := readKeyValues(filepath.Join(dir, e.Name()))
		if err != nil {
			return ImportResult{}, err
		}
		sessions = append(sessions, puttySession{name: name, kv: kv})
	}
	return convert(sessions), nil
}

func readKeyValues(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	kv := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			kv[k] = v
		}
	}
	return kv, sc.Err()
}

type puttySession struct {
	name string
	kv   map[string]string
	from string // the program that saved it: PuTTY (when "") or KiTTY
	// folder is the KiTTY folder it was saved in (a portable KiTTY's
	// sub-folder; the registry's Folder value wins), "" for none.
	folder string
}

// regSessionKeys are where PuTTY and KiTTY keep their sessions under
// HKEY_CURRENT_USER, lower-cased, with the program each belongs to.
var regSessionKeys = []struct{ path, program string }{
	{`\software\simontatham\putty\sessions\`, "PuTTY"},
	{`\software\9bis.com\kitty\sessions\`, "KiTTY"},
}

// regSession finds the session a .reg key names: its name, unescaped, and
// the program that wrote it; ok is false for any other key.
func regSession(key string) (name, program string, ok bool) {
	lower := asciiLower(key) // same length as key
	for _, k := range regSessionKeys {
		i := strings.Index(lower, k.path)
		if i < 0 || strings.Contains(key[i+len(k.path):], `\`) {
			continue
		}
		raw := key[i+len(k.path):]
		name, err := url.PathUnescape(raw)
		if err != nil {
			name = raw
		}
		return name, k.program, true
	}
	return "", "", false
}

// ImportReg reads a .reg export of
// HKEY_CURRENT_USER\Software\SimonTatham\PuTTY\Sessions, or of KiTTY's
// HKEY_CURRENT_USER\Software\9bis.com\KiTTY\Sessions (UTF-16 or UTF-8).
func ImportReg(r io.Reader) (ImportResult, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return ImportResult{}, err
	}
	text := decodeRegText(raw)
	var sessions []puttySession
	var cur *puttySession
	for _, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			name, program, ok := regSession(line[1 : len(line)-1])
			if !ok {
				cur = nil
				continue
			}
			sessions = append(sessions, puttySession{name: name, kv: map[string]string{}, from: program})
			cur = &sessions[len(sessions)-1]
		case cur != nil && strings.HasPrefix(line, `"`):
			if k, v, ok := parseRegValue(line); ok {
				cur.kv[k] = v
			}
		}
	}
	if len(sessions) == 0 {
		return ImportResult{}, fmt.Errorf("no PuTTY sessions found: the file should be a registry export of HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions (or KiTTY's Software\\9bis.com\\KiTTY\\Sessions)")
	}
	return convert(sessions), nil
}

// asciiLower lower-cases A-Z only, so byte offsets stay valid.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

func decodeRegText(raw []byte) string {
	if len(raw) >= 2 && raw[0] == 0xFF && raw[1] == 0xFE { // UTF-16 LE, as regedit writes
		u := make([]uint16, 0, len(raw)/2)
		for i := 2; i+1 < len(raw); i += 2 {
			u = append(u, uint16(raw[i])|uint16(raw[i+1])<<8)
		}
		return string(utf16.Decode(u))
	}
	return strings.TrimPrefix(string(raw), "\uFEFF")
}

// parseRegValue reads `"Name"="text"` or `"Name"=dword:0000001c`.
func parseRegValue(line string) (string, string, bool) {
	name, rest, ok := readRegString(line)
	if !ok || !strings.HasPrefix(rest, "=") {
		return "", "", false
	}
	rest = rest[1:]
	if strings.HasPrefix(rest, "dword:") {
		n, err := strconv.ParseUint(strings.TrimPrefix(rest, "dword:"), 16, 32)
		if err != nil {
			return "", "", false
		}
		return name, strconv.FormatUint(n, 10), true
	}
	value, _, ok := readRegString(rest)
	return name, value, ok
}

func readRegString(s string) (value, rest string, ok bool) {
	if !strings.HasPrefix(s, `"`) {
		return "", "", false
	}
	var b strings.Builder
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '\\':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
		case '"':
			return b.String(), s[i+1:], true
		default:
			b.WriteByte(s[i])
		}
	}
	return "", "", false
}

func convert(sessions []puttySession) ImportResult {
	var res ImportResult
	sort.Slice(sessions, func(i, j int) bool { return sessions[i].name < sessions[j].name })
	named := map[string]bool{}
	for _, s := range sessions {
		if folder := s.kv["Folder"]; folder != "" && folder != "Default" { // KiTTY's session folders
			s.folder = folder
		}
		s.folder = profiles.CleanFolder(s.folder)
		if key := strings.ToLower(s.name); named[key] && s.folder != "" {
			s.name = s.folder + "/" + s.name // the same name in two folders: both kept
		}
		named[strings.ToLower(s.name)] = true
		p, reason := fromPuTTY(s.name, s.kv)
		if reason != "" {
			res.Skipped = append(res.Skipped, Skipped{s.name, reason})
			continue
		}
		p.Notes = "Imported from " + cmp.Or(s.from, "PuTTY") + "."
		p.Folder = s.folder
		res.Imported = append(res.Imported, p)
		if lost := notImported(s.kv); len(lost) > 0 {
			res.NotImported = append(res.NotImported, NotImported{p.Name, lost})
		}
	}
	return res
}

// fromPuTTY maps one PuTTY session's settings onto a profile, or says why
// it cannot. The enum values are PuTTY's storage values (its settings.c
// and conf-enums.h); docs/putty-import.md lists every key read.
func fromPuTTY(name string, kv map[string]string) (profiles.Profile, string) {
	proto := strings.ToLower(kv["Protocol"])
	switch proto {
	case "telnet", "raw":
	case "ssh", "bare-ssh-connection", "ssh-connection":
		return profiles.Profile{}, "an SSH session: Tern speaks Telnet and raw TCP, not SSH"
	case "serial":
		return profiles.Profile{}, "a serial-line session: Tern connects over the network only"
	case "":
		return profiles.Profile{}, "no protocol in the saved session"
	default:
		return profiles.Profile{}, fmt.Sprintf("a %s session: Tern speaks Telnet and raw TCP only", proto)
	}
	if name == "Default Settings" && kv["HostName"] == "" {
		return profiles.Profile{}, "PuTTY's Default Settings (Tern has its own)"
	}
	p := profiles.Profile{Name: name, Host: kv["HostName"], Port: kv["PortNumber"], Connection: proto}
	if p.Host == "" {
		return profiles.Profile{}, "no host name"
	}
	puttyTerminal(&p, kv)
	puttyTerminalPanels(&p, kv)
	puttyLogging(&p, kv)
	puttyProxy(&p, kv)
	p.CloseOnExit = map[string]string{"0": "never", "1": "clean", "2": "always"}[kv["CloseOnExit"]]
	p.KeepAlive = puttyKeepAlive(kv)
	p.Network = map[string]string{"1": "tcp4", "2": "tcp6"}[kv["AddressFamily"]]
	if n, err := strconv.Atoi(kv["ScrollbackLines"]); err == nil && n > 0 {
		p.Scrollback = n
	}
	p.LFImpliesCR, p.CRImpliesLF = kv["LFImpliesCR"] == "1", kv["CRImpliesLF"] == "1"
	p.ClearDropsText = kv["EraseToScrollback"] == "0"
	p.FontSize = puttyFontSize(kv)
	p.Columns, p.Rows = puttyNumber(kv["TermWidth"], 1000), puttyNumber(kv["TermHeight"], 1000)
	return p, ""
}

// puttyTerminal maps the Telnet, Data, Keyboard and Terminal panels.
func puttyTerminal(p *profiles.Profile, kv map[string]string) {
	if tt := kv["TerminalType"]; tt != "" {
		p.TerminalTypes = []string{tt}
	}
	if sp := kv["TerminalSpeed"]; sp != "" && sp != defaultTerminalSpeed {
		p.TerminalSpeed = sp
	}
	if set, ok := charset.Canonical(kv["LineCodePage"]); ok && set != charset.UTF8 {
		p.Charset = set
	}
	p.LocalEcho = puttyOnOffAuto(kv["LocalEcho"])
	p.LocalEdit = puttyOnOffAuto(kv["LocalEdit"])
	if p.Connection == profiles.Telnet {
		p.Negotiation = "active"
		if kv["PassiveTelnet"] == "1" {
			p.Negotiation = "passive"
		}
	}
	p.EnterCRNUL = kv["TelnetRet"] == "0"
	p.TelnetKeys = kv["TelnetKey"] == "1"
	p.BackspaceCtlH = kv["BackspaceIsDelete"] == "0"
	puttyKeyboard(p, kv)
	p.User = kv["UserName"]
	p.Environment = puttyEnvironment(kv["Environment"])
}

// defaultTerminalSpeed is PuTTY's and Tern's TSPEED answer.
const defaultTerminalSpeed = "38400,38400"

// puttyLogging maps the Logging panel. PuTTY's LogType: 0 none; 1
// "Printable output" (the text only: Tern's text session log); 2 "All
// session output" (the server's data after Telnet, escape sequences kept:
// Tern's session log); 3 "SSH packets" and 4 "SSH packets and raw data",
// which a Telnet session never writes: Tern's nearest is its raw log (both
// directions in hex). LogFileClash: 1
// overwrite, 0 append, -1 ask (PuTTY's default). Tern cannot ask, so "ask"
// appends: the old log is never lost.
func puttyLogging(p *profiles.Profile, kv map[string]string) {
	switch kv["LogType"] {
	case "1":
		p.LogMode = profiles.LogText
	case "2":
		p.LogMode = profiles.LogPrintable
	case "3", "4":
		p.LogMode = profiles.LogRaw
	}
	p.LogFile = kv["LogFileName"]
	p.LogAppend = kv["LogFileClash"] != "1"
}

// puttyKeepAlive is PuTTY's keep-alive interval in seconds: PingInterval
// minutes plus PingIntervalSecs (two keys since PuTTY 0.52).
func puttyKeepAlive(kv map[string]string) int {
	mins, _ := strconv.Atoi(kv["PingInterval"])
	secs, _ := strconv.Atoi(kv["PingIntervalSecs"])
	if mins < 0 || secs < 0 || mins > 24*60 {
		return 0
	}
	return mins*60 + secs
}

// puttyNumber reads a positive number up to max, or 0.
func puttyNumber(s string, max int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > max {
		return 0
	}
	return n
}

// puttyFontSize reads the font height in points (Windows FontHeight, or
// the size at the end of a Unix "client:Monospace 12" FontName) as a Fyne
// text size: Fyne's units are pixels at 96 dpi, 4/3 of a point.
func puttyFontSize(kv map[string]string) float32 {
	points, err := strconv.Atoi(kv["FontHeight"])
	font := cmp.Or(kv["FontName"], kv["Font"])
	if font, ok := strings.CutPrefix(font, "client:"); ok && err != nil {
		fields := strings.Fields(font)
		if len(fields) > 1 {
			points, err = strconv.Atoi(fields[len(fields)-1])
		}
	}
	if err != nil || points < 5 || points > 54 {
		return 0
	}
	return float32(math.Round(float64(points) * 4 / 3))
}

// puttyOnOffAuto reads PuTTY's LocalEcho and LocalEdit: 0 force on, 1
// force off, 2 auto (the default, also for a missing or unknown value).
func puttyOnOffAuto(v string) string {
	switch v {
	case "0":
		return "on"
	case "1":
		return "off"
	}
	return "auto"
}

// puttyEnvironment reads PuTTY's environment list: "VAR=value,VAR2=value2"
// with \, \= and \, escaping those characters (settings.c's wmap); older
// PuTTY separated name and value with a tab.
func puttyEnvironment(s string) map[string]string {
	env := map[string]string{}
	var field strings.Builder
	name, inValue := "", false
	endItem := func() {
		switch {
		case inValue && name != "":
			env[name] = field.String()
		case !inValue && field.Len() > 0: // a name alone: an empty value
			env[field.String()] = ""
		}
		name, inValue = "", false
		field.Reset()
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && i+1 < len(s):
			i++
			field.WriteByte(s[i])
		case (c == '=' || c == '\t') && !inValue:
			name, inValue = field.String(), true
			field.Reset()
		case c == ',':
			endItem()
		default:
			field.WriteByte(c)
		}
	}
	endItem()
	if len(env) == 0 {
		return nil
	}
	return env
}

// SessionsDir is where PuTTY keeps saved sessions on Unix.
func SessionsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".putty", "sessions")
}
