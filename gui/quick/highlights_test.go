package quick

import "testing"

func TestProfileHighlightsSkipBadLines(t *testing.T) {
	rules := validRules([]string{"down red", "no-style", "/x(/ red", `"line protocol" on blue`})
	if len(rules) != 2 || rules[0].Pattern != "down" || rules[1].Pattern != "line protocol" {
		t.Fatalf("rules %+v", rules)
	}
}
