#!/bin/bash
# Does memory stop growing once the scrollback is full? A 10 lines/s log
# stream (bench/stream) into Tern's default window with 1,000 lines of
# scrollback, full after 100 s; Tern's RSS and CPU every 30 s for
# MINUTES minutes (8 by default). Not part of `make bench` (it takes
# minutes); bench/README.md holds the figures.
set -eu
cd "$(dirname "$0")/.."
MINUTES=${MINUTES:-8}
if [ "${1:-}" != --inside ]; then
  command -v xvfb-run >/dev/null || .ci/system-deps.sh test
  go build -tags no_emoji -o /tmp/tern-rss-bin .
  go build -o /tmp/tern-stream ./bench/stream
  exec xvfb-run -a -s "-screen 0 1280x800x24" bash "$0" --inside
fi
home=$(mktemp -d)
trap 'kill $cpid $spid 2>/dev/null; rm -rf "$home"' EXIT
/tmp/tern-stream -rate 10 -secs $((MINUTES * 60 + 30)) > "$home/port" &
spid=$!
while [ ! -s "$home/port" ]; do sleep 0.05; done
printf '{"version":1,"profiles":[{"name":"log","connection":"raw","scrollback":1000}]}\n' > "$home/profiles.json"
HOME=$home TERN_PROFILES=$home/profiles.json /tmp/tern-rss-bin -load log 127.0.0.1 "$(cat "$home/port")" >/dev/null 2>&1 &
cpid=$!
sleep 2
hz=$(getconf CLK_TCK)
prev=$(awk '{print $14 + $15}' "/proc/$cpid/stat")
printf 't=   0s  RSS %4d MB\n' "$(awk '/^VmRSS/{print int($2/1024)}' "/proc/$cpid/status")"
for i in $(seq 1 $((MINUTES * 2))); do
  sleep 30
  now=$(awk '{print $14 + $15}' "/proc/$cpid/stat")
  printf 't=%4ss  RSS %4d MB  CPU %5.1f %% over the last 30 s\n' $((i * 30)) \
    "$(awk '/^VmRSS/{print int($2/1024)}' "/proc/$cpid/status")" "$(echo "($now - $prev) * 100 / ($hz * 30)" | bc -l)"
  prev=$now
done
