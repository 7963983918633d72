package termtab

import (
	"strings"
	"testing"

	"github.com/tern-telnet/tern/protocol/linedisc"
)

func TestPasteWarning(t *testing.T) {
	tests := []struct {
		paste string
		want  []string // "" when no question
	}{
		{"ls -l", nil},
		{"ls -l\n", []string{"ends with a line break"}},
		{"a\nb", []string{"You are pasting 2 lines."}},
		{"a\r\nb\r\nc\r\n", []string{"You are pasting 3 lines."}},
		{"a\x03", []string{"contained 1 control character, which was removed."}},
		{"a\x1b[201~\x03\n", []string{"ends with a line break", "contained 2 control characters, which were removed."}},
	}
	for _, tt := range tests {
		msg := pasteWarning(linedisc.CleanPaste([]byte(tt.paste)))
		if (msg == "") != (tt.want == nil) {
			t.Errorf("%q: %q", tt.paste, msg)
		}
		for _, w := range tt.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%q: %q lacks %q", tt.paste, msg, w)
			}
		}
	}
}
