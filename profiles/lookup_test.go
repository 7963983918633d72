package profiles

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	f := &File{Version: 1}
	f.Put(Profile{Name: "Router room 2", Host: "r"})
	f.Put(Profile{Name: "Mail server", Host: "m"})
	if p, err := Lookup(f, "router ROOM 2"); err != nil || p.Host != "r" {
		t.Fatalf("%+v %v", p, err)
	}
	if p, err := Lookup(f, "smtp test (port 25)"); err != nil || p.Port != "25" {
		t.Fatalf("template: %+v %v", p, err)
	}
	_, err := Lookup(f, "Router room 3")
	if err == nil || !strings.Contains(err.Error(), `did you mean "Router room 2"`) {
		t.Fatalf("%v", err)
	}
	_, err = Lookup(&File{}, "zzzzzzzzzzzzzz")
	if err == nil || !strings.Contains(err.Error(), "no sessions are saved yet") {
		t.Fatalf("%v", err)
	}
}
