// Package framestats counts a terminal tab's frames and the UI time they
// cost, for the benchmark: with TERN_STATS=1 in the environment a tab
// prints them on stderr when it closes (bench/run.sh reads that line).
package framestats

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"
)

// Stats counts one tab's frames and the UI time they cost. The tab's
// render loop owns it.
type Stats struct {
	on      bool
	start   time.Time
	frames  int
	cells   int // cells drawn
	uiBusy  time.Duration
	longest time.Duration
}

// New starts counting; it counts only with TERN_STATS=1.
func New() *Stats {
	return &Stats{on: os.Getenv("TERN_STATS") == "1", start: time.Now()}
}

// Frame counts a frame that drew cells cells and cost busy.
func (s *Stats) Frame(cells int, busy time.Duration) {
	s.frames++
	s.cells += cells
	s.uiBusy += busy
	s.longest = max(s.longest, busy)
}

// Report prints the counts for the tab titled title, with TERN_STATS=1
// (and writes a heap profile to TERN_HEAPPROFILE when set).
func (s *Stats) Report(title string) {
	if !s.on {
		return
	}
	el := time.Since(s.start)
	if path := os.Getenv("TERN_HEAPPROFILE"); path != "" {
		if f, err := os.Create(path); err == nil {
			_ = pprof.WriteHeapProfile(f)
			f.Close()
		}
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Fprintf(os.Stderr, "tern-stats: tab=%q elapsed=%.2fs frames=%d fps=%.1f cells-drawn=%d ui-busy=%.1f%% longest-frame=%s go-heap=%dMB go-sys=%dMB\n",
		title, el.Seconds(), s.frames, float64(s.frames)/el.Seconds(), s.cells, 100*s.uiBusy.Seconds()/el.Seconds(),
		s.longest.Round(time.Millisecond), m.HeapInuse>>20, m.Sys>>20)
}
