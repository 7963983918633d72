package protocol

import (
	"io"

	"github.com/tern-telnet/tern/protocol/linedisc"
)

// The terminal side's way in: keys and pastes are queued for the input
// goroutine, which feeds them to the line discipline with s.mu held.

// Write takes the user's keys from the terminal, one key per write, as
// xterm encodes them: CR is Return, CR LF in one write Return in newline
// mode (LNM), DEL Backspace; LF alone (Ctrl+J) and ^H (Ctrl+H) are data.
// The session sends each as it says (see linedisc.Discipline). It never blocks
// on the network. Pasted text goes to Paste instead.
func (s *Session) Write(p []byte) (int, error) {
	if err := s.queueInput(inputItem{data: append([]byte(nil), p...)}); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Paste sends pasted text as text: it is cleaned first (see linedisc.CleanPaste),
// so no pasted byte can act as a key, end a bracketed paste or open the
// escape prompt, and Telnet's IAC is doubled like any data. bracketed says
// the server asked for bracketed paste (xterm's mode 2004); the markers
// are sent around the text in character mode. It never blocks on the
// network, and keeps its place among the keys.
func (s *Session) Paste(p []byte, bracketed bool) error {
	return s.queueInput(inputItem{data: linedisc.CleanPaste(p).Text, paste: true, bracketed: bracketed})
}

// inputItem is one write from the terminal side.
type inputItem struct {
	data      []byte
	paste     bool // data is cleaned pasted text
	bracketed bool // the server asked for bracketed paste
}

func (s *Session) queueInput(it inputItem) error {
	select {
	case <-s.inputEnd:
		return io.ErrClosedPipe
	default:
	}
	select {
	case s.input <- it:
		return nil
	case <-s.inputEnd:
		return io.ErrClosedPipe
	}
}

func (s *Session) inputLoop() {
	for {
		select {
		case it := <-s.input:
			s.locked(func() {
				if it.paste {
					s.ld.Paste(it.data, it.bracketed)
					return
				}
				s.ld.Feed(it.data)
			})
		case <-s.inputEnd:
			return
		}
	}
}
