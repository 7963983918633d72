package charset

import (
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/transform"
)

// maxPending bounds the bytes kept between reads: no character of these
// sets is longer (EUC-JP's three-byte kanji are the longest).
const maxPending = 4

// Decoder turns a remote byte stream into UTF-8. It is not safe for
// concurrent use; one goroutine reads a session.
type Decoder struct {
	s       *set
	t       transform.Transformer // for a multibyte set
	pending []byte                // the start of a character cut by the last read
}

// NewDecoder decodes the set named name (see Canonical); "" or an
// unknown name is UTF-8, passed through as it is.
func NewDecoder(name string) *Decoder {
	s := lookup(name)
	d := &Decoder{s: s}
	if s.multi != nil {
		d.t = s.multi.NewDecoder()
	}
	return d
}

// Decode appends p, converted to UTF-8, to dst. A multibyte character cut
// at the end of p is kept and completed by the next call. A byte that is
// no character of the set becomes U+FFFD; control characters and escape
// sequences (ASCII in every set) pass unchanged.
func (d *Decoder) Decode(dst, p []byte) []byte {
	switch {
	case d.s.single != nil:
		for _, b := range p {
			if b < 0x80 {
				dst = append(dst, b)
			} else {
				dst = utf8.AppendRune(dst, d.s.single.DecodeByte(b))
			}
		}
		return dst
	case d.t == nil:
		return append(dst, p...)
	}
	src := p
	if len(d.pending) > 0 {
		src = append(d.pending, p...)
		d.pending = nil
	}
	return d.decodeMulti(dst, src)
}

func (d *Decoder) decodeMulti(dst, src []byte) []byte {
	for len(src) > 0 {
		if cap(dst)-len(dst) < 3*len(src)+utf8.UTFMax {
			dst = append(dst[:cap(dst)], make([]byte, 3*len(src)+utf8.UTFMax)...)[:len(dst)]
		}
		nDst, nSrc, err := d.t.Transform(dst[len(dst):cap(dst)], src, false)
		dst, src = dst[:len(dst)+nDst], src[nSrc:]
		switch {
		case err == transform.ErrShortSrc && len(src) < maxPending:
			d.pending = append([]byte(nil), src...)
			return dst
		case err == transform.ErrShortDst && nSrc+nDst > 0:
			// room is made at the top of the loop
		case err != nil || (nSrc == 0 && len(src) > 0):
			dst = utf8.AppendRune(dst, utf8.RuneError)
			src = src[1:]
			d.t.Reset()
		}
	}
	return dst
}

// Encoder turns UTF-8 text into the remote set. It is not safe for
// concurrent use.
type Encoder struct {
	s       *set
	e       *encoding.Encoder // for a multibyte set
	pending []byte            // the start of a UTF-8 character cut by the last call
}

// NewEncoder encodes into the set named name (see Canonical); "" or an
// unknown name is UTF-8, passed through as it is.
func NewEncoder(name string) *Encoder {
	s := lookup(name)
	e := &Encoder{s: s}
	if s.multi != nil {
		e.e = s.multi.NewEncoder()
	}
	return e
}

// Encode appends p, converted from UTF-8 to the set, to dst. A character
// the set cannot hold, and a byte that is not UTF-8, becomes '?'. A
// character cut at the end of p (a key sent a byte at a time) is kept and
// completed by the next call.
func (e *Encoder) Encode(dst, p []byte) []byte {
	if e.s.single == nil && e.e == nil {
		return append(dst, p...)
	}
	if len(e.pending) > 0 {
		p = append(e.pending, p...)
		e.pending = nil
	}
	var buf [8]byte
	for len(p) > 0 {
		if !utf8.FullRune(p) {
			e.pending = append([]byte(nil), p...)
			break
		}
		r, size := utf8.DecodeRune(p)
		ch := p[:size]
		p = p[size:]
		switch {
		case r < utf8.RuneSelf:
			dst = append(dst, byte(r))
		case r == utf8.RuneError && size == 1:
			dst = append(dst, '?')
		case e.s.single != nil:
			b, ok := e.s.single.EncodeRune(r)
			if !ok {
				b = '?'
			}
			dst = append(dst, b)
		default:
			e.e.Reset()
			n, _, err := e.e.Transform(buf[:], ch, true)
			if err != nil || n == 0 {
				dst = append(dst, '?')
				continue
			}
			dst = append(dst, buf[:n]...)
		}
	}
	return dst
}
