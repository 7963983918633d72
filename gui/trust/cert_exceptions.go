package trust

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
)

// certExceptions are the unverified certificates the person told Tern to
// accept from now on (Thunderbird's permanent exception, PuTTY's cached
// host key): host:port and the certificate's SHA-256 fingerprint, nothing
// else. They live in the app's preferences, beside the window's other
// per-computer settings, not in profiles.json: trusting a certificate is
// this computer's decision, and a profiles file exported or shared must
// not carry it to another. Any goroutine may use them.
type certExceptions struct {
	mu   sync.Mutex
	byAt map[string]string // host:port → fingerprint
	save func(entries []string)
}

// ExceptionsKey is the preference that keeps them, one
// "host:port fingerprint" a line.
const ExceptionsKey = "certificateExceptions"

func loadCertExceptions(p fyne.Preferences) *certExceptions {
	c := &certExceptions{byAt: map[string]string{}, save: func(e []string) { p.SetStringList(ExceptionsKey, e) }}
	for _, e := range p.StringList(ExceptionsKey) {
		if at, fp, ok := strings.Cut(e, " "); ok && at != "" && fp != "" {
			c.byAt[at] = fp
		}
	}
	return c
}

// check says whether the certificate with fingerprint fp is the one
// remembered for where, and whether another one was remembered there
// (the certificate changed).
func (c *certExceptions) check(where, fp string) (known, changed bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	saved, ok := c.byAt[where]
	return ok && saved == fp, ok && saved != fp
}

// remember keeps fp as the accepted certificate of where, replacing any
// earlier one.
func (c *certExceptions) remember(where, fp string) {
	c.mu.Lock()
	c.byAt[where] = fp
	entries := make([]string, 0, len(c.byAt))
	for at, f := range c.byAt {
		entries = append(entries, at+" "+f)
	}
	c.mu.Unlock()
	c.save(entries)
}
