#!/bin/sh
# Tern's benchmarks, each next to its baseline from the same run:
#  1. the engine over loopback vs a raw io.Copy, the decoder, the screen model;
#  2. end to end through the real window under Xvfb: a 20 MiB flood server,
#     Tern with -close always (it exits after the last frame is drawn),
#     and PuTTY with a raw session that closes on exit, A B A B;
#  3. idle CPU, start-up and memory (bench/idle.sh): each state of Tern
#     next to PuTTY and a bare Fyne window, in turn, ROUNDS times.
# SKIP_FLOOD=1 skips 1 and 2.
set -e
cd "$(dirname "$0")/.."
MIB=${MIB:-20}
if [ -n "$SKIP_FLOOD" ]; then exec bench/idle.sh; fi
echo "== Go benchmarks"
go test -run '^$' -bench 'Loopback' -benchtime 5x ./protocol/ | tee /tmp/tern-bench-go.txt
go test -run '^$' -bench 'Keystroke' ./protocol/ | grep Benchmark | tee -a /tmp/tern-bench-go.txt
go test -run '^$' -bench . ./protocol/telnet/ ./gui/screen/ | grep Benchmark | tee -a /tmp/tern-bench-go.txt
awk '/LoopbackRawCopy/{raw=$(NF-1)} /LoopbackEngine/{eng=$(NF-1)} END{if(raw) printf "engine/raw io.Copy ratio: %.2f\n", eng/raw}' /tmp/tern-bench-go.txt

echo "== End to end through the window ($MIB MiB, Xvfb)"
command -v xvfb-run >/dev/null || .ci/system-deps.sh test
[ -x /usr/bin/time ] && command -v bc >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q time bc >/dev/null; }
if ! command -v putty >/dev/null && [ "$(id -u)" = 0 ]; then apt-get install -y -q putty >/dev/null 2>&1 || true; fi
go build -tags no_emoji -o /tmp/tern-bench-bin .
go build -o /tmp/tern-flood ./bench/flood
home=$(mktemp -d)
mkdir -p "$home/.putty/sessions"
printf 'Protocol=raw\nCloseOnExit=2\nWarnOnClose=0\nScrollbackLines=10000\nTermWidth=100\nTermHeight=30\n' > "$home/.putty/sessions/flood"
# The same session for Tern: raw, a 100x30 terminal, 10,000 lines of scrollback.
mkdir -p "$home/.config/Tern"
printf '{"version":1,"profiles":[{"name":"flood","connection":"raw","columns":100,"rows":30,"scrollback":10000,"closeOnExit":"always"}]}\n' > "$home/.config/Tern/profiles.json"

run_one() { # name command...
  name=$1; shift
  out=$(mktemp)
  /tmp/tern-flood -mib "$MIB" > "$out.port" &
  fpid=$!
  while [ ! -s "$out.port" ]; do sleep 0.05; done
  port=$(cat "$out.port")
  start=$(date +%s.%N)
  HOME=$home TERN_PROFILES=$home/.config/Tern/profiles.json TERN_STATS=1 /usr/bin/time -v "$@" "$port" > "$out" 2>&1 || true
  end=$(date +%s.%N)
  wait $fpid 2>/dev/null || true
  secs=$(echo "$end - $start" | bc -l)
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out")
  mbs=$(echo "$MIB * 1.048576 / $secs" | bc -l)
  printf '%-6s %6.2f s  %7.2f MB/s  peak RSS %4d MB  %s\n' "$name" "$secs" "$mbs" $((rss / 1024)) "$(grep -o 'frames=.*' "$out" | head -1)"
  echo "$name $mbs" >> /tmp/tern-bench-e2e.txt
  rm -f "$out" "$out.port"
}
: > /tmp/tern-bench-e2e.txt
export MIB home
for round in A B A B; do
  if [ $round = A ]; then
    xvfb-run -a -s "-screen 0 1280x800x24" sh -c "$(sed -n '/^run_one()/,/^}/p' "$0"); run_one tern /tmp/tern-bench-bin -load flood 127.0.0.1"
  elif command -v putty >/dev/null; then
    xvfb-run -a -s "-screen 0 1280x800x24" sh -c "$(sed -n '/^run_one()/,/^}/p' "$0"); run_one putty putty -load flood -raw 127.0.0.1 -P"
  fi
done
awk '{s[$1]+=$2; n[$1]++} END{for(k in s) printf "%s mean %.2f MB/s\n", k, s[k]/n[k]; if(n["putty"]) printf "Tern/PuTTY ratio: %.1f\n", (s["tern"]/n["tern"])/(s["putty"]/n["putty"])}' /tmp/tern-bench-e2e.txt
rm -rf "$home"
bench/idle.sh
