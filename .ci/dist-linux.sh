#!/bin/sh
# Builds the Linux package with `fyne package`, adds the telnet:// URL
# handler to its desktop file, then checks it: unpacked into a temporary
# prefix, its binary must open a Tern window under Xvfb.
set -e
cd "$(dirname "$0")/.."
mkdir -p dist
rm -f Tern.tar.xz
.ci/fyne-package.sh -os linux -name Tern -icon Icon.png --tags no_emoji
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf Tern.tar.xz -C "$work"
desktop=$(find "$work" -name '*.desktop' | head -1)
[ -n "$desktop" ] || { echo "dist-linux: no .desktop file in the package" >&2; exit 1; }
grep -q '^MimeType=' "$desktop" || echo 'MimeType=x-scheme-handler/telnet;' >> "$desktop"
grep -q 'Exec=tern -launcher %u' "$desktop" || { echo "dist-linux: unexpected Exec line:" >&2; cat "$desktop" >&2; exit 1; }
(cd "$work" && tar -cJf "$OLDPWD/dist/Tern-linux-amd64.tar.xz" .)
rm -f Tern.tar.xz
echo "dist/Tern-linux-amd64.tar.xz:"; tar -tJf dist/Tern-linux-amd64.tar.xz | grep -v '/$' | sed 's/^/  /'

# Smoke test: the unpacked binary opens its window.
bin=$(find "$work" -type f -name tern | head -1)
check=$(mktemp -d)
xvfb-run -a -s "-screen 0 1024x768x24" sh -c "
  HOME=$check \"$bin\" & pid=\$!
  for i in \$(seq 1 100); do
    xdotool search --pid \$pid --name '^Tern\$' >/dev/null 2>&1 && { kill \$pid; echo 'dist-linux: the packaged binary opened its window'; exit 0; }
    sleep 0.2
  done
  kill \$pid 2>/dev/null; echo 'dist-linux: no window from the packaged binary' >&2; exit 1"
rm -rf "$check"
