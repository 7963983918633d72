# Tern — common tasks. `make run` builds and opens the app; `make test` runs
# the whole suite headlessly (installing Xvfb and the test peers).
GO        ?= go
VERSION   ?= 0.1.0
LDFLAGS   := -X main.version=$(VERSION)
# no_emoji: Fyne leaves out its 4 MB colour emoji font, which it would
# parse again for every text style a window uses (~18 MB of RSS; see
# bench/README.md). Tern shows no emoji in its widgets; the terminal draws
# its own text.
TAGS      := no_emoji
E2E_SHOTS ?= $(CURDIR)/testdata/screenshots

.PHONY: run build deps test test-unit test-e2e test-windows fuzz lint dist dist-linux dist-windows bench clean screenshot

run: build
	./tern $(ARGS)

build: deps
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o tern .

deps:
	@.ci/system-deps.sh build

# The whole suite: unit and integration tests (with the race detector)
# against real telnetd, busybox telnetd and Postfix peers on loopback, then
# the real-window end-to-end tests under Xvfb.
test:
	@.ci/system-deps.sh test
	@.ci/test.sh

test-unit:
	$(GO) test -race ./...

test-e2e: build
	E2E_SHOTS=$(E2E_SHOTS) xvfb-run -a -s "-screen 0 2560x1600x24" $(GO) test -tags e2e -count=1 -v ./gui/e2e/

# Windows under Wine: builds the .exe, runs every package's tests that build
# without cgo as Windows binaries, then the .exe in real windows (Xvfb).
test-windows:
	@.ci/test-windows.sh

# A short run of every fuzz target.
fuzz:
	@.ci/fuzz.sh 15s

lint:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "gofmt: the files above need formatting"; exit 1; }
	$(GO) vet ./...
	$(GO) tool staticcheck ./...

dist: dist-linux dist-windows

dist-linux:
	@.ci/system-deps.sh dist
	@.ci/dist-linux.sh

dist-windows:
	@.ci/system-deps.sh dist
	@.ci/dist-windows.sh

bench:
	@bench/run.sh
	@bench/feel.sh
	@bench/replies.sh

# Regenerates the README screenshots from the real app under Xvfb (the
# logon pictures need the telnetd peer: eval "$(testdata/peers/start-all.sh)").
screenshot: build
	README_SHOT=1 xvfb-run -a -s "-screen 0 1280x800x24" $(GO) test -tags e2e -count=1 -run 'TestREADMEScreenshot|TestLogonActionsLogIn' ./gui/e2e/

clean:
	rm -rf tern dist testdata/screenshots
