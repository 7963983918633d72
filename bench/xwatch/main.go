// Command xwatch starts a windowed program under X and measures it from
// outside, for bench/run.sh: when its first window was mapped (the X
// server's MapNotify), its resident memory, and, once it has settled, its
// CPU time and frames (DAMAGE reports on its window) while idle.
// It prints one line of name=value pairs and stops the program.
//
//	xwatch [-settle 3s] [-idle 6s] [-keys "ctrl+shift+f"] [-repeat N] [-click x,y] -- command [args...]
//
// -keys are sent with xdotool once the window is up (each -repeat time,
// a second apart: -repeat 9 with ctrl+shift+d duplicates a tab nine
// times) and -click clicks there; rss_mb (and peak_mb, the most it ever
// held) is read after -settle, before the idle span. Run it in
// a display of its own (xvfb-run): the first window mapped is taken to be
// the program's. Needs libX11 and libXdamage (xorg-dev) and xdotool.
package main

/*
#cgo LDFLAGS: -lX11 -lXdamage
#include <stdlib.h>
#include <sys/select.h>
#include <X11/Xlib.h>
#include <X11/extensions/Xdamage.h>

static Display *dpy;
static int damageEvent;

static int xw_open(void) {
	int err;
	dpy = XOpenDisplay(NULL);
	if (!dpy || !XDamageQueryExtension(dpy, &damageEvent, &err)) return 0;
	XSelectInput(dpy, DefaultRootWindow(dpy), SubstructureNotifyMask);
	XSync(dpy, False);
	return 1;
}

// xw_wait waits up to ms milliseconds for an X event; 1 if one is queued.
static int xw_wait(int ms) {
	if (XPending(dpy)) return 1;
	int fd = ConnectionNumber(dpy);
	fd_set s;
	FD_ZERO(&s);
	FD_SET(fd, &s);
	struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
	select(fd + 1, &s, NULL, NULL, &tv);
	return XPending(dpy) > 0;
}

// xw_next takes the next event: 1 a top-level window was mapped (its id
// in *win), 2 a DAMAGE report, 0 anything else.
static int xw_next(unsigned long *win) {
	XEvent e;
	XNextEvent(dpy, &e);
	if (e.type == MapNotify && e.xmap.event == DefaultRootWindow(dpy) && !e.xmap.override_redirect) {
		*win = e.xmap.window;
		return 1;
	}
	if (e.type == damageEvent + XDamageNotify) return 2;
	return 0;
}

static void xw_watch_damage(unsigned long win) {
	XDamageCreate(dpy, (Window)win, XDamageReportRawRectangles);
	XSync(dpy, False);
}
*/
import "C"

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
)

const (
	evMapped = 1
	evDamage = 2
)

func main() {
	settle := flag.Duration("settle", 3*time.Second, "wait after the window maps before reading memory")
	idle := flag.Duration("idle", 6*time.Second, "span over which idle CPU and frames are counted")
	keys := flag.String("keys", "", "xdotool keys to send once the window is up")
	repeat := flag.Int("repeat", 1, "send -keys this many times, a second apart")
	clickAt := flag.String("click", "", "x,y in the window to click once it is up")
	flag.Parse()
	if flag.NArg() == 0 || C.xw_open() == 0 {
		fmt.Fprintln(os.Stderr, "xwatch: needs a command and an X display with DAMAGE")
		os.Exit(2)
	}
	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	start := time.Now()
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "xwatch:", err)
		os.Exit(2)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	win, ok := waitFor(evMapped, 20*time.Second)
	if !ok {
		fmt.Fprintln(os.Stderr, "xwatch: no window mapped in 20 s")
		return
	}
	mapped := time.Since(start)
	sendKeys(win, *keys, *repeat)
	click(win, *clickAt)
	pause(*settle)
	rss, peak := procMemory(cmd.Process.Pid)
	C.xw_watch_damage(C.ulong(win))
	pause(200 * time.Millisecond) // the report DAMAGE makes when it starts watching
	cpu0 := procCPU(cmd.Process.Pid)
	frames := countFor(evDamage, *idle)
	cpu := procCPU(cmd.Process.Pid) - cpu0
	fmt.Printf("mapped_ms=%d rss_mb=%d peak_mb=%d cpu_pct=%.1f frames_per_s=%.1f\n",
		mapped.Milliseconds(), rss>>20, peak>>20,
		100*cpu.Seconds()/idle.Seconds(), float64(frames)/idle.Seconds())
}

// waitFor waits for the first event of a kind; for a mapped window it
// returns the window's id.
func waitFor(kind int, limit time.Duration) (win uint64, ok bool) {
	watch(kind, limit, func(w uint64) bool { win, ok = w, true; return false })
	return win, ok
}

// countFor counts events of a kind over d.
func countFor(kind int, d time.Duration) (n int) {
	watch(kind, d, func(uint64) bool { n++; return true })
	return n
}

// watch takes X events for d, calling seen with the window of each of
// the kind, until seen returns false.
func watch(kind int, d time.Duration, seen func(win uint64) bool) {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		if C.xw_wait(20) == 0 {
			continue
		}
		var win C.ulong
		if int(C.xw_next(&win)) == kind && !seen(uint64(win)) {
			return
		}
	}
}

// pause lets d pass while draining X events (so the queue stays short).
func pause(d time.Duration) { countFor(-1, d) }

func sendKeys(win uint64, keys string, repeat int) {
	if keys == "" {
		return
	}
	pause(time.Second) // let the first frame settle before typing
	id := strconv.FormatUint(win, 10)
	_ = exec.Command("xdotool", "windowactivate", "--sync", id).Run()
	for i := 0; i < repeat; i++ {
		args := append([]string{"key", "--window", id}, strings.Fields(keys)...)
		if out, err := exec.Command("xdotool", args...).CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "xwatch: xdotool: %v %s\n", err, out)
		}
		pause(time.Second)
	}
}

func click(win uint64, at string) {
	x, y, ok := strings.Cut(at, ",")
	if !ok {
		return
	}
	id := strconv.FormatUint(win, 10)
	_ = exec.Command("xdotool", "mousemove", "--window", id, x, y, "click", "1").Run()
	pause(time.Second)
}

// procMemory is the process's resident memory now and at its peak, in bytes.
func procMemory(pid int) (rss, peak int64) {
	data, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, line := range strings.Split(string(data), "\n") {
		name, value, _ := strings.Cut(line, ":")
		if f := strings.Fields(value); len(f) > 0 && (name == "VmRSS" || name == "VmHWM") {
			kb, _ := strconv.ParseInt(f[0], 10, 64)
			if name == "VmRSS" {
				rss = kb << 10
			} else {
				peak = kb << 10
			}
		}
	}
	return rss, peak
}

// procCPU is the process's user and system time so far.
func procCPU(pid int) time.Duration {
	data, _ := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	s := string(data)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	if len(fields) < 13 {
		return 0
	}
	user, _ := strconv.ParseInt(fields[11], 10, 64)
	sys, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(user+sys) * time.Second / clockTicks
}

// clockTicks is USER_HZ, 100 on every Linux this runs on.
const clockTicks = 100
