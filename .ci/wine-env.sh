# Sourced by .ci/test-windows.sh: a Wine prefix in which Go's Windows
# programs run under Debian's Wine 8, and the build overlay for Windows
# test binaries. Both fill gaps of Wine 8 in the harness; no test is
# changed for Wine.
#
# 1. Go 1.24 and later take random bytes from ProcessPrng in
#    bcryptprimitives.dll, which Wine 8 lacks: without it a Go .exe stops
#    at start-up. .ci/wine/bcryptprimitives.c is a stand-in that asks
#    bcrypt.dll's BCryptGenRandom; it goes into the prefix's system32.
# 2. os.RemoveAll asks NtSetInformationFile for
#    FileDispositionInformationEx (POSIX delete), and falls back to the
#    older FileDispositionInformation when Windows says it does not know
#    that class. Wine 8 answers STATUS_NOT_IMPLEMENTED instead, which Go
#    does not take as "unknown", so every non-empty folder fails to go
#    ("Invalid function") and with it every t.TempDir cleanup. The test
#    binaries are built with an -overlay of Go's internal/syscall/windows
#    that takes STATUS_NOT_IMPLEMENTED as "unknown" too. (Debian 12 has
#    no newer Wine. os.Remove, which Tern uses, calls DeleteFile and works.)

# Wine's loader runs a program in the process it is started as (the wine
# script starts it in a child); the real-window tests find windows by pid.
for l in /usr/lib/wine/wine64 /usr/lib/x86_64-linux-gnu/wine/wine64 /opt/wine-stable/bin/wine64; do
  [ -x "$l" ] && export TERN_WINE_LOADER=${TERN_WINE_LOADER:-$l} && break
done
WINE_CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/tern/wine
export WINEPREFIX=${WINEPREFIX:-$WINE_CACHE/prefix}
export WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=} # no Mono or Gecko install prompts

# wine_prefix makes the prefix once and keeps the stand-in DLL current.
wine_prefix() {
  if [ ! -f "$WINEPREFIX/system.reg" ]; then
    echo "wine: making the prefix $WINEPREFIX"
    mkdir -p "$WINE_CACHE"
    wine wineboot -i >/dev/null 2>&1 || { echo "wine: wineboot failed" >&2; return 1; }
    wineserver -w
  fi
  dll=$WINE_CACHE/bcryptprimitives.dll
  x86_64-w64-mingw32-gcc -O2 -shared -o "$dll" .ci/wine/bcryptprimitives.c .ci/wine/bcryptprimitives.def || return 1
  cmp -s "$dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" ||
    cp "$dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
}

# wine_overlay writes the overlay (see 2. above) and prints its path.
wine_overlay() {
  src=$(go env GOROOT)/src/internal/syscall/windows/at_windows.go
  patched=$WINE_CACHE/at_windows.go
  mkdir -p "$WINE_CACHE"
  sed 's|^\(\t\t\)STATUS_NOT_SUPPORTED: \( *// the file system.*\)$|\1STATUS_NOT_SUPPORTED, \2\n\1NTStatus(0xC0000002): // STATUS_NOT_IMPLEMENTED: Wine 8 has no FileDispositionInformationEx|' \
    "$src" >"$patched"
  if ! grep -q 'NTStatus(0xC0000002):' "$patched"; then
    echo "wine: $src has changed; update the overlay in .ci/wine-env.sh" >&2
    return 1
  fi
  printf '{"Replace":{"%s":"%s"}}\n' "$src" "$patched" >"$WINE_CACHE/overlay.json"
  echo "$WINE_CACHE/overlay.json"
}
