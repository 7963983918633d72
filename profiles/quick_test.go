package profiles

import (
	"reflect"
	"strings"
	"testing"
)

var quickCases = []struct {
	name, text string
	want       []QuickCommand
	err        string
}{
	{"a line", "Show run = show running-config", []QuickCommand{{Label: "Show run", Send: "show running-config"}}, ""},
	{"keys", "Break => {ctrl-c}", []QuickCommand{{Label: "Break", Send: "{ctrl-c}", Keys: true}}, ""},
	{"placeholders", "Enable = enable{enter}{password}", []QuickCommand{{Label: "Enable", Send: "enable{enter}{password}"}}, ""},
	{"Enter alone", "Enter =", []QuickCommand{{Label: "Enter"}}, ""},
	{"comments and blanks", "# mine\n\nSave = wr mem\n  Quit = exit  \n", []QuickCommand{{Label: "Save", Send: "wr mem"}, {Label: "Quit", Send: "exit"}}, ""},
	{"a line that starts with >", "Cmp = > x", []QuickCommand{{Label: "Cmp", Send: "> x"}}, ""},

	{"no equals", "show run", nil, `line 1: no "="`},
	{"no label", " = show run", nil, "line 1: no label"},
	{"unknown placeholder", "x = {pasword}", nil, "unknown placeholder {pasword}"},
	{"unclosed placeholder", "x = {enter", nil, "not closed"},
	{"no keys", "x =>", nil, "no keys"},
	{"long label", strings.Repeat("L", MaxQuickLabel+1) + " = x", nil, "label longer"},
	{"too many", strings.Repeat("x = y\n", MaxQuickCommands+1), nil, "more than"},
}

func TestParseQuickCommands(t *testing.T) {
	for _, c := range quickCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseQuickCommands(c.text)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("error %v, want one saying %q", err, c.err)
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %+v, %v; want %+v", got, err, c.want)
			}
			back, err := ParseQuickCommands(FormatQuickCommands(got))
			if err != nil || !reflect.DeepEqual(back, got) {
				t.Fatalf("FormatQuickCommands does not read back: %+v, %v", back, err)
			}
		})
	}
}

func FuzzParseQuickCommands(f *testing.F) {
	for _, c := range quickCases {
		f.Add(c.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		cmds, err := ParseQuickCommands(text)
		if err != nil {
			return
		}
		back, err := ParseQuickCommands(FormatQuickCommands(cmds))
		if err != nil || len(back) != len(cmds) {
			t.Fatalf("%q read back as %+v, %v", text, back, err)
		}
		for i := range cmds {
			if back[i] != cmds[i] {
				t.Fatalf("%+v read back as %+v", cmds[i], back[i])
			}
		}
	})
}
