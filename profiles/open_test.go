package profiles

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestOpenDefault(t *testing.T) {
	home := t.TempDir()
	tests := []struct {
		name     string
		env      string // TERN_PROFILES
		home     string // HOME, XDG_CONFIG_HOME and AppData
		wantPath string // "" means under home, as DefaultPath says
		wantErr  bool
	}{
		{name: "TERN_PROFILES set", env: "/elsewhere/p.json", home: home, wantPath: "/elsewhere/p.json"},
		{name: "TERN_PROFILES set, no config folder", env: "/elsewhere/p.json", wantPath: "/elsewhere/p.json"},
		{name: "TERN_PROFILES unset", home: home},
		{name: "TERN_PROFILES unset, no config folder", wantPath: FallbackPath, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvPath, tt.env)
			for _, v := range []string{"HOME", "XDG_CONFIG_HOME", "AppData", "home"} {
				t.Setenv(v, tt.home)
			}
			s, err := OpenDefault()
			if (err != nil) != tt.wantErr || s == nil {
				t.Fatalf("store %v, error %v", s, err)
			}
			if tt.wantPath == "" {
				if !strings.HasPrefix(s.Path, home) || filepath.Base(s.Path) != "profiles.json" {
					t.Fatalf("path %q, want profiles.json under %s", s.Path, home)
				}
				return
			}
			if s.Path != tt.wantPath {
				t.Fatalf("path %q, want %q", s.Path, tt.wantPath)
			}
		})
	}
}
