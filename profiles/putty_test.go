package profiles

import (
	"os"
	"reflect"
	"testing"
)

func TestImportPuTTYUnixSessions(t *testing.T) {
	res, err := ImportPuTTYDir("testdata/putty/sessions")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Imported) != 2 || len(res.Skipped) != 2 {
		t.Fatalf("imported %d, skipped %+v", len(res.Imported), res.Skipped)
	}
	router := res.Imported[0]
	want := Profile{Name: "Router room 2", Host: "router.lan", Port: "23", Connection: Telnet, TerminalTypes: []string{"vt100"},
		LocalEcho: "auto", LocalEdit: "off", Negotiation: "active", TelnetKeys: true, BackspaceCtlH: true, User: "admin",
		Environment: map[string]string{"LANG": "C", "TZ": "UTC"}, LogMode: LogPrintable, LogFile: "/tmp/router-&H.log", LogAppend: true,
		CloseOnExit: "never", KeepAlive: 30, Network: "tcp4", Scrollback: 5000, FontSize: 16, Columns: 132, Rows: 43, Notes: "Imported from PuTTY."}
	if !reflect.DeepEqual(router, want) {
		t.Fatalf("got  %+v\nwant %+v", router, want)
	}
	mail := res.Imported[1]
	if mail.Name != "mail/smtp test" || mail.Connection != Raw || mail.Port != "25" || mail.CloseOnExit != "always" {
		t.Fatalf("mail %+v", mail)
	}
	if res.Skipped[0].Name != "bastion" || res.Skipped[1].Name != "console" {
		t.Fatalf("skipped %+v", res.Skipped)
	}
}

// importRegFile is ImportPuTTYReg of a file that must import.
func importRegFile(t *testing.T, path string) ImportResult {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := ImportPuTTYReg(f)
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
		p.LocalEcho != "off" || p.LogMode != LogRaw || p.LogFile != `C:\Logs\&H-&Y&M&D.log` || p.CloseOnExit != "clean" || p.FontSize != 16 {
		t.Fatalf("%+v", p)
	}
}

func TestImportUTF16Reg(t *testing.T) {
	text := "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\Software\\SimonTatham\\PuTTY\\Sessions\\r1]\r\n\"HostName\"=\"r1.lan\"\r\n\"Protocol\"=\"telnet\"\r\n"
	raw := []byte{0xFF, 0xFE}
	for _, r := range text {
		raw = append(raw, byte(r), byte(r>>8))
	}
	res, err := ImportPuTTYReg(bytesReader(raw))
	if err != nil || len(res.Imported) != 1 || res.Imported[0].Host != "r1.lan" {
		t.Fatalf("%+v %v", res, err)
	}
}

// FuzzImportPuTTYReg: any input is read without panic.
func FuzzImportPuTTYReg(f *testing.F) {
	data, _ := os.ReadFile("testdata/putty/sessions.reg")
	f.Add(data)
	f.Fuzz(func(t *testing.T, in []byte) {
		ImportPuTTYReg(bytesReader(in))
	})
}
