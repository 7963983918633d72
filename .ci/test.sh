#!/bin/sh
# Runs the whole test suite: starts the real peers, runs every Go test with
# the race detector, then the real-window tests under Xvfb.
set -e
cd "$(dirname "$0")/.."
eval "$(testdata/peers/start-all.sh)"
trap 'testdata/peers/stop-all.sh >/dev/null 2>&1' EXIT
status=0
# The race detector covers every package, the window (gui) included: the
# hosted terminal widget runs no goroutine of its own (it is connected on
# the UI goroutine and has no output to read; Tern's view draws), so
# nothing calls Fyne behind the test driver's back. The real-window tests' binary is built with -race
# too (see gui/e2e).
go test -race -count=1 ./... || status=1
go build -race -tags no_emoji -o tern . || status=1
# -timeout: TestFasttickDeclinesOnAChangedFyne compiles Tern against a
# changed copy of Fyne (1-3 minutes on two cores), past go test's 10.
E2E_SHOTS=${E2E_SHOTS:-$PWD/testdata/screenshots} TERN_BIN=$PWD/tern \
  xvfb-run -a -s "-screen 0 2560x1600x24" go test -tags e2e -count=1 -timeout 30m -v ./gui/e2e/ || status=1
exit $status
