#!/bin/bash
# Windows under Wine (Debian's wine64) and Xvfb.
#   unit   cross-compiles the test binary of every package that builds with
#          CGO_ENABLED=0 for windows/amd64 and runs each under Wine, from
#          its package folder (testdata), against the real test peers
#   smoke  the real window test of dist/Tern-windows-amd64.exe (make
#          dist-windows builds it): gui/e2e/wine_test.go
# No argument runs both (after building the .exe). See .ci/wine-env.sh for
# what the harness does about Wine 8's gaps.
set -u
cd "$(dirname "$0")/.."
.ci/system-deps.sh wine || exit 1
if [ -z "${DISPLAY:-}" ]; then # the OpenGL check and the windows need X
  exec xvfb-run -a -s "-screen 0 1600x1000x24" "$0" "$@"
fi
. .ci/wine-env.sh
wine_prefix || exit 1

# testexe names a package's Windows test binary after its import path.
testexe() { echo "${1#github.com/tern-telnet/tern}" | sed 's|^/||; s|/|_|g; s|^$|tern|; s|$|.test.exe|'; }

unit() {
  overlay=$(wine_overlay) || return 1
  bin=$(mktemp -d)
  trap 'rm -rf "$bin"' RETURN
  # The main package (its memory policy's test) links Fyne's GL driver,
  # which needs cgo: it is tested on Linux only.
  pkgs=$(GOOS=windows CGO_ENABLED=0 go list -e -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}}{{end}}' ./... | grep -v '^github.com/tern-telnet/tern$')
  echo "windows: building the test binaries of$(echo $pkgs | sed 's|github.com/tern-telnet/tern/\?| |g')"
  # One binary a package, named by its path: two packages may share a name
  # (as gui/assist and internal/assist once did).
  for p in $pkgs; do
    GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go test -c -overlay "$overlay" -o "$bin/$(testexe "$p")" "$p" || return 1
  done
  eval "$(testdata/peers/start-all.sh)" || echo "windows: not every test peer started; the tests that need it skip"
  status=0
  for p in $pkgs; do
    dir=$(go list -f '{{.Dir}}' "$p")
    exe=$bin/$(testexe "$p")
    t0=$(date +%s)
    (cd "$dir" && timeout 900 wine "$exe" -test.count=1 -test.timeout=10m -test.v >"$bin/out" 2>&1)
    rc=$?
    skipped=$(grep -c -- '^--- SKIP' "$bin/out")
    if [ $rc -eq 0 ]; then
      echo "windows: ok   ${p#github.com/tern-telnet/tern/} ($(( $(date +%s) - t0 ))s, $skipped skipped)"
    else
      status=1
      echo "windows: FAIL ${p#github.com/tern-telnet/tern/} (exit $rc)"
      grep -v -e '^=== ' -e '^--- PASS' -e '^    --- PASS' "$bin/out" | tail -60
    fi
    awk '/^--- SKIP: /{ printf "windows:   skipped %s:%s\n", $3, prev } { prev = $0 }' "$bin/out"
  done
  testdata/peers/stop-all.sh >/dev/null 2>&1
  return $status
}

smoke() {
  [ -f dist/Tern-windows-amd64.exe ] || { echo "windows: no dist/Tern-windows-amd64.exe (make dist-windows)" >&2; return 1; }
  # Wine's server and services start with the first program and keep its
  # stdout and stderr open: start them here, not under a test, whose
  # output pipes would then never close.
  wineserver -p 2>/dev/null; wine wineboot >/dev/null 2>&1
  TERN_EXE=$PWD/dist/Tern-windows-amd64.exe E2E_SHOTS=${E2E_SHOTS:-$PWD/testdata/screenshots} \
    go test -tags e2e,wine -count=1 -timeout 10m -v -run '^TestWine' ./gui/e2e/
  status=$?
  wineserver -k
  return $status
}

case ${1:-all} in
  unit) unit ;;
  smoke) smoke ;;
  all)
    .ci/system-deps.sh dist && .ci/dist-windows.sh || exit 1
    s=0; unit || s=1; smoke || s=1; exit $s ;;
  *) echo "usage: $0 [unit|smoke]" >&2; exit 2 ;;
esac
