#!/bin/sh
# Re-records the programs' output used by the differential test
# (gui/screen/diff_test.go): 80x24, TERM=xterm-256color, through script(1).
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
printf 'line one\nline two with some text\n\tindented\nlast\n' > "$tmp/file.txt"
for i in $(seq 1 40); do echo "row $i of a longer file for paging" >> "$tmp/long.txt"; done
export TERM=xterm-256color
rec() { timeout 10 script -q -c "stty cols 80 rows 24; $2" /dev/null > "$1" </dev/null; }
rec ls.raw "ls --color=always -la /usr/share /etc | head -60"
rec top.raw "top -b -n1 -w 80 | head -30"
rec vim.raw "vim -u NONE -N -c 'set nu' -c 'redraw' -c 'sleep 200m' -c ':q' $tmp/long.txt"
rec less.raw "LESS= less -X -e $tmp/long.txt"
rec sgr.raw "printf '\033[1;31mred bold\033[0m \033[4munder\033[24m \033[7mrev\033[27m\n\033[38;5;208morange\033[0m \033[48;2;10;20;30mtruecolor bg\033[0m\n'"
rm -rf "$tmp"
