package logon

import "testing"

// TestDescribe: how the status bar and the errors quote a step's text.
func TestDescribe(t *testing.T) {
	tests := []struct {
		expect string
		regexp bool
		want   string
	}{
		{"Password:", false, "“Password:”"},
		{"[$#%>] ?$", false, "“[$#%>] ?$”"}, // plain text is shown as written
		{`(?i)(login|user ?name):\s*$`, true, "“login:” or “user name:”"},
		{`(?i)password:\s*$`, true, "“password:”"},
		{`[$#%>]\s*$`, true, "a prompt ending in $, #, % or >"},
		{`[$#%>] ?$`, true, "a prompt ending in $, #, % or >"},
		{`[>#]\s*$`, true, "a prompt ending in > or #"},
		{`#\s*$`, true, "a prompt ending in #"},
		{`\d+ mails?`, true, "“\\d+ mails?”"},
		{`(a|(b|c))`, true, "“(a|(b|c))”"},
		{`^Press any key`, true, "“^Press any key”"},
	}
	for _, tt := range tests {
		if got := Describe(tt.expect, tt.regexp); got != tt.want {
			t.Errorf("Describe(%q, %v) = %s, want %s", tt.expect, tt.regexp, got, tt.want)
		}
	}
}

// FuzzDescribe: any text, either kind, gives a description and no panic.
func FuzzDescribe(f *testing.F) {
	for _, s := range []string{"Password:", `(?i)(login|user ?name):\s*$`, `[$#%>]\s*$`, `(|)`, `[\]]`} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, expect string, isRegexp bool) {
		if Describe(expect, isRegexp) == "" {
			t.Fatal("empty description")
		}
	})
}
