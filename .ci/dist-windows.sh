#!/bin/sh
# Cross-builds the Windows .exe with cgo through mingw-w64, with the icon
# and version embedded by `fyne package`, and checks it is a PE32+ GUI
# executable. The tree is left as it was (see fyne-package.sh).
set -e
cd "$(dirname "$0")/.."
mkdir -p dist
rm -f Tern.exe
before=$(git status --porcelain 2>/dev/null || true)
GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc .ci/fyne-package.sh -os windows -name Tern -icon Icon.png --tags no_emoji
mv Tern.exe dist/Tern-windows-amd64.exe
if [ "$(git status --porcelain 2>/dev/null || true)" != "$before" ]; then
  echo "dist-windows: the build changed the tree:" >&2; git status --short >&2; exit 1
fi
kind=$(file -b dist/Tern-windows-amd64.exe)
echo "dist/Tern-windows-amd64.exe: $kind"
case $kind in
  *PE32+*"(GUI)"*x86-64*) ;;
  *) echo "dist-windows: expected a PE32+ GUI executable" >&2; exit 1 ;;
esac
