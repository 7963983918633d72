package imap

import (
	"fmt"
	"strconv"
)

// Findings answer, in plain words, what a person runs the test for: is
// the connection encrypted, does the login work, how much mail is in the
// mailbox and how much of it unseen. Only what the test got far enough to
// learn is said; nothing when CAPABILITY got no completion.
func (r Result) Findings() []string {
	if len(r.Steps) == 0 || r.Steps[0].Reply.Tag == "" {
		return nil
	}
	f := []string{r.TLS.Finding("STARTTLS", "IMAPS (port 993)")}
	refusal := ""
	if e := r.LoginError; e != nil {
		refusal = Refusal(e.Status, e.Code, e.Text)
	}
	if l := r.Login.Finding(r.TLS, refusal); l != "" {
		f = append(f, l)
	}
	if r.Counted {
		m := r.Mailbox
		s := fmt.Sprintf("Mailbox: %s holds %s", m.Name, plural(m.Messages, "message"))
		if m.Unseen >= 0 {
			s += ", " + strconv.Itoa(m.Unseen) + " unseen"
		}
		f = append(f, s+" (counted with STATUS and EXAMINE: nothing was read or marked).")
	}
	return f
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
