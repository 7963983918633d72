package smtp

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/mail"
	"strings"
	"time"
)

// Message is what the assistant sends after DATA.
type Message struct {
	From    string
	To      []string
	Subject string
	Body    string
	Date    time.Time // zero means now
	ID      string    // Message-ID without <>; "" makes one
	Host    string    // for the Message-ID; "" means tern.invalid
}

// MaxLineLength is RFC 5321's limit for a line of text, without CR LF.
const MaxLineLength = 998

// DataLines returns the message as the lines to send after DATA: headers,
// an empty line, the body with every line ending normalised and lines
// starting with "." dot-stuffed, then the final ".".
func (m Message) DataLines() []string {
	date := m.Date
	if date.IsZero() {
		date = time.Now()
	}
	id := m.ID
	if id == "" {
		id = newMessageID(m.Host)
	}
	lines := []string{
		"Date: " + date.Format(time.RFC1123Z),
		"Message-ID: <" + id + ">",
		"From: " + m.From,
		"To: " + strings.Join(m.To, ", "),
		"Subject: " + m.Subject,
		"MIME-Version: 1.0",
		"Content-Type: text/plain; charset=utf-8",
		"",
	}
	for _, l := range BodyLines(m.Body) {
		lines = append(lines, stuff(l))
	}
	return append(lines, ".")
}

// BodyLines splits a body on CR LF, bare LF or bare CR.
func BodyLines(body string) []string {
	body = strings.ReplaceAll(body, "\r\n", "\n")
	body = strings.ReplaceAll(body, "\r", "\n")
	body = strings.TrimSuffix(body, "\n")
	return strings.Split(body, "\n")
}

// stuff doubles a leading dot (RFC 5321 section 4.5.2).
func stuff(line string) string {
	if strings.HasPrefix(line, ".") {
		return "." + line
	}
	return line
}

func newMessageID(host string) string {
	if host == "" {
		host = "tern.invalid"
	}
	var b [8]byte
	rand.Read(b[:])
	return fmt.Sprintf("%d.%s@%s", time.Now().UnixNano(), hex.EncodeToString(b[:]), host)
}

// CheckField rejects CR and LF, which would smuggle extra commands, and
// every other control character but TAB (ESC, ^C, DEL, C1), which a paste
// may carry unseen and which would reach the server as they are.
func CheckField(name, value string) error {
	if strings.ContainsAny(value, "\r\n") {
		return fmt.Errorf("%s must be one line: a line break would send a second command", name)
	}
	for _, r := range value {
		if (r < 0x20 && r != '\t') || (r >= 0x7f && r <= 0x9f) {
			return fmt.Errorf("%s holds an invisible control character (U+%04X), perhaps pasted with the text: type it again", name, r)
		}
	}
	return nil
}

// CheckAddress checks an envelope address (user@domain, or empty for the
// null sender when allowNull).
func CheckAddress(name, addr string, allowNull bool) error {
	if err := CheckField(name, addr); err != nil {
		return err
	}
	addr = strings.TrimSpace(addr)
	if addr == "" || addr == "<>" {
		if allowNull {
			return nil
		}
		return fmt.Errorf("%s is empty", name)
	}
	a, err := mail.ParseAddress(strings.Trim(addr, "<>"))
	if err != nil || a.Name != "" || !strings.Contains(a.Address, "@") {
		return fmt.Errorf("%s %q does not look like an address such as user@example.com", name, addr)
	}
	return nil
}

// LongLines returns the numbers (1-based) of body lines over MaxLineLength.
func LongLines(body string) []int {
	var out []int
	for i, l := range BodyLines(body) {
		if len(l) > MaxLineLength {
			out = append(out, i+1)
		}
	}
	return out
}

// QueueID finds a queue id in a reply such as "250 2.0.0 Ok: queued as 4Xy7".
func QueueID(r Reply) string {
	t := r.Text()
	for _, marker := range []string{"queued as ", "queued as: ", "id="} {
		if i := strings.Index(strings.ToLower(t), marker); i >= 0 {
			rest := strings.Fields(t[i+len(marker):])
			if len(rest) > 0 {
				return strings.Trim(rest[0], "<>.,;")
			}
		}
	}
	return ""
}
