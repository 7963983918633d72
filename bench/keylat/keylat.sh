#!/bin/bash
# keylat.sh: keystroke-to-screen latency of a terminal client (X11 "typometer", keylat/keylat.c)
# against a loopback server that never sends a byte (keylat/sink.py), so the client echoes locally.
#
#   keylat.sh --client 'CMD {host} {port}' [--samples 40] [--series 1] [--echo [--echo-delay MS]] [--rect X,Y,W,H]
#                   [--reset return|backspace] [--poll 0.5] [--settle 3] [--shot PREFIX] [--maxload 1.0] [--loadwait 900]
#                   [--args 'more keylat options, e.g. -dump DIR'] [--xvfb]
#
# Each series: wait until the 1-min load average < --maxload (poll 20 s, at most --loadwait s, then measure
# anyway and say so), start the client with a fresh HOME and XDG_CONFIG_HOME, find its window (_NET_WM_PID),
# wait --settle s, move the pointer into it and click (no WM: focus follows the pointer), run keylat
# (--samples keys, random 80-150 ms apart, grabbing the window every --poll ms), screenshot to
# PREFIX-SERIES.png (--shot), kill the client. Prints every sample on stderr and a table on stdout.
# --echo: the server echoes every byte back (--echo-delay MS later: a server farther away). Starts its own Xvfb when DISPLAY is unset (or with --xvfb).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
A=""; samples=40; series=1; echo=""; rect=""; reset=return; poll=0.5; settle=3; shot=""; maxload=1.0; loadwait=900; xvfb=""; kargs=""; delay=0
while [ $# -gt 0 ]; do
  case "$1" in
    --client) A=$2; shift 2;; --samples) samples=$2; shift 2;; --series) series=$2; shift 2;;
    --echo) echo=--echo; shift;; --echo-delay) delay=$2; shift 2;; --rect) rect=$2; shift 2;; --reset) reset=$2; shift 2;; --poll) poll=$2; shift 2;;
    --settle) settle=$2; shift 2;; --shot) shot=$2; shift 2;; --maxload) maxload=$2; shift 2;;
    --loadwait) loadwait=$2; shift 2;; --xvfb) xvfb=1; shift;; --args) kargs=$2; shift 2;;
    -h|--help) sed -n '2,14p' "$0"; exit 0;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
[ -n "$A" ] || { echo "need --client 'CMD {host} {port}'" >&2; exit 2; }
[ -e /usr/include/X11/extensions/XTest.h ] && [ -e /usr/include/X11/extensions/XShm.h ] || { echo "keylat.sh: needs libxtst-dev libxext-dev (apt-get install -y libxtst-dev libxext-dev)" >&2; exit 2; }
for t in xdotool gcc python3; do command -v $t >/dev/null || { echo "keylat.sh: needs $t" >&2; exit 2; }; done
kl=${KEYLAT_BIN:-${TMPDIR:-/tmp}/keylat-bin}  # built here: shared/ may be read-only
[ "$kl" -nt "$here/keylat.c" ] || gcc -O2 -Wall -o "$kl" "$here/keylat.c" -lX11 -lXext -lXtst -lm
work=$(mktemp -d /tmp/keylat.XXXXXX); pids=(); cpid=""
# the client's whole tree (xterm's telnet runs in its own session), leaves first
tree() { local k; for k in $(ps -o pid= --ppid "$1" 2>/dev/null); do tree "$k"; done; echo "$1"; }
stopclient() {
  [ -n "$cpid" ] || return 0
  local t; t=$(tree "$cpid"); kill $t 2>/dev/null || true
  for _ in $(seq 20); do kill -0 "$cpid" 2>/dev/null || break; sleep 0.1; done
  kill -9 $t 2>/dev/null || true; wait "$cpid" 2>/dev/null || true; cpid=""
}
cleanup() { stopclient; for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
if [ -z "${DISPLAY:-}" ] || [ -n "$xvfb" ]; then
  for n in $(seq 90 130); do [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ] || break; done
  Xvfb :$n -screen 0 1280x1024x24 -nolisten tcp >"$work/xvfb.log" 2>&1 & pids+=($!)
  export DISPLAY=:$n
  for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$n ] && break; sleep 0.1; done
fi
python3 "$here/sink.py" $echo --delay "$(awk -v d="$delay" 'BEGIN { print d / 1000 }')" --portfile "$work/port" 2>"$work/server.err" & pids+=($!)
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.05; done
port=$(cat "$work/port")
cmd=${A//\{host\}/127.0.0.1}; cmd=${cmd//\{port\}/$port}
echo "keylat.sh: DISPLAY=$DISPLAY server 127.0.0.1:$port ${echo:-silent}; client: $cmd" >&2

waitload() {  # prints "load=L", or "load=L(waited-out)" after --loadwait s
  local t0=$SECONDS l
  while :; do
    l=$(cut -d' ' -f1 /proc/loadavg)
    if awk -v l="$l" -v m="$maxload" 'BEGIN{exit !(l < m)}'; then echo "load=$l"; return; fi
    if (( SECONDS - t0 >= loadwait )); then
      echo "keylat.sh: load $l still >= $maxload after ${loadwait}s: measuring anyway" >&2; echo "load=$l(waited-out)"; return
    fi
    sleep 20
  done
}

: > "$work/res"
for s in $(seq "$series"); do
  ld=$(waitload)
  h=$work/home.$s; mkdir -p "$h/.config"
  HOME=$h XDG_CONFIG_HOME=$h/.config setsid sh -c "exec $cmd" </dev/null >"$work/client.$s.log" 2>&1 & cpid=$!
  if ! win=$("$kl" -p "$cpid" -find -wait 30); then
    echo "keylat.sh: no window; client output:" >&2; cat "$work/client.$s.log" >&2; exit 1
  fi
  sleep "$settle"
  read -r wid geo < <("$kl" -w "${win%% *}" -find)   # again: the client may have resized itself
  IFS='x+' read -r ww wh wx wy <<<"$geo"
  xdotool mousemove --sync $((wx + ww / 2)) $((wy + wh / 2)) click 1
  sleep 0.5
  "$kl" -w "$wid" -n "$samples" -reset "$reset" -poll "$poll" ${rect:+-r "$rect"} $kargs >"$work/out.$s" 2>"$work/err.$s" || true
  cat "$work/err.$s" "$work/out.$s" >&2
  [ -z "$shot" ] || import -window root "$shot-$s.png" 2>/dev/null || true
  sum=$(grep '^keylat: n=' "$work/out.$s" || echo "keylat: failed")
  echo "$s $ld $geo $sum" >> "$work/res"
  stopclient
done
sleep 0.3
cat "$work/server.err" >&2
echo "# client: $A  (server: ${echo:-silent}, $samples samples/series)"
printf '%-6s %-7s %-7s %-7s %-7s %-7s %-6s %-8s %-12s %s\n' series median p90 min max misses poll last_med window load
while read -r s ld geo _ rest; do
  declare -A f=(); for kv in $rest; do f[${kv%%=*}]=${kv#*=}; done
  printf '%-6s %-7s %-7s %-7s %-7s %-7s %-6s %-8s %-12s %s\n' "$s" "${f[median]:-}" "${f[p90]:-}" "${f[min]:-}" \
    "${f[max]:-}" "${f[misses]:-}" "${f[poll]:-}" "${f[last_median]:-}" "$geo" "${ld#load=}"
  unset f
done < "$work/res"
