package protocol

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tern-telnet/tern/protocol/charset"
	"github.com/tern-telnet/tern/protocol/connerr"
	"github.com/tern-telnet/tern/protocol/queue"
	"github.com/tern-telnet/tern/protocol/tcpurgent"
	"github.com/tern-telnet/tern/protocol/telnet"
)

// The connection's goroutines: the reading loop (Run's goroutine after
// connecting), the writing loop fed by the out-queue, and the keep-alive
// ticker; closeDown ends them.

// link is the connection's writing side. wr is set with Session.mu held
// (by Run, and by a handshake, which holds wmu too) and read by the
// writing loop; outq has its own lock; ref and the counters are atomics
// any goroutine may use.
type link struct {
	wmu               sync.Mutex // held while writing to the server (and during a TLS handshake)
	wr                io.Writer  // the socket, or its TLS layer
	outq              queue.Out
	ref               atomic.Pointer[net.TCPConn] // the socket, for send's emergency close
	bytesIn, bytesOut atomic.Int64
}

// readSize is how much one socket read takes.
const readSize = 32 << 10

func (s *Session) readLoop(ctx context.Context, conn *net.TCPConn, rd io.Reader) error {
	buf := make([]byte, readSize)
	var data, text []byte
	raw := s.mode() == NegotiateRaw
	gen, cs := s.charsetNow()
	fromRemote := charset.NewDecoder(cs) // to UTF-8, for the screen and the taps
	for {
		n, err := rd.Read(buf)
		if n > 0 {
			// A read that came before ArmStartTLS cannot hold the go-ahead,
			// even when OnData (which may arm it) finds an earlier reply in it
			// that looks alike (POP3's CAPA answer starts with "+OK" too).
			armed := s.tls.fastArmed.Load()
			s.link.bytesIn.Add(int64(n))
			s.recordRaw("<", buf[:n])
			if raw {
				data = append(data[:0], buf[:n]...)
			} else {
				s.locked(func() { data = s.decoder.Decode(data[:0], buf[:n], handler{s}) })
			}
			if g := s.charsetGen.Load(); g != gen { // SetCharset
				gen, cs = s.charsetNow()
				fromRemote = charset.NewDecoder(cs)
			}
			if cs != "" {
				text = fromRemote.Decode(text[:0], data)
				data, text = text, data
			}
			if len(data) > 0 {
				s.logData(data)
				if f := s.OnData; f != nil {
					f(data)
				}
				if _, werr := s.out.Write(data); werr != nil {
					return nil // the terminal went away
				}
				if armed {
					if tc := s.maybeStartTLS(ctx, conn, data); tc != nil {
						rd = tc
					}
				}
			}
			if cap(data) > 4*readSize {
				data = nil
			}
		}
		if err != nil {
			return err
		}
	}
}

// closeDown prints how the connection ended and releases everything.
func (s *Session) closeDown(conn *net.TCPConn, err error) error {
	_ = conn.Close()
	s.link.outq.Close()
	s.mu.Lock()
	byUs := s.closedByUs
	if s.naws.timer != nil {
		s.naws.timer.Stop()
	}
	s.mu.Unlock()
	if s.stopKeep != nil {
		close(s.stopKeep)
	}
	var result error
	switch {
	case byUs:
		s.logf("Connection closed by user")
		s.say("\r\nConnection closed.\r\n")
	case (err == nil || errors.Is(err, io.EOF)) && s.proxyCommand.Ended() != nil:
		ce := &connerr.ConnectError{Kind: connerr.ErrProxy, Host: s.cfg.Host, Port: s.cfg.port(), Err: s.proxyCommand.Ended()}
		s.say("\r\n" + ce.Error() + "\r\n")
		result = ce
	case err == nil || errors.Is(err, io.EOF):
		s.logf("Connection closed by foreign host")
		s.say("\r\nConnection closed by foreign host.\r\n")
	default:
		ce := connerr.Classify(err, s.cfg.Host, s.cfg.port(), s.cfg.Bind, 0)
		if ce.Kind == connerr.ErrOther {
			ce.Kind = connerr.ErrReset
		}
		s.logf("Connection lost: %v", err)
		s.say("\r\n" + ce.Error() + "\r\n")
		result = ce
	}
	s.finish()
	return result
}

// send queues bytes for the server (s.mu held); it never blocks.
func (s *Session) send(p []byte) { s.sendItem(queue.Item{Data: p}) }

// sendItem queues one write for the server (s.mu held), or holds it until
// locked has shown the echo; it never blocks.
func (s *Session) sendItem(it queue.Item) {
	if s.holdSends {
		s.heldSends = append(s.heldSends, it)
		return
	}
	s.pushItem(it)
}

// pushItem hands one write to the writing loop; it never blocks.
func (s *Session) pushItem(it queue.Item) {
	if !s.link.outq.Push(it) {
		s.logf("The server is not reading what Tern sends (%d bytes waiting); closing", queue.MaxPendingOut)
		if c := s.link.ref.Load(); c != nil {
			_ = c.Close()
		}
	}
}

func (s *Session) writeLoop(conn *net.TCPConn) {
	for {
		item, ok := s.link.outq.Pop()
		if !ok {
			return
		}
		s.link.wmu.Lock()
		s.mu.Lock()
		w, encrypted := s.link.wr, s.tls.info != nil
		s.mu.Unlock()
		var err error
		if item.Urgent && !encrypted {
			s.sendUrgent(conn, item.Data)
		} else {
			s.recordRaw(">", item.Logged())
			_, err = w.Write(item.Data)
			s.link.bytesOut.Add(int64(len(item.Data)))
		}
		s.link.wmu.Unlock()
		if err != nil {
			return
		}
	}
}

func (s *Session) sendUrgent(conn *net.TCPConn, p []byte) {
	s.recordRaw(">", p)
	urgentOK, err := tcpurgent.Write(conn, p)
	if err != nil {
		return
	}
	s.link.bytesOut.Add(int64(len(p)))
	if !urgentOK {
		s.logf("This system cannot send TCP urgent data; the Synch's DM went as normal data")
	}
}

func (s *Session) keepAlive(every time.Duration, stop chan struct{}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			s.mu.Lock()
			if s.telnetSeen {
				s.send([]byte{telnet.IAC, telnet.NOP})
			}
			s.mu.Unlock()
		case <-stop:
			return
		}
	}
}
