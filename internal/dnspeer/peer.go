// Package dnspeer is an authoritative DNS server on loopback for tests: it
// serves a zone given as Go values over UDP and TCP on 127.0.0.1 and hands
// out a *net.Resolver that asks it and nothing else.
package dnspeer

import (
	"context"
	"encoding/binary"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/dns/dnsmessage"
)

// MX is one mail exchanger record. Host "." with Pref 0 is a null MX
// (RFC 7505).
type MX struct {
	Pref uint16
	Host string
}

// Zone is what the server knows. Names are without the trailing dot and
// compared case-insensitively; a name in none of the maps is NXDOMAIN, a
// name in some map but not the one asked is NOERROR with no answer.
type Zone struct {
	MX   map[string][]MX
	Addr map[string][]string // A and AAAA: IPv4 and IPv6 addresses in text
	PTR  map[string][]string // address in text -> names
	// Silent names get no answer at all, so that lookups time out.
	Silent []string
}

// Peer is a running server.
type Peer struct {
	zone  Zone
	udp   net.PacketConn
	tcp   net.Listener
	mu    sync.Mutex
	asked []string // "MX example.test", in order
}

// Start serves zone until the test ends.
func Start(t testing.TB, zone Zone) *Peer {
	t.Helper()
	tcp, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Peer{zone: zone, tcp: tcp}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); p.serveTCP() }()
	// Wine lacks an ioctl Go's Windows UDP sockets need: there, every
	// query goes over TCP.
	if udp, err := net.ListenPacket("udp", "127.0.0.1:0"); err == nil {
		p.udp = udp
		wg.Add(1)
		go func() { defer wg.Done(); p.serveUDP() }()
	} else {
		t.Logf("dnspeer: no UDP (%v); queries go over TCP", err)
	}
	t.Cleanup(func() {
		if p.udp != nil {
			_ = p.udp.Close()
		}
		_ = tcp.Close()
		wg.Wait()
	})
	return p
}

// Resolver returns a pure-Go resolver whose every query goes to p, over
// UDP or TCP as the resolver chooses (TCP only where p has no UDP: the
// resolver frames a query by the kind of connection it gets).
func (p *Peer) Resolver() *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		if strings.HasPrefix(network, "tcp") || p.udp == nil {
			return d.DialContext(ctx, "tcp", p.tcp.Addr().String())
		}
		return d.DialContext(ctx, "udp", p.udp.LocalAddr().String())
	}}
}

// Addr is the server's TCP address, for a resolver in another process
// (tern's TERN_DNS).
func (p *Peer) Addr() string { return p.tcp.Addr().String() }

// Asked lists the questions the server received, as "TYPE name".
func (p *Peer) Asked() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.asked...)
}

func (p *Peer) serveUDP() {
	buf := make([]byte, 1500)
	for {
		n, from, err := p.udp.ReadFrom(buf)
		if err != nil {
			return
		}
		if out := p.answer(buf[:n]); out != nil {
			_, _ = p.udp.WriteTo(out, from)
		}
	}
}

func (p *Peer) serveTCP() {
	for {
		c, err := p.tcp.Accept()
		if err != nil {
			return
		}
		go p.serveConn(c)
	}
}

func (p *Peer) serveConn(c net.Conn) {
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(10 * time.Second))
	for {
		var size [2]byte
		if _, err := io.ReadFull(c, size[:]); err != nil {
			return
		}
		msg := make([]byte, binary.BigEndian.Uint16(size[:]))
		if _, err := io.ReadFull(c, msg); err != nil {
			return
		}
		out := p.answer(msg)
		if out == nil {
			continue
		}
		_, _ = c.Write(append(binary.BigEndian.AppendUint16(nil, uint16(len(out))), out...))
	}
}

// answer builds the reply to one query, or nil for none.
func (p *Peer) answer(query []byte) []byte {
	var parser dnsmessage.Parser
	h, err := parser.Start(query)
	if err != nil {
		return nil
	}
	q, err := parser.Question()
	if err != nil {
		return nil
	}
	name := strings.ToLower(strings.TrimSuffix(q.Name.String(), "."))
	p.mu.Lock()
	p.asked = append(p.asked, strings.TrimPrefix(q.Type.String(), "Type")+" "+name)
	p.mu.Unlock()
	for _, s := range p.zone.Silent {
		if strings.EqualFold(s, name) {
			return nil
		}
	}
	rcode, add := p.records(q, name)
	b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: h.ID, Response: true, Authoritative: true, RecursionDesired: h.RecursionDesired, RCode: rcode})
	if b.StartQuestions() != nil || b.Question(q) != nil || b.StartAnswers() != nil {
		return nil
	}
	for _, f := range add {
		if f(&b, dnsmessage.ResourceHeader{Name: q.Name, Class: dnsmessage.ClassINET, TTL: 60}) != nil {
			return nil
		}
	}
	out, err := b.Finish()
	if err != nil {
		return nil
	}
	return out
}

type adder func(*dnsmessage.Builder, dnsmessage.ResourceHeader) error

// records finds the answers to q about name.
func (p *Peer) records(q dnsmessage.Question, name string) (dnsmessage.RCode, []adder) {
	z := p.zone
	mx, hasMX := lookup(z.MX, name)
	addrs, hasAddr := lookup(z.Addr, name)
	ptrs, hasPTR := lookup(z.PTR, reverseIP(name))
	if !hasMX && !hasAddr && !hasPTR {
		return dnsmessage.RCodeNameError, nil
	}
	var add []adder
	switch q.Type {
	case dnsmessage.TypeMX:
		for _, m := range mx {
			add = append(add, mxAdder(m))
		}
	case dnsmessage.TypeA, dnsmessage.TypeAAAA:
		for _, a := range addrs {
			if f := addrAdder(q.Type, a); f != nil {
				add = append(add, f)
			}
		}
	case dnsmessage.TypePTR:
		for _, n := range ptrs {
			add = append(add, ptrAdder(n))
		}
	}
	return dnsmessage.RCodeSuccess, add
}

func lookup[V any](m map[string]V, name string) (V, bool) {
	for k, v := range m {
		if strings.EqualFold(strings.TrimSuffix(k, "."), name) {
			return v, true
		}
	}
	var zero V
	return zero, false
}

func mxAdder(m MX) adder {
	return func(b *dnsmessage.Builder, h dnsmessage.ResourceHeader) error {
		h.Type = dnsmessage.TypeMX
		return b.MXResource(h, dnsmessage.MXResource{Pref: m.Pref, MX: fqdn(m.Host)})
	}
}

func ptrAdder(name string) adder {
	return func(b *dnsmessage.Builder, h dnsmessage.ResourceHeader) error {
		h.Type = dnsmessage.TypePTR
		return b.PTRResource(h, dnsmessage.PTRResource{PTR: fqdn(name)})
	}
}

// addrAdder answers an A question with IPv4 addresses and AAAA with IPv6.
func addrAdder(t dnsmessage.Type, text string) adder {
	ip := net.ParseIP(text)
	if ip == nil {
		return nil
	}
	v4 := ip.To4()
	switch {
	case t == dnsmessage.TypeA && v4 != nil:
		return func(b *dnsmessage.Builder, h dnsmessage.ResourceHeader) error {
			h.Type = dnsmessage.TypeA
			return b.AResource(h, dnsmessage.AResource{A: [4]byte(v4)})
		}
	case t == dnsmessage.TypeAAAA && v4 == nil:
		return func(b *dnsmessage.Builder, h dnsmessage.ResourceHeader) error {
			h.Type = dnsmessage.TypeAAAA
			return b.AAAAResource(h, dnsmessage.AAAAResource{AAAA: [16]byte(ip.To16())})
		}
	}
	return nil
}

func fqdn(name string) dnsmessage.Name {
	if !strings.HasSuffix(name, ".") {
		name += "."
	}
	return dnsmessage.MustNewName(name)
}

// reverseIP turns "1.0.0.127.in-addr.arpa" into "127.0.0.1" and an
// ip6.arpa name into its IPv6 address; anything else into "".
func reverseIP(name string) string {
	if v4, ok := strings.CutSuffix(name, ".in-addr.arpa"); ok {
		parts := strings.Split(v4, ".")
		for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
			parts[i], parts[j] = parts[j], parts[i]
		}
		return strings.Join(parts, ".")
	}
	if v6, ok := strings.CutSuffix(name, ".ip6.arpa"); ok {
		nibbles := strings.Split(v6, ".")
		if len(nibbles) != 32 {
			return ""
		}
		var b strings.Builder
		for i := 31; i >= 0; i-- {
			b.WriteString(nibbles[i])
			if i%4 == 0 && i > 0 {
				b.WriteByte(':')
			}
		}
		if ip := net.ParseIP(b.String()); ip != nil {
			return ip.String()
		}
	}
	return ""
}
