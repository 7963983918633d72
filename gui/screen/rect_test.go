package screen

import "testing"

// showInterfacesStatus is a Cisco switch's table, the column people copy.
const showInterfacesStatus = "Port      Name      Status       Vlan\r\n" +
	"Gi1/0/1   uplink    connected    trunk\r\n" +
	"Gi1/0/2             notconnect   10\r\n" +
	"Gi1/0/3   printer   connected    20\r\n"

func TestTextRect(t *testing.T) {
	s := New(40, 6, 100)
	s.Write([]byte(showInterfacesStatus))
	s.Write([]byte("宽字符 wide"))
	top := s.firstKept()
	cases := []struct {
		name string
		a, b Pos
		want string
	}{
		{"the Status column", Pos{top, 20}, Pos{top + 3, 32}, "Status\nconnected\nnotconnect\nconnected"},
		{"corners in any order", Pos{top + 3, 32}, Pos{top, 20}, "Status\nconnected\nnotconnect\nconnected"},
		{"the Name column keeps an empty cell as an empty line", Pos{top + 1, 10}, Pos{top + 3, 19}, "uplink\n\nprinter"},
		{"one cell", Pos{top + 1, 0}, Pos{top + 1, 0}, "G"},
		{"past the right edge", Pos{top, 33}, Pos{top + 1, 60}, "Vlan\ntrunk"},
		{"a wide character's right half starts at its left", Pos{top + 4, 1}, Pos{top + 4, 3}, "宽字"},
		{"before history is clamped", Pos{top - 9, 0}, Pos{top, 3}, "Port"},
	}
	for _, c := range cases {
		if got := s.TextRect(c.a, c.b); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
