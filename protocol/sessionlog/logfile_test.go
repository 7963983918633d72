package protocol

import (
	"testing"
	"time"
)

func TestExpandLogName(t *testing.T) {
	at := time.Date(2026, 3, 4, 5, 6, 7, 0, time.UTC)
	fields := LogNameFields{Host: "mail.example.com", Port: "25", At: at}
	named := fields
	named.Session = "Mail/room 2"
	tests := []struct {
		name   string
		in     string
		fields LogNameFields
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
			if got := ExpandLogName(tt.in, tt.fields); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
