package logon

import (
	"strings"
	"testing"
)

// promptTests: what telnetd, Linux PAM (in its translations), Cisco,
// Juniper, HP/Aruba and MikroTik print, and lines that are not prompts.
var promptTests = []struct {
	line             string
	password, name   bool
	mayAskForASecret bool
}{
	{"Password: ", true, false, true},
	{"password:", true, false, true},
	{"\r\nPassword: \x1b[0m", true, false, true},
	{"Enter password:", true, false, true},
	{"Enable Password:", true, false, true},
	{"[sudo] password for alice: ", true, false, true},
	{"Password for admin@r1:", true, false, true},
	{"PASSCODE:", true, false, true},
	{"Enter PASSCODE: ", true, false, true},
	{"Secret:", true, false, true},
	{"Enter PIN:", true, false, true},
	{"Enter passphrase for key '/home/a/.ssh/id':", true, false, true},
	{"Verification code: ", true, false, true},
	{"Passwort: ", true, false, true},
	{"Kennwort:", true, false, true},
	{"Mot de passe : ", true, false, true},
	{"Contraseña:", true, false, true},
	{"Senha:", true, false, true},
	{"パスワード:", true, false, true},
	{"パスワード：", true, false, true},
	{"密码：", true, false, true},
	{"Пароль: ", true, false, true},
	{"Wachtwoord:", true, false, true},
	{"Hasło:", true, false, true},
	{"Password (again)?", true, false, false},
	{"login: ", false, true, false},
	{"Username:", false, true, false},
	{"User Name:", false, true, false},
	{"Benutzername:", false, true, false},
	{"MikroTik Login: ", false, true, false},
	{"r1 login:", false, true, false},
	{"Login for password reset:", true, false, true}, // a password word wins
	// not prompts
	{"Last login: Mon Dec  7 01:02:03 2026 from 10.0.0.1", false, false, false},
	{"Your password will expire in 3 days", false, false, false},
	{"alice@host:~$ ", false, false, false},
	{"Router#", false, false, false},
	{"spinning:", false, false, true},
	{"secretary:", false, false, true},
	{"Press RETURN to get started:", false, false, true},
	{"Password: ok\r\nwelcome\r\n$ ", false, false, false},
	{"", false, false, false},
	// found by fuzzing
}

func TestPromptTables(t *testing.T) {
	for _, tc := range promptTests {
		if got := IsPasswordPrompt(tc.line); got != tc.password {
			t.Errorf("IsPasswordPrompt(%q) = %v", tc.line, got)
		}
		if got := IsNamePrompt(tc.line); got != tc.name {
			t.Errorf("IsNamePrompt(%q) = %v", tc.line, got)
		}
		if got := MayAskForSecret(tc.line); got != tc.mayAskForASecret {
			t.Errorf("MayAskForSecret(%q) = %v", tc.line, got)
		}
	}
}

// TestProposeMasksForeignPasswordPrompts: a line typed at a prompt of the
// table is proposed as {password} even when echo looked on (issue 24 item 8).
func TestProposeMasksForeignPasswordPrompts(t *testing.T) {
	for _, prompt := range []string{"Passwort: ", "Mot de passe : ", "パスワード:", "Senha:"} {
		steps := Propose([]Turn{{Output: "login: ", Typed: "alice"}, {Output: "\r\n" + prompt, Typed: "Geheim-99"}}, Vars{})
		if len(steps) != 2 || steps[1].Send != "{password}" {
			t.Errorf("%q: %+v", prompt, steps)
		}
	}
}

// TestRecorderTakesAnUnechoedLineForASecret: keys typed with no local echo
// that the server does not echo either become {password}; those it echoes
// stay literal (when in doubt, masked).
func TestRecorderTakesAnUnechoedLineForASecret(t *testing.T) {
	var r Recorder
	r.Output([]byte("Benutzerkennung: "))
	for _, k := range "alice" {
		r.Typed([]byte{byte(k)}, false, true)
		r.Output([]byte{byte(k)}) // the server echoes
	}
	r.Typed([]byte("\r"), false, true)
	r.Output([]byte("\r\nGeheimzahl? "))
	for _, k := range "Xy-123" {
		r.Typed([]byte{byte(k)}, false, true) // nothing comes back
	}
	r.Typed([]byte("\r"), false, true)
	steps := r.Steps(Vars{})
	if len(steps) != 2 || steps[0].Send != "alice" || steps[1].Send != "{password}" {
		t.Fatalf("%+v", steps)
	}
}

func FuzzPromptTables(f *testing.F) {
	for _, tc := range promptTests {
		f.Add(tc.line)
	}
	f.Fuzz(func(t *testing.T, line string) {
		p, n := IsPasswordPrompt(line), IsNamePrompt(line)
		if p && n {
			t.Fatalf("%q is both a password and a name prompt", line)
		}
		if p != IsPasswordPrompt(line+"  ") || p != IsPasswordPrompt(strings.Repeat("x\n", 3)+line) && !strings.ContainsAny(line, "\x1b") {
			t.Fatalf("%q: trailing spaces or earlier lines change the answer", line)
		}
	})
}
