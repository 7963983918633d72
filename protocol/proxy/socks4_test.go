package proxy

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"strconv"
	"testing"

	"github.com/tern-telnet/tern/protocol/proxy/proxytest"
)

var socks4Requests = []struct {
	name, user, host string
	port             int
	want             []byte
	stage            Stage // -1: no error
}{
	{"SOCKS 4 address", "", "10.1.2.3", 23, []byte{4, 1, 0, 23, 10, 1, 2, 3, 0}, -1},
	{"SOCKS 4 user ID", "ops", "192.0.2.1", 2323, []byte{4, 1, 9, 19, 192, 0, 2, 1, 'o', 'p', 's', 0}, -1},
	{"SOCKS 4A name", "", "sw1", 23, []byte{4, 1, 0, 23, 0, 0, 0, 1, 0, 's', 'w', '1', 0}, -1},
	{"SOCKS 4A name and user", "u", "r.lan", 80, []byte{4, 1, 0, 80, 0, 0, 0, 1, 'u', 0, 'r', '.', 'l', 'a', 'n', 0}, -1},
	{"IPv4-mapped IPv6 goes as IPv4", "", "::ffff:10.0.0.1", 23, []byte{4, 1, 0, 23, 10, 0, 0, 1, 0}, -1},
	{"IPv6 refused", "", "2001:db8::1", 23, nil, StageProtocol},
	{"empty name refused", "", "", 23, nil, StageProtocol},
	{"long user refused", string(make([]byte, 256)), "10.0.0.1", 23, nil, StageAuth},
}

func TestSOCKS4Request(t *testing.T) {
	for _, tt := range socks4Requests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := socks4Request(tt.user, tt.host, tt.port)
			var pe *Error
			switch {
			case tt.stage == -1 && (err != nil || !bytes.Equal(got, tt.want)):
				t.Fatalf("got %x, %v; want %x", got, err, tt.want)
			case tt.stage != -1 && (!errors.As(err, &pe) || pe.Stage != tt.stage):
				t.Fatalf("err = %v; want stage %d", err, tt.stage)
			}
		})
	}
}

var socks4Replies4 = []struct {
	reply []byte
	stage Stage // -1: granted
}{
	{[]byte{0, 90, 0, 0, 0, 0, 0, 0}, -1},
	{[]byte{0, 91, 0, 0, 0, 0, 0, 0}, StageTarget},
	{[]byte{0, 92, 0, 0, 0, 0, 0, 0}, StageAuth},
	{[]byte{0, 93, 0, 0, 0, 0, 0, 0}, StageAuth},
	{[]byte{0, 7, 0, 0, 0, 0, 0, 0}, StageProtocol},
	{[]byte{5, 0, 0, 0, 0, 0, 0, 0}, StageProtocol}, // a SOCKS 5 proxy
	{[]byte("HTTP/1.1"), StageProtocol},
}

func TestParseSOCKS4Reply(t *testing.T) {
	for _, tt := range socks4Replies4 {
		err := parseSOCKS4Reply(tt.reply)
		var pe *Error
		if tt.stage == -1 && err != nil || tt.stage != -1 && (!errors.As(err, &pe) || pe.Stage != tt.stage) {
			t.Errorf("%x: %v; want stage %d", tt.reply, err, tt.stage)
		}
	}
}

func FuzzSOCKS4Request(f *testing.F) {
	for _, tt := range socks4Requests {
		f.Add(tt.user, tt.host, uint16(tt.port))
	}
	f.Fuzz(func(t *testing.T, user, host string, port uint16) {
		req, err := socks4Request(user, host, int(port))
		if err != nil {
			return
		}
		if req[0] != 4 || req[1] != 1 || req[len(req)-1] != 0 || int(req[2])<<8|int(req[3]) != int(port) {
			t.Fatalf("request %x", req)
		}
	})
}

// socks4aPeer is a scripted SOCKS 4A proxy on loopback (Debian's Dante
// speaks SOCKS 4 but not 4A): it reads a request, connects onwards and
// relays. Each host name it was asked for is sent on the channel.
func socks4aPeer(t *testing.T) (int, <-chan string) {
	t.Helper()
	names := make(chan string, 8)
	return proxytest.Serve(t, func(c net.Conn) { serveSOCKS4a(c, names) }), names
}

func serveSOCKS4a(c net.Conn, names chan<- string) {
	defer c.Close()
	r := bufio.NewReader(c)
	var head [8]byte
	if _, err := io.ReadFull(r, head[:]); err != nil || head[0] != 4 {
		return
	}
	if _, err := r.ReadString(0); err != nil { // user ID
		return
	}
	host := net.IP(head[4:8]).String()
	if head[4] == 0 && head[5] == 0 && head[6] == 0 && head[7] != 0 {
		name, err := r.ReadString(0)
		if err != nil {
			return
		}
		host = name[:len(name)-1]
		names <- host
	}
	port := int(head[2])<<8 | int(head[3])
	up, err := net.Dial("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		_, _ = c.Write([]byte{0, 91, 0, 0, 0, 0, 0, 0})
		return
	}
	defer up.Close()
	_, _ = c.Write([]byte{0, 90, 0, 0, 0, 0, 0, 0})
	go func() { _, _ = io.Copy(up, r) }()
	_, _ = io.Copy(c, up)
}
