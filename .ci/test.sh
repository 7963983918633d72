#!/bin/sh
# Runs the whole test suite: starts the real peers, runs every Go test with
# the race detector, then the real-window tests under Xvfb.
set -e
cd "$(dirname "$0")/.."
eval "$(testdata/peers/start-all.sh)"
trap 'testdata/peers/stop-all.sh >/dev/null 2>&1' EXIT
status=0
# The race detector covers every package but gui (the window): there the
# hosted terminal widget's own goroutine calls Fyne, which the test driver
# runs in place, so its reports are artefacts of the driver. The tab
# (gui/termtab) runs under -race with the widget stopped; the window's
# threading is checked by the real-window tests, whose binary is built
# with -race (see gui/e2e).
go test -race -count=1 $(go list ./... | grep -v '/gui$') || status=1
go test -count=1 ./gui || status=1
go build -race -tags no_emoji -o tern . || status=1
# -timeout: TestFasttickDeclinesOnAChangedFyne compiles Tern against a
# changed copy of Fyne (1-3 minutes on two cores), past go test's 10.
E2E_SHOTS=${E2E_SHOTS:-$PWD/testdata/screenshots} TERN_BIN=$PWD/tern \
  xvfb-run -a -s "-screen 0 2560x1600x24" go test -tags e2e -count=1 -timeout 30m -v ./gui/e2e/ || status=1
exit $status
