package attention

import (
	"testing"
	"time"
)

// TestBellLimiter: PuTTY's overload rule, bell by bell.
func TestBellLimiter(t *testing.T) {
	t0 := time.Unix(1000, 0)
	ms := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Millisecond) }
	var l Limiter
	steps := []struct {
		at   time.Time
		want bool
		why  string
	}{
		{ms(0), true, "1st"},
		{ms(100), true, "2nd"},
		{ms(200), true, "3rd"},
		{ms(300), true, "4th"},
		{ms(400), false, "5th within 2 s: overloaded"},
		{ms(3000), false, "still overloaded: only 2.6 s quiet"},
		{ms(7000), false, "4 s after the last: still overloaded"},
		{ms(12000), true, "5 s quiet: rings again"},
		{ms(14500), true, "bells 2.5 s apart never overload"},
		{ms(17000), true, ""},
		{ms(19500), true, ""},
		{ms(22000), true, ""},
		{ms(24500), true, ""},
	}
	for i, s := range steps {
		if got := l.Allow(s.at); got != s.want {
			t.Errorf("step %d (%s): allowed %v, want %v", i, s.why, got, s.want)
		}
	}
	if len(l.recent) > BellBurst {
		t.Errorf("the limiter keeps %d bells", len(l.recent))
	}
}
