#!/bin/bash
# capture.sh: run vttest in xterm (the reference) under Xvfb, step through
# the screens listed in screens.keys, and keep for each screen
#   xterm-<screen>.txt  its text (xterm's print-immediate, trailing blanks
#                       and no-break spaces cut; dump-html misplaces rows
#                       while a scroll region is set),
#   xterm-<screen>.png  xterm's window, for the screens marked png,
# and in vttest.raw all that vttest wrote, with screens.offsets giving how
# much of it had been written when each screen was taken. The model test
# (gui/screen/vttest_test.go) replays vttest.raw into Tern's screen model
# and compares each screen's text with xterm's.
#
# xterm says it is a VT220 (-ti vt220), as Tern does: vttest chooses what
# to send by the answer to DA (at VT220 it designates Latin-1 with ESC ) A,
# at VT320 and up with ESC - A).
#
# Needs: apt-get install vttest xterm xvfb xdotool imagemagick x11-xserver-utils
# Usage: testdata/vttest/capture.sh [screens.keys]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
keys=${1:-$here/screens.keys}
work=$(mktemp -d)
export DISPLAY=:${XVFB_DISPLAY:-93}
Xvfb "$DISPLAY" -screen 0 1600x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
xterm=
# stop xterm's script(1) and vttest too: they outlive a killed xterm.
stop() {
	local kids
	kids=$(pgrep -P "${xterm:-0}" || true)
	kill $kids $(for k in $kids; do pgrep -P "$k"; done) $xterm $xvfb 2>/dev/null || true
	rm -rf "$work"
}
trap stop EXIT
sleep 2
xset r off # a slow machine must not turn one Return into two

cd "$work"
LANG=C.UTF-8 TERM=xterm xterm -ti vt220 -132 -geometry 80x24+0+0 -fa 'DejaVu Sans Mono' -fs 10 \
	-xrm 'XTerm.vt100.translations: #override Ctrl<Key>F12: print-immediate()' \
	-xrm "XTerm*printFileImmediate: $work/screen" -xrm 'XTerm*printAttributes: 0' \
	-e script -q -f -c vttest "$work/session.raw" &
xterm=$!
sleep 3
win=$(xdotool search --sync --pid "$xterm" | head -1)
xdotool mousemove 200 200

# text prints the screen's 24 rows from xterm's printout (which begins
# with the lines scrolled off), blanks cut at the right.
text() {
	python3 -c '
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")[:-1]
for line in lines[-24:]:
    print(line.replace("\u00a0", " ").rstrip(" "))' "$1"
}

: >"$here/screens.offsets"
while read -r name wait png rest; do
	case $name in '' | '#'*) continue ;; esac
	rest=${rest%%#*}
	for k in $rest; do
		case $k in
		-) ;;
		t:*) xdotool type --delay 60 "${k#t:}" ;;
		*) xdotool key "$k" ;;
		esac
		sleep 0.3
	done
	sleep "$wait"
	if [ "$png" = png ]; then
		import -window "$win" -strip "$here/xterm-$name.png"
	fi
	rm -f screen*
	xdotool key ctrl+F12
	sleep 1
	text screen* >"$here/xterm-$name.txt"
	echo "$name $(stat -c %s session.raw)" >>"$here/screens.offsets"
	echo "$name"
done <"$keys"

# vttest.raw: the session without script(1)'s header line; offsets to match.
header=$(head -1 session.raw | wc -c)
last=$(tail -1 "$here/screens.offsets" | cut -d' ' -f2)
tail -c +"$((header + 1))" session.raw | head -c "$((last - header))" >"$here/vttest.raw"
awk -v h="$header" '{ print $1, $2 - h }' "$here/screens.offsets" >"$here/screens.offsets.new"
mv "$here/screens.offsets.new" "$here/screens.offsets"
