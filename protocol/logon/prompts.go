package logon

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// promptWord is one word of the prompt tables, with where it is seen.
// whole: a short word that only counts on its own ("PIN", not "spinning").
type promptWord struct {
	word  string // lower case
	whole bool
	seen  string
}

// passwordWords are the words a password prompt holds, in the languages
// and devices Tern meets: Linux PAM and telnetd (in their translations),
// Cisco, Juniper, HP/Aruba, MikroTik, one-time-password tokens.
var passwordWords = []promptWord{
	{"password", false, "telnetd, PAM, Cisco, Juniper, HP/Aruba, MikroTik: \"Password:\", \"Enable Password:\", \"Enter password:\""},
	{"passphrase", false, "ssh-agent style \"Enter passphrase for key:\""},
	{"passcode", false, "RSA SecurID: \"PASSCODE:\", \"Enter PASSCODE:\""},
	{"passwort", false, "German PAM: \"Passwort:\""},
	{"kennwort", false, "German (Windows, older PAM): \"Kennwort:\""},
	{"mot de passe", false, "French PAM: \"Mot de passe :\""},
	{"contraseña", false, "Spanish PAM: \"Contraseña:\""},
	{"contrasena", false, "Spanish without the tilde"},
	{"senha", true, "Portuguese PAM: \"Senha:\""},
	{"palavra-passe", false, "Portuguese (Portugal)"},
	{"wachtwoord", false, "Dutch PAM: \"Wachtwoord:\""},
	{"lösenord", false, "Swedish PAM"},
	{"adgangskode", false, "Danish PAM"},
	{"passord", false, "Norwegian PAM"},
	{"salasana", false, "Finnish PAM"},
	{"hasło", false, "Polish PAM"},
	{"heslo", true, "Czech and Slovak PAM"},
	{"jelszó", false, "Hungarian PAM"},
	{"parola", true, "Italian, Romanian, Turkish PAM"},
	{"şifre", false, "Turkish"},
	{"пароль", false, "Russian, Ukrainian PAM"},
	{"κωδικός", false, "Greek PAM"},
	{"パスワード", false, "Japanese PAM: \"パスワード:\""},
	{"密码", false, "Chinese (simplified) PAM"},
	{"密碼", false, "Chinese (traditional) PAM"},
	{"口令", false, "Chinese (Huawei, H3C): \"口令:\""},
	{"비밀번호", false, "Korean PAM"},
	{"암호", false, "Korean"},
	{"mật khẩu", false, "Vietnamese PAM"},
	{"kata sandi", false, "Indonesian PAM"},
	{"secret", true, "\"Secret:\", \"Enable secret:\""},
	{"pin", true, "\"Enter PIN:\", smart cards"},
	{"otp", true, "one-time password: \"OTP:\""},
	{"verification code", false, "PAM Google Authenticator: \"Verification code:\""},
	{"token code", false, "token prompts"},
}

// nameWords are the words a prompt for a user name holds: typed text
// there is not a secret, however little the server echoes.
var nameWords = []promptWord{
	{"login", false, "telnetd, PAM: \"login:\""},
	{"username", false, "Cisco, Juniper, HP/Aruba, MikroTik: \"Username:\""},
	{"user name", false, "HP/Aruba: \"User Name:\""},
	{"user", true, "\"User:\""},
	{"benutzername", false, "German"},
	{"benutzer", false, "German"},
	{"nom d'utilisateur", false, "French"},
	{"identifiant", false, "French"},
	{"usuario", false, "Spanish"},
	{"usuário", false, "Portuguese"},
	{"utente", false, "Italian"},
	{"gebruikersnaam", false, "Dutch"},
	{"логин", false, "Russian"},
	{"имя пользователя", false, "Russian"},
	{"ユーザー名", false, "Japanese"},
	{"ログイン", false, "Japanese"},
	{"用户名", false, "Chinese (simplified)"},
	{"用戶名", false, "Chinese (traditional)"},
	{"사용자", false, "Korean"},
}

// maxPromptLine bounds the prompt line looked at (the end of it).
const maxPromptLine = 256

// IsPasswordPrompt reports whether text's last line asks for a password,
// a passphrase, a PIN or a one-time code, in any language of the table:
// a line that holds one of its words and ends as a prompt does (":", "：",
// "?", ">", then spaces or colour sequences). Login-name prompts are not.
func IsPasswordPrompt(text string) bool {
	l, ok := promptLine(text)
	return ok && hasWord(l, passwordWords)
}

// IsNamePrompt reports whether text's last line asks for a user name.
func IsNamePrompt(text string) bool {
	l, ok := promptLine(text)
	return ok && !hasWord(l, passwordWords) && hasWord(l, nameWords)
}

// MayAskForSecret reports whether text's last line is a prompt ending with
// a colon that is not known to ask for a user name: a password prompt in a
// language the table lacks may look like that. What is typed there with
// echo off is best masked (when in doubt).
func MayAskForSecret(text string) bool {
	l, ok := promptLine(text)
	if !ok || hasWord(l, nameWords) && !hasWord(l, passwordWords) {
		return false
	}
	return strings.HasSuffix(l, ":") || strings.HasSuffix(l, "：")
}

// promptLine is text's last line without escape sequences and control
// characters, lower case, trailing spaces trimmed; ok says it ends as a
// prompt does.
func promptLine(text string) (string, bool) {
	if len(text) > 4*maxPromptLine {
		text = text[len(text)-4*maxPromptLine:]
	}
	text = printable(strings.ReplaceAll(text, "\r", "\n"))
	if i := strings.LastIndexByte(text, '\n'); i >= 0 {
		text = text[i+1:]
	}
	text = strings.ToLower(strings.TrimRightFunc(text, unicode.IsSpace))
	if len(text) > maxPromptLine {
		text = text[len(text)-maxPromptLine:]
	}
	last, _ := utf8.DecodeLastRuneInString(text)
	return text, strings.ContainsRune(":：?>", last) && text != ""
}

// hasWord reports whether l holds one of words, not as part of a longer
// word where the table says so.
func hasWord(l string, words []promptWord) bool {
	for _, w := range words {
		for from := 0; from < len(l); {
			i := strings.Index(l[from:], w.word)
			if i < 0 {
				break
			}
			i += from
			if !w.whole || isolated(l, i, i+len(w.word)) {
				return true
			}
			from = i + len(w.word)
		}
	}
	return false
}

// isolated reports whether l[i:j] has no letter right before or after it.
func isolated(l string, i, j int) bool {
	before, _ := utf8.DecodeLastRuneInString(l[:i])
	after, _ := utf8.DecodeRuneInString(l[j:])
	return (i == 0 || !unicode.IsLetter(before)) && (j == len(l) || !unicode.IsLetter(after))
}
