package pop3

import "fmt"

// Findings answer, in plain words, what a person runs the test for: is
// the connection encrypted, does the login work, how much mail waits.
// Only what the test got far enough to learn is said; nothing when it
// did not even get an answer to CAPA.
func (r Result) Findings() []string {
	if len(r.Steps) == 0 || r.Steps[0].Reply.Status == None {
		return nil
	}
	f := []string{r.tlsFinding()}
	if l := r.loginFinding(); l != "" {
		f = append(f, l)
	}
	if r.Counted {
		f = append(f, fmt.Sprintf("Mailbox: it holds %s (%s).", plural(r.Maildrop.Messages, "message"), size(r.Maildrop.Size)))
	}
	return f
}

func (r Result) tlsFinding() string {
	detail := ""
	if r.TLS != nil && (r.Encrypted || r.StartedTLS) {
		detail = "\n     " + r.TLS.Summary() + "."
	}
	switch {
	case r.Encrypted:
		return "TLS: the connection was already encrypted (POP3S, or an earlier STLS)." + detail
	case r.StartedTLS:
		return "TLS: STLS worked; everything after it was encrypted." + detail
	case r.TriedSTLS:
		return "TLS: the server offers STLS, but switching to TLS failed."
	case r.OfferedSTLS:
		return "TLS: the server offers STLS (not used in this test)."
	}
	return "TLS: the server does not offer STLS; use POP3S (port 995) if it has it, or the password travels unencrypted."
}

func (r Result) loginFinding() string {
	over := "unencrypted"
	if r.Encrypted || r.StartedTLS {
		over = "over TLS"
		if r.TLS != nil {
			over = "over " + r.TLS.Version
		}
	}
	switch {
	case r.Withheld != "":
		return "Login: not tried: " + r.Withheld + "; Tern did not send it."
	case r.LoginOK:
		return fmt.Sprintf("Login: the server accepted the login for %s %s (%s).", r.User, over, r.TriedLogin)
	case r.LoginError != nil:
		return fmt.Sprintf("Login: the server refused the login for %s (%s, %s): %s.", r.User, r.TriedLogin, over, Explain(Reply{Status: Err, Code: r.LoginError.Code, Text: r.LoginError.Text}))
	case r.TriedLogin != "":
		return fmt.Sprintf("Login: no answer to the login for %s (%s).", r.User, r.TriedLogin)
	}
	return ""
}

func size(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.1f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	case n >= 1e3:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	}
	return plural(int(n), "byte")
}
