package glcheck

import "testing"

// TestSystemVersionAnswers asks Windows' OpenGL for real (under Wine,
// Mesa's through GLX): whatever the version, the question must work.
func TestSystemVersionAnswers(t *testing.T) {
	v, renderer, err := systemVersion()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseVersion(v); err != nil {
		t.Fatal(err)
	}
	t.Logf("OpenGL %s from %q", v, renderer)
}
