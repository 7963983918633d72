#!/bin/sh
# Runs `fyne package` with the given arguments and environment (GOOS, CC…)
# and leaves FyneApp.toml as it was: the packager adds one to its Build on
# every run, and a build must not change tracked files.
set -e
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
cp FyneApp.toml "$tmp/FyneApp.toml"
trap 'cp "$tmp/FyneApp.toml" FyneApp.toml; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
# The packager itself runs on this machine, whatever the package is for.
env -u GOOS -u GOARCH -u CGO_ENABLED -u CC go build -o "$tmp/fyne" fyne.io/tools/cmd/fyne
"$tmp/fyne" package "$@"
