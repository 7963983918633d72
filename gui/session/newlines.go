package session

// newlines is PuTTY's "Implicit CR in every LF" and "Implicit LF in every
// CR", for devices whose lines stair-step (they send LF alone) or
// overprint (CR alone). It changes what the terminal shows, before the
// parser, as PuTTY's terminal does; what is sent is not changed.
type newlines struct {
	lfCR bool // every LF also returns the carriage
	crLF bool // every CR also feeds a line
}

func (n newlines) on() bool { return n.lfCR || n.crLF }

// apply appends p to dst with CR LF for each LF or CR that implies the
// other.
func (n newlines) apply(dst, p []byte) []byte {
	for _, b := range p {
		switch {
		case b == '\n' && n.lfCR, b == '\r' && n.crLF:
			dst = append(dst, '\r', '\n')
		default:
			dst = append(dst, b)
		}
	}
	return dst
}
