package sessionlog

// Masked is what a log records in place of a secret.
const Masked = "********"

// MaskLine is a line sent as text but shown as shown (a secret in it
// replaced), as the raw log records it: the start the two share, then
// Masked ("AUTH PLAIN ********").
func MaskLine(text, shown string) string {
	n := 0
	for n < len(text) && n < len(shown) && text[n] == shown[n] {
		n++
	}
	return text[:n] + Masked
}

// MaskKeys is what the raw log records for keys typed at a password
// prompt: Masked once for each run of keys, and line ends (CR, LF, NUL)
// as they are. run says a masked run is already open (the keys before
// were masked too); stillRun says one is open after wire. The result is
// never nil, even when the keys log nothing.
func MaskKeys(wire []byte, run bool) (logAs []byte, stillRun bool) {
	logAs = []byte{}
	for _, b := range wire {
		switch {
		case b == '\r' || b == '\n' || b == 0:
			logAs = append(logAs, b)
			run = false
		case !run:
			logAs = append(logAs, Masked...)
			run = true
		}
	}
	return logAs, run
}
