//go:build !linux

package assist

import "time"

// threadCPU is 0 where Tern cannot read one thread's CPU time: the timing
// is reported by bench/replies.sh on Linux only.
func threadCPU() time.Duration { return 0 }
