#!/bin/bash
# What a person feels, Tern next to PuTTY 0.78 in the same run, under Xvfb:
#  1. key to pixel: an X11 typometer (bench/keylat) types into each client
#     connected to a silent loopback server (local echo) and times each key
#     until its glyph changes the window; then again with the server's
#     echo 30 ms away (remote echo);
#  2. a slow log stream (bench/stream, 1 and 10 lines a second, like
#     "terminal monitor" or "tail -f"): each client's CPU (% of one core)
#     and RSS over STREAM_SECS seconds after 5 s of warm-up, at 80x24 and
#     at Tern's default window size (144x34 cells), each client at both.
# Prints tables; bench/README.md holds the figures with their dates. No
# figure here is a pass/fail test.
set -u
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$0")/.."
# cpu_of PID: user+system clock ticks so far.
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss_of() { awk '/^VmRSS/{print int($2/1024)}' "/proc/$1/status" 2>/dev/null || echo 0; }

# stream_one NAME RATE COMMAND...: the command gets the port as its last
# argument; prints CPU % and RSS at the start and the end of the window.
stream_one() {
  local name=$1 rate=$2; shift 2
  local portfile; portfile=$(mktemp)
  /tmp/tern-stream -rate "$rate" -secs $((STREAM_SECS + 10)) > "$portfile" &
  local spid=$!
  while [ ! -s "$portfile" ]; do sleep 0.05; done
  HOME=$home TERN_PROFILES=$home/profiles.json "$@" "$(cat "$portfile")" >/dev/null 2>&1 &
  local cpid=$!
  sleep 5
  local t0 r0; t0=$(cpu_of $cpid); r0=$(rss_of $cpid)
  sleep "$STREAM_SECS"
  local t1 r1; t1=$(cpu_of $cpid); r1=$(rss_of $cpid)
  local hz; hz=$(getconf CLK_TCK)
  printf '%-24s %3s lines/s  CPU %6.2f%%  RSS %4d -> %4d MB\n' "$name" "$rate" "$(echo "($t1 - $t0) * 100 / ($hz * $STREAM_SECS)" | bc -l)" "$r0" "$r1"
  kill $cpid $spid 2>/dev/null; wait $cpid $spid 2>/dev/null
  rm -f "$portfile"
}
if [ "${1:-}" = --stream-one ]; then # inside xvfb-run: one client, one rate
  shift
  stream_one "$@"
  exit
fi

SAMPLES=${SAMPLES:-40}
STREAM_SECS=${STREAM_SECS:-60}
RATES=${RATES:-"1 10"}
need() { command -v "$1" >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q "$2" >/dev/null 2>&1; }; }
need xvfb-run xvfb; need xdotool xdotool; need putty putty; need import imagemagick; need bc bc
[ -e /usr/include/X11/extensions/XTest.h ] || { [ "$(id -u)" = 0 ] && apt-get install -y -q libxtst-dev libxext-dev >/dev/null 2>&1; }
go build -tags no_emoji -o /tmp/tern-feel-bin . || exit 1
go build -o /tmp/tern-stream ./bench/stream || exit 1
go build -tags no_emoji -o /tmp/tern-frameprobe ./bench/frameprobe || exit 1
have_putty=$(command -v putty || true)

echo "== Key to pixel (ms; $SAMPLES keys each; local echo, silent server)"
for client in "/tmp/tern-feel-bin {host} {port}" ${have_putty:+"putty -telnet {host} -P {port}"}; do
  bench/keylat/keylat.sh --client "$client" --samples "$SAMPLES" --maxload 99 --xvfb 2>/dev/null | tail -n +2
done

# A server 30 ms away echoes each key (remote echo: raw, local echo and
# line editing off, as with a router's CLI): its answer comes after any
# key handler has returned, so this times the way output is drawn.
echo "== Key to pixel, remote echo 30 ms away (ms; $SAMPLES keys each)"
rhome=$(mktemp -d)
mkdir -p "$rhome/.putty/sessions"
printf 'Protocol=raw\nLocalEcho=1\nLocalEdit=1\n' > "$rhome/.putty/sessions/remote" # 1: force off
printf '{"version":1,"profiles":[{"name":"remote","connection":"raw","localEcho":"off","localEdit":"off"}]}\n' > "$rhome/profiles.json"
for client in "env TERN_PROFILES=$rhome/profiles.json /tmp/tern-feel-bin -load remote {host} {port}" ${have_putty:+"env HOME=$rhome putty -load remote {host} -P {port}"}; do
  bench/keylat/keylat.sh --client "$client" --echo --echo-delay 30 --samples "$SAMPLES" --maxload 99 --xvfb 2>/dev/null | tail -n +2
done
rm -rf "$rhome"

home=$(mktemp -d)
mkdir -p "$home/.putty/sessions"
printf 'Protocol=raw\nTermWidth=80\nTermHeight=24\nScrollbackLines=10000\nWarnOnClose=0\n' > "$home/.putty/sessions/stream80"
printf 'Protocol=raw\nTermWidth=144\nTermHeight=34\nScrollbackLines=10000\nWarnOnClose=0\n' > "$home/.putty/sessions/stream144" # Tern's default window
printf '{"version":1,"profiles":[{"name":"stream80","connection":"raw","columns":80,"rows":24,"scrollback":10000}]}\n' > "$home/profiles.json"
export home STREAM_SECS

echo "== Slow log stream ($STREAM_SECS s each, after 5 s)"
for rate in $RATES; do
  xvfb-run -a -s "-screen 0 1280x800x24" bash "$self" --stream-one 'Tern 80x24' "$rate" /tmp/tern-feel-bin -load stream80 127.0.0.1
  xvfb-run -a -s "-screen 0 1280x800x24" bash "$self" --stream-one 'Tern default window' "$rate" /tmp/tern-feel-bin 127.0.0.1
  [ -n "$have_putty" ] && xvfb-run -a -s "-screen 0 1280x800x24" bash "$self" --stream-one 'PuTTY 80x24' "$rate" putty -load stream80 -raw 127.0.0.1 -P
  [ -n "$have_putty" ] && xvfb-run -a -s "-screen 0 1280x800x24" bash "$self" --stream-one 'PuTTY 144x34' "$rate" putty -load stream144 -raw 127.0.0.1 -P
  # The floor: a bare Fyne window of Tern's default size drawing the same
  # picture as often as Tern draws this stream (34 row rasters scrolling
  # a row per frame; Tern draws at most 5 frames a second for output
  # nobody typed for, one per line below that). The port argument the
  # harness appends is taken by the probe's last flag.
  fps=$(( rate < 5 ? rate : 5 ))
  xvfb-run -a -s "-screen 0 1280x800x24" bash "$self" --stream-one "bare Fyne, same picture" "$rate" /tmp/tern-frameprobe -rows -rate "$fps" -port
done
rm -rf "$home"
