package mx

import (
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
)

// TestHostileZoneWordsAreBounded: a zone of 3,000 exchangers of 20
// addresses each, none answering, is told in a few dozen lines, the rest
// counted (issue 24 item 4: before, 66,000 lines went into the window's
// labels and the terminal).
func TestHostileZoneWordsAreBounded(t *testing.T) {
	res := Result{Domain: "hostile.test"}
	var attempts []Attempt
	for i := range 3000 {
		h := Host{Name: fmt.Sprintf("mx%d.hostile.test", i), Preference: uint16(i)}
		for j := range 20 {
			h.Addrs = append(h.Addrs, net.IPv4(10, byte(i>>8), byte(i), byte(j)))
		}
		res.Hosts = append(res.Hosts, h)
		for _, ip := range h.Addrs {
			attempts = append(attempts, Attempt{Host: h, Addr: ip, Err: errors.New("refused"), Port: 25})
		}
	}
	pick := &PickError{Domain: res.Domain, Port: 25, Attempts: attempts}
	choice := Choice{Host: res.Hosts[0], Addr: res.Hosts[0].Addrs[0], Port: 25, Attempts: append(attempts, Attempt{Host: res.Hosts[0]})}
	for name, words := range map[string]string{"Summary": res.Summary(), "PickError": pick.Explain(), "Choice": choice.Explain()} {
		if lines := strings.Count(words, "\n"); lines > 25 || len(words) > 8<<10 {
			t.Errorf("%s: %d lines, %d bytes", name, lines, len(words))
		}
		if !strings.Contains(words, "more") {
			t.Errorf("%s does not count what it leaves out:\n%s", name, words)
		}
	}
}
