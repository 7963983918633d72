package pop3

import (
	"cmp"
	"fmt"
)

// Findings answer, in plain words, what a person runs the test for: is
// the connection encrypted, does the login work, how much mail waits.
// Only what the test got far enough to learn is said; nothing when it
// did not even get an answer to CAPA.
func (r Result) Findings() []string {
	if len(r.Steps) == 0 || r.Steps[0].Reply.Status == None {
		return nil
	}
	f := []string{r.TLS.Finding("STLS", "POP3S (port 995)")}
	refusal := ""
	if e := r.LoginError; e != nil {
		refusal = cmp.Or(Refusal(e.Code, e.Text), "-ERR "+e.Text)
	}
	if l := r.Login.Finding(r.TLS, refusal); l != "" {
		f = append(f, l)
	}
	if r.Counted {
		f = append(f, fmt.Sprintf("Mailbox: it holds %s (%s).", plural(r.Maildrop.Messages, "message"), size(r.Maildrop.Size)))
	}
	return f
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
