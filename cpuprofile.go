package main

import (
	"os"
	"runtime/pprof"
)

// profileCPU starts a CPU profile into the file TERN_CPUPROFILE names, for
// the benchmarks and for finding what keeps a window busy; it returns the
// function that ends it.
func profileCPU() (stop func()) {
	path := os.Getenv("TERN_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
