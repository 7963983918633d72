package sessionlog

import (
	"testing"
	"time"
)

func TestExpandName(t *testing.T) {
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	fields := NameFields{Host: "mail.example.com", Port: "25", At: at}
	named := fields
	named.Session = "Mail/room 2"
	tests := []struct {
		name   string
		in     string
		fields NameFields
		want   string
	}{
		{"PuTTY's placeholders", "&H-&P-&Y&M&D-&T.log", fields, "mail.example.com-25-20260304-050607.log"},
		{"lower case works too", "&h_&p_&y", fields, "mail.example.com_25_2026"},
		{"&& is one &", "a&&b.log", fields, "a&b.log"},
		{"unknown placeholder kept", "&X&Q.log", fields, "&X&Q.log"},
		{"trailing & kept", "log&", fields, "log&"},
		{"&S is the session name, without folders", "logs/&S.log", named, "logs/Mail_room 2.log"},
		{"&S falls back to the host", "&S.log", fields, "mail.example.com.log"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExpandName(tt.in, tt.fields); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestStampedAcrossWrites(t *testing.T) {
	at := time.Date(2026, 11, 29, 23, 59, 7, 42e6, time.UTC)
	l := &File{stamp: "&h[&Y-&M-&D &T.&N]&& &x ", now: func() time.Time { return at }}
	var got string
	for _, w := range []string{"a", "b\r\n", "\r\nc\nd", "\n"} {
		got += string(l.stamped([]byte(w)))
	}
	p := "&h[2026-11-29 23:59:07.042]& &x "
	if want := p + "ab\r\n" + p + "\r\n" + p + "c\n" + p + "d\n"; got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
}
