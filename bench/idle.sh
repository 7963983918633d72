#!/bin/sh
# Idle CPU, start-up and memory under Xvfb, each of Tern's states next to
# its baselines from the same run: a bare Fyne window (bench/probe: a
# modal pop-up holding one focused Entry; a fyne-io/terminal that shows
# no text; one line of text; Tern's first screen made of Fyne's own
# widgets) and
# PuTTY (its configuration dialog, an idle raw session). bench/xwatch
# starts each program in a display of its own and reports the time to its
# window being mapped, its RSS after it settled, and its CPU and frames
# (X DAMAGE reports) over 6 idle seconds. Every state runs once per round,
# in turn, ROUNDS times (3 by default); the summary gives the median and
# min–max, and ratios of medians.
# TERN_BEFORE=path/to/an/older/tern adds its dialog, session and find bar.
set -e
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
command -v xvfb-run >/dev/null && command -v xdotool >/dev/null || .ci/system-deps.sh test
if ! command -v putty >/dev/null && [ "$(id -u)" = 0 ]; then apt-get install -y -q putty >/dev/null 2>&1 || true; fi
bin=$(mktemp -d)
home=$(mktemp -d)
out=/tmp/tern-bench-idle.txt
trap 'kill $idle_pid 2>/dev/null; rm -rf "$bin" "$home"' EXIT
go build -tags no_emoji -o "$bin/tern" .
go build -tags no_emoji -o "$bin/probe" ./bench/probe # built as Tern is
go build -o "$bin/xwatch" ./bench/xwatch
go build -o "$bin/flood" ./bench/flood

# The flood session of bench/run.sh, kept open after the flood.
mkdir -p "$home/.putty/sessions" "$home/.config/Tern"
printf 'Protocol=raw\nCloseOnExit=0\nWarnOnClose=0\nScrollbackLines=10000\nTermWidth=100\nTermHeight=30\n' > "$home/.putty/sessions/flood"
printf '{"version":1,"profiles":[{"name":"flood","connection":"raw","columns":100,"rows":30,"scrollback":10000,"closeOnExit":"never"}]}\n' > "$home/.config/Tern/profiles.json"
"$bin/flood" -idle > "$home/idle.port" &
idle_pid=$!
while [ ! -s "$home/idle.port" ]; do sleep 0.05; done
port=$(cat "$home/idle.port")

# measure LABEL [xwatch options] -- COMMAND...
measure() {
  label=$1
  shift
  line=$(HOME=$home TERN_PROFILES=$home/.config/Tern/profiles.json \
    xvfb-run -a -s "-screen 0 1280x800x24" "$bin/xwatch" "$@" 2>/dev/null | tail -1)
  printf '%-26s %s\n' "$label" "$line" | tee -a "$out"
}

# flooded LABEL SETTLE COMMAND...: measures after a 100 MiB flood ends.
flooded() {
  label=$1 settle=$2
  shift 2
  "$bin/flood" -mib 100 > "$home/flood.port" &
  flood_pid=$!
  while [ ! -s "$home/flood.port" ]; do sleep 0.05; done
  measure "$label" -settle "$settle" -- "$@" "$(cat "$home/flood.port")"
  wait "$flood_pid" || true
  rm -f "$home/flood.port"
}

: > "$out"
echo "== Idle CPU, start-up and memory ($ROUNDS rounds, Xvfb)"
for round in $(seq "$ROUNDS"); do
  measure bare-fyne-dialog -- "$bin/probe" -mode dialog
  measure bare-fyne-terminal -- "$bin/probe" -mode terminal
  measure bare-fyne-label -- "$bin/probe" -mode label
  measure bare-fyne-window -- "$bin/probe" -mode window
  if command -v putty >/dev/null; then
    measure putty-config-dialog -- putty
    measure putty-idle-session -- putty -raw 127.0.0.1 -P "$port"
  fi
  if [ -n "$TERN_BEFORE" ]; then
    measure before-new-session-dialog -- "$TERN_BEFORE"
    measure before-idle-session -- "$TERN_BEFORE" 127.0.0.1 "$port"
    measure before-find-bar -keys ctrl+shift+f -- "$TERN_BEFORE" 127.0.0.1 "$port"
  fi
  measure tern-new-session-dialog -- "$bin/tern"
  measure tern-idle-session -- "$bin/tern" 127.0.0.1 "$port"
  measure tern-find-bar -keys ctrl+shift+f -- "$bin/tern" 127.0.0.1 "$port"
  measure tern-smtp-assistant -keys ctrl+shift+m -- "$bin/tern" 127.0.0.1 "$port"
  measure tern-status-dialog -keys ctrl+shift+i -- "$bin/tern" 127.0.0.1 "$port"
  measure tern-event-log -keys ctrl+shift+l -- "$bin/tern" 127.0.0.1 "$port"
  # Settings has no shortcut: its toolbar button, the last, in a 1180-wide window.
  measure tern-settings-dialog -click 1110,48 -- "$bin/tern" 127.0.0.1 "$port"
  measure tern-2-tabs -keys ctrl+shift+d -- "$bin/tern" 127.0.0.1 "$port"
  measure tern-10-tabs -keys ctrl+shift+d -repeat 9 -- "$bin/tern" 127.0.0.1 "$port"
  flooded tern-after-100MiB-flood 15s "$bin/tern" -load flood 127.0.0.1
  if command -v putty >/dev/null && [ "$round" = 1 ]; then
    flooded putty-after-100MiB-flood 25s putty -load flood -raw 127.0.0.1 -P
  fi
done

echo "== Summary (median, and min-max over the rounds)"
awk '
function field(name,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == name) return kv[2] + 0 } return -1 }
function keep(k, v) { vals[k, ++n[k]] = v }
function median(k,   i, j, t, a) { for (i = 1; i <= n[k]; i++) a[i] = vals[k, i]
  for (i = 2; i <= n[k]; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
  lo[k] = a[1]; hi[k] = a[n[k]]; return n[k] % 2 ? a[(n[k] + 1) / 2] : (a[n[k] / 2] + a[n[k] / 2 + 1]) / 2 }
function show(k, fmt,   m) { m = median(k); return sprintf(fmt " (" fmt "-" fmt ")", m, lo[k], hi[k]) }
function med(label, what) { return median(label SUBSEP what) }
{ if (!($1 in seen)) { seen[$1] = 1; order[++labels] = $1 }
  keep($1 SUBSEP "mapped", field("mapped_ms")); keep($1 SUBSEP "rss", field("rss_mb"))
  keep($1 SUBSEP "peak", field("peak_mb")); keep($1 SUBSEP "cpu", field("cpu_pct"))
  keep($1 SUBSEP "frames", field("frames_per_s")) }
END {
  printf "%-26s %18s %15s %15s %18s %15s\n", "state", "mapped ms", "RSS MB", "peak MB", "idle CPU %", "frames/s"
  for (i = 1; i <= labels; i++) { k = order[i]
    printf "%-26s %18s %15s %15s %18s %15s\n", k, show(k SUBSEP "mapped", "%d"), show(k SUBSEP "rss", "%d"),
      show(k SUBSEP "peak", "%d"), show(k SUBSEP "cpu", "%.1f"), show(k SUBSEP "frames", "%.1f") }
  one = med("tern-idle-session", "rss")
  if (n["putty-idle-session" SUBSEP "rss"]) {
    printf "start-up to the window mapped, Tern session / PuTTY session (medians): %.2f\n", med("tern-idle-session", "mapped") / med("putty-idle-session", "mapped")
    printf "idle RSS, Tern session / PuTTY session (medians): %.2f\n", one / med("putty-idle-session", "rss")
    # What the toolkit costs alone: bare Fyne windows built as Tern is.
    split("dialog terminal label window", probes, " ")
    for (i = 1; i <= 4; i++) {
      k = "bare-fyne-" probes[i]
      printf "the same for %-18s start-up %.2f, idle RSS %.2f\n", k ":", med(k, "mapped") / med("putty-idle-session", "mapped"), med(k, "rss") / med("putty-idle-session", "rss")
    }
    printf "Tern session / bare Fyne showing the same screen (medians): start-up %.2f, idle RSS %.2f\n",
      med("tern-idle-session", "mapped") / med("bare-fyne-window", "mapped"), one / med("bare-fyne-window", "rss")
  }
  printf "RSS per extra idle tab (medians): 2nd tab %.1f MB, tabs 2-10 %.1f MB each\n", med("tern-2-tabs", "rss") - one, (med("tern-10-tabs", "rss") - one) / 9
  printf "RSS after a 100 MiB flood minus idle session RSS (medians): %.0f MB\n", med("tern-after-100MiB-flood", "rss") - one
}' "$out"
