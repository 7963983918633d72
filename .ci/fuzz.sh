#!/bin/sh
# Runs every fuzz target for a short time (default 15s each).
set -e
cd "$(dirname "$0")/.."
t=${1:-15s}
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for f in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //'); do
    echo "fuzz $pkg $f ($t)"
    # The fuzzer shrinks every new interesting input for up to 60 s by
    # default; a worker shrinking an 11 KB string outlives a 10 s run, which
    # then ends in "context deadline exceeded" (FuzzPromptTables did, twice
    # in a row). 2 s of shrinking is plenty for a finding's report.
    if ! go test -run '^$' -fuzz "^$f\$" -fuzztime "$t" -fuzzminimizetime 2s "$pkg" >/tmp/tern-fuzz.log 2>&1; then
      # Go's fuzzer sometimes stops a worker late and reports only
      # "context deadline exceeded"; that is the toolchain, not a finding.
      if grep -q 'context deadline exceeded' /tmp/tern-fuzz.log && ! grep -q 'Failing input\|panic' /tmp/tern-fuzz.log; then
        echo "  (fuzzer shut-down hiccup; running again)"
        go test -run '^$' -fuzz "^$f\$" -fuzztime "$t" -fuzzminimizetime 2s "$pkg" >/tmp/tern-fuzz.log 2>&1 || { cat /tmp/tern-fuzz.log; exit 1; }
      else
        cat /tmp/tern-fuzz.log; exit 1
      fi
    fi
  done
done
