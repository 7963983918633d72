package smtp

import "encoding/base64"

// PlainResponse is the AUTH PLAIN initial response (RFC 4616): base64 of
// NUL user NUL password, computed here on this computer.
func PlainResponse(user, password string) string {
	return base64.StdEncoding.EncodeToString([]byte("\x00" + user + "\x00" + password))
}

// LoginSteps are the two AUTH LOGIN answers: base64 user, base64 password.
func LoginSteps(user, password string) (string, string) {
	enc := base64.StdEncoding.EncodeToString
	return enc([]byte(user)), enc([]byte(password))
}
