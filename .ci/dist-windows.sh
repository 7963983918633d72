#!/bin/sh
# Cross-builds the Windows .exe with cgo through mingw-w64, with the icon
# and version embedded by `fyne package`, and checks it is a PE32+ GUI
# executable.
set -e
cd "$(dirname "$0")/.."
mkdir -p dist
fyne=$(mktemp -d)/fyne
go build -o "$fyne" fyne.io/tools/cmd/fyne   # the packager itself runs on this machine
rm -f Tern.exe
GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc "$fyne" package -os windows -name Tern -icon Icon.png
mv Tern.exe dist/Tern-windows-amd64.exe
rm -rf "$(dirname "$fyne")"
kind=$(file -b dist/Tern-windows-amd64.exe)
echo "dist/Tern-windows-amd64.exe: $kind"
case $kind in
  *PE32+*"(GUI)"*x86-64*) ;;
  *) echo "dist-windows: expected a PE32+ GUI executable" >&2; exit 1 ;;
esac
