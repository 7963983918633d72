package main

import (
	"fmt"
	"os"

	"github.com/tern-telnet/tern/gui/fasttick"
)

// reportEarlyInput prints, with TERN_STATS=1, how often keys were read as
// they arrived rather than at the toolkit's tick, and how often the UI
// goroutine rested instead of ticking (gui/fasttick), for the benchmarks
// and the real-window tests that check both happen.
func reportEarlyInput() {
	if os.Getenv("TERN_STATS") != "1" {
		return
	}
	reads, echoes, answers := fasttick.Counts()
	fmt.Fprintf(os.Stderr, "tern-stats: early-reads=%d early-draws=%d answers-drawn=%d rests=%d\n", reads, echoes, answers, fasttick.Rests())
}
