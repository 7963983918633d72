package main

import (
	"fmt"
	"os"

	"github.com/tern-telnet/tern/gui/fasttick"
)

// reportEarlyInput prints, with TERN_STATS=1, how often keys were read as
// they arrived rather than at the toolkit's tick (gui/fasttick), for the
// benchmarks and the real-window test that checks it happens.
func reportEarlyInput() {
	if os.Getenv("TERN_STATS") != "1" {
		return
	}
	reads, echoes, answers := fasttick.Counts()
	fmt.Fprintf(os.Stderr, "tern-stats: early-reads=%d early-draws=%d answers-drawn=%d\n", reads, echoes, answers)
}
