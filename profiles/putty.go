package profiles

import (
	"bufio"
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
)

// Skipped is a PuTTY session that was not imported, and why.
type Skipped struct {
	Name, Reason string
}

// ImportResult is what an import found.
type ImportResult struct {
	Imported []Profile
	Skipped  []Skipped
}

// ImportPuTTYDir reads PuTTY's Unix saved sessions (~/.putty/sessions):
// one file per session, named with %XX escapes, holding key=value lines.
func ImportPuTTYDir(dir string) (ImportResult, error) {
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
		sessions = append(sessions, puttySession{name, kv})
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
}

const regSessions = `\software\simontatham\putty\sessions\`

// ImportPuTTYReg reads a .reg export of
// HKEY_CURRENT_USER\Software\SimonTatham\PuTTY\Sessions (UTF-16 or UTF-8).
func ImportPuTTYReg(r io.Reader) (ImportResult, error) {
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
			key := line[1 : len(line)-1]
			i := strings.Index(asciiLower(key), regSessions) // same length as key
			if i < 0 || strings.Contains(key[i+len(regSessions):], `\`) {
				cur = nil
				continue
			}
			name, err := url.PathUnescape(key[i+len(regSessions):])
			if err != nil {
				name = key[i+len(regSessions):]
			}
			sessions = append(sessions, puttySession{name: name, kv: map[string]string{}})
			cur = &sessions[len(sessions)-1]
		case cur != nil && strings.HasPrefix(line, `"`):
			if k, v, ok := parseRegValue(line); ok {
				cur.kv[k] = v
			}
		}
	}
	if len(sessions) == 0 {
		return ImportResult{}, fmt.Errorf("no PuTTY sessions found: the file should be a registry export of HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions")
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
	for _, s := range sessions {
		p, reason := fromPuTTY(s.name, s.kv)
		if reason != "" {
			res.Skipped = append(res.Skipped, Skipped{s.name, reason})
			continue
		}
		res.Imported = append(res.Imported, p)
	}
	return res
}

// fromPuTTY maps one PuTTY session's settings onto a profile, or says why
// it cannot.
func fromPuTTY(name string, kv map[string]string) (Profile, string) {
	proto := strings.ToLower(kv["Protocol"])
	switch proto {
	case "telnet", "raw":
	case "ssh", "bare-ssh-connection", "ssh-connection":
		return Profile{}, "an SSH session: Tern speaks Telnet and raw TCP, not SSH"
	case "serial":
		return Profile{}, "a serial-line session: Tern connects over the network only"
	case "":
		return Profile{}, "no protocol in the saved session"
	default:
		return Profile{}, fmt.Sprintf("a %s session: Tern speaks Telnet and raw TCP only", proto)
	}
	if name == "Default Settings" && kv["HostName"] == "" {
		return Profile{}, "PuTTY's Default Settings (Tern has its own)"
	}
	p := Profile{Name: name, Host: kv["HostName"], Port: kv["PortNumber"], Connection: proto}
	if p.Host == "" {
		return Profile{}, "no host name"
	}
	if tt := kv["TerminalType"]; tt != "" {
		p.TerminalTypes = []string{tt}
	}
	p.LocalEcho = tristate(kv["LocalEcho"])
	p.LocalEdit = tristate(kv["LocalEdit"])
	if proto == "telnet" {
		p.Negotiation = "active"
		if kv["PassiveTelnet"] == "1" {
			p.Negotiation = "passive"
		}
	}
	p.EnterCRNUL = kv["TelnetRet"] == "0"
	p.TelnetKeys = kv["TelnetKey"] == "1"
	p.BackspaceCtlH = kv["BackspaceIsDelete"] == "0"
	puttyKeyboard(&p, kv)
	p.User = kv["UserName"]
	p.Environment = puttyEnvironment(kv["Environment"])
	switch kv["LogType"] {
	case "1":
		p.LogMode = LogPrintable
	case "2", "3", "4":
		p.LogMode = LogRaw
	}
	p.LogFile = kv["LogFileName"]
	p.LogAppend = kv["LogFileClash"] == "1"
	p.CloseOnExit = map[string]string{"0": "never", "1": "clean", "2": "always"}[kv["CloseOnExit"]]
	if secs, err := strconv.Atoi(kv["PingIntervalSecs"]); err == nil && secs > 0 {
		p.KeepAlive = secs
	} else if mins, err := strconv.Atoi(kv["PingInterval"]); err == nil && mins > 0 {
		p.KeepAlive = mins * 60
	}
	p.Network = map[string]string{"1": "tcp4", "2": "tcp6"}[kv["AddressFamily"]]
	if n, err := strconv.Atoi(kv["ScrollbackLines"]); err == nil && n > 0 {
		p.Scrollback = n
	}
	p.FontSize = puttyFontSize(kv)
	p.Columns, p.Rows = puttyNumber(kv["TermWidth"], 1000), puttyNumber(kv["TermHeight"], 1000)
	p.Notes = "Imported from PuTTY."
	return p, ""
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
// the size at the end of a Unix "client:Monospace 12" font) as a Fyne
// text size: Fyne's units are pixels at 96 dpi, 4/3 of a point.
func puttyFontSize(kv map[string]string) float32 {
	points, err := strconv.Atoi(kv["FontHeight"])
	if font, ok := strings.CutPrefix(kv["Font"], "client:"); ok && err != nil {
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

func tristate(v string) string {
	return map[string]string{"0": "auto", "1": "on", "2": "off"}[v]
}

// puttyEnvironment reads PuTTY's "VAR\tvalue,VAR2\tvalue2" list.
func puttyEnvironment(s string) map[string]string {
	if s == "" {
		return nil
	}
	env := map[string]string{}
	for _, item := range strings.Split(s, ",") {
		if k, v, ok := strings.Cut(item, "\t"); ok && k != "" {
			env[k] = v
		}
	}
	return env
}

// PuTTYSessionsDir is where PuTTY keeps saved sessions on Unix.
func PuTTYSessionsDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".putty", "sessions")
}
