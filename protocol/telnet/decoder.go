package telnet

import "bytes"

// DefaultMaxSubnegotiation bounds the payload of one subnegotiation. A
// longer one is dropped whole and reported, so a hostile server cannot make
// the client buffer without limit.
const DefaultMaxSubnegotiation = 64 << 10

// Handler receives everything in the stream that is not data. The decoder
// calls it in stream order; payload slices are only valid during the call.
type Handler interface {
	// Command reports a two-byte command such as IAC AYT or IAC NOP, and
	// also IAC followed by a byte that is no command at all.
	Command(cmd byte)
	// Negotiation reports IAC WILL/WONT/DO/DONT opt.
	Negotiation(verb, opt byte)
	// Subnegotiation reports IAC SB opt payload IAC SE, with IAC IAC in
	// the payload turned back into one 0xFF. empty is true for IAC SB IAC
	// SE, which names no option at all.
	Subnegotiation(opt byte, payload []byte, empty bool)
	// SubnegotiationDropped reports a subnegotiation longer than the bound.
	SubnegotiationDropped(opt byte, size int)
}

type decodeState uint8

const (
	stData        decodeState = iota
	stIAC                     // seen IAC
	stVerb                    // seen IAC WILL/WONT/DO/DONT, waiting for the option
	stSBOption                // seen IAC SB, waiting for the option
	stSBOptionIAC             // seen IAC SB IAC
	stSB                      // inside a subnegotiation
	stSBIAC                   // seen IAC inside a subnegotiation
)

// Decoder turns a server's byte stream into data and calls a Handler for
// everything else. Its state survives any split between reads. The zero
// value is ready to use; it translates CR NUL into CR as an NVT does.
type Decoder struct {
	// Binary turns off the NVT rule that CR NUL means CR (RFC 856): set it
	// while the server sends in BINARY mode.
	Binary bool
	// MaxSubnegotiation bounds one subnegotiation's payload; zero means
	// DefaultMaxSubnegotiation.
	MaxSubnegotiation int

	state    decodeState
	verb     byte
	sbOpt    byte
	sb       []byte
	sbSize   int
	sbTooBig bool
	afterCR  bool // the last data byte was a CR (NVT: a NUL after it is dropped)
}

// Decode appends the data in src to dst and returns it, reporting commands
// to h. It never keeps a reference to src.
func (d *Decoder) Decode(dst, src []byte, h Handler) []byte {
	for len(src) > 0 {
		if d.state == stData {
			var n int
			dst, n = d.data(dst, src)
			src = src[n:]
			continue
		}
		dst = d.control(dst, src[0], h)
		src = src[1:]
	}
	return dst
}

// data copies plain data up to the next IAC, handling CR NUL, and returns
// how many bytes of src it consumed (the IAC included).
func (d *Decoder) data(dst, src []byte) ([]byte, int) {
	end := bytes.IndexByte(src, IAC)
	chunk := src
	if end >= 0 {
		chunk = src[:end]
	}
	if d.Binary {
		dst = append(dst, chunk...)
		if len(chunk) > 0 {
			d.afterCR = false
		}
	} else {
		dst = d.nvtData(dst, chunk)
	}
	if end >= 0 {
		d.state = stIAC
		return dst, end + 1
	}
	return dst, len(src)
}

// nvtData appends chunk, dropping the NUL of every CR NUL (RFC 854). It
// looks for NUL, which plain text hardly ever has, so text is copied in
// bulk.
func (d *Decoder) nvtData(dst, chunk []byte) []byte {
	if len(chunk) == 0 {
		return dst
	}
	if d.afterCR && chunk[0] == 0 {
		chunk = chunk[1:]
		d.afterCR = false
		if len(chunk) == 0 {
			return dst
		}
	}
	d.afterCR = chunk[len(chunk)-1] == '\r'
	for {
		i := bytes.IndexByte(chunk, 0)
		if i < 0 {
			return append(dst, chunk...)
		}
		if i > 0 && chunk[i-1] == '\r' {
			dst = append(dst, chunk[:i]...)
		} else {
			dst = append(dst, chunk[:i+1]...)
		}
		chunk = chunk[i+1:]
	}
}

// control advances the state machine by one byte outside plain data.
func (d *Decoder) control(dst []byte, b byte, h Handler) []byte {
	switch d.state {
	case stIAC:
		dst = d.afterIAC(dst, b, h)
	case stVerb:
		d.state = stData
		h.Negotiation(d.verb, b)
	case stSBOption:
		if b == IAC {
			d.state = stSBOptionIAC
			return dst
		}
		d.startSB(b)
	case stSBOptionIAC:
		switch b {
		case SE:
			d.state = stData
			h.Subnegotiation(0, nil, true)
		case IAC:
			d.startSB(IAC)
		default: // IAC SB IAC cmd: a broken SB; take the command
			d.state = stData
			dst = d.afterIAC(dst, b, h)
		}
	case stSB:
		if b == IAC {
			d.state = stSBIAC
			return dst
		}
		d.appendSB(b)
	case stSBIAC:
		switch b {
		case SE:
			d.endSB(h)
		case IAC:
			d.state = stSB
			d.appendSB(IAC)
		default:
			// RFC 855 leaves IAC x inside SB undefined; like libtelnet we end
			// the subnegotiation and treat IAC x as the command it names.
			d.endSB(h)
			dst = d.afterIAC(dst, b, h)
		}
	}
	return dst
}

func (d *Decoder) afterIAC(dst []byte, b byte, h Handler) []byte {
	switch b {
	case IAC: // IAC IAC is one data byte 0xFF
		d.state = stData
		d.afterCR = false
		dst = append(dst, IAC)
	case WILL, WONT, DO, DONT:
		d.verb = b
		d.state = stVerb
	case SB:
		d.state = stSBOption
	default:
		d.state = stData
		h.Command(b)
	}
	return dst
}

func (d *Decoder) startSB(opt byte) {
	d.sbOpt = opt
	d.sb = d.sb[:0]
	d.sbSize = 0
	d.sbTooBig = false
	d.state = stSB
}

func (d *Decoder) appendSB(b byte) {
	d.sbSize++
	if d.sbTooBig {
		return
	}
	limit := d.MaxSubnegotiation
	if limit <= 0 {
		limit = DefaultMaxSubnegotiation
	}
	if len(d.sb) >= limit {
		d.sbTooBig = true
		d.sb = nil
		return
	}
	d.sb = append(d.sb, b)
}

func (d *Decoder) endSB(h Handler) {
	d.state = stData
	if d.sbTooBig {
		h.SubnegotiationDropped(d.sbOpt, d.sbSize)
		return
	}
	h.Subnegotiation(d.sbOpt, d.sb, false)
	if cap(d.sb) > 4096 {
		d.sb = nil // do not keep a large buffer alive after a big SB
	}
}

// InData reports whether the decoder sits between commands, with no
// partial sequence pending.
func (d *Decoder) InData() bool { return d.state == stData }
