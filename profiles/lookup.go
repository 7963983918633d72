package profiles

import (
	"fmt"
	"sort"
	"strings"
)

// Lookup finds a saved profile or template by name (case does not
// matter). An unknown name gives an error that lists close matches.
func Lookup(f *File, name string) (Profile, error) {
	if p, ok := f.Find(name); ok {
		return p, nil
	}
	key := Profile{Name: name}.Key()
	for _, b := range Builtins() {
		if b.Key() == key {
			return b, nil
		}
	}
	var all []string
	all = append(all, f.Names()...)
	for _, b := range Builtins() {
		all = append(all, b.Name)
	}
	close := closeMatches(name, all)
	msg := fmt.Sprintf("there is no saved session called %q", name)
	switch {
	case len(close) > 0:
		msg += "; did you mean " + quoteList(close) + "?"
	case len(f.Profiles) == 0:
		msg += " (no sessions are saved yet)"
	}
	return Profile{}, fmt.Errorf("%s", msg)
}

// closeMatches returns names that contain the query or are within a few
// edits of it, best first, at most five.
func closeMatches(query string, names []string) []string {
	q := strings.ToLower(query)
	type scored struct {
		name string
		d    int
	}
	var hits []scored
	for _, n := range names {
		ln := strings.ToLower(n)
		d := editDistance(q, ln)
		if strings.Contains(ln, q) || strings.Contains(q, ln) {
			d = min(d, 1)
		}
		if d <= max(2, len(q)/3) {
			hits = append(hits, scored{n, d})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].d < hits[j].d })
	var out []string
	for i := 0; i < len(hits) && i < 5; i++ {
		out = append(out, hits[i].name)
	}
	return out
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
