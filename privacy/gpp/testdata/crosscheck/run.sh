#!/usr/bin/env bash
# Cross-checks pimkit's privacy/gpp against the official IAB library
# @iabgpp/cmpapi: installs the locked packages with npm ci, then runs
# TestCrossCheck, which encodes and decodes a few thousand seeded random
# GPP models with both and compares them in both directions. Prints
# "gpp crosscheck: N passed, M failed" and exits non-zero on any mismatch.
# Extra arguments go to the test binary, e.g. run.sh -crosscheck.n 10000.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
npm ci --silent --no-audit --no-fund >/dev/null
cd "$here/../../../.."
bin="$(mktemp -d)"
trap 'rm -rf "$bin"' EXIT
go test -c -o "$bin/gpp.test" ./privacy/gpp
cd privacy/gpp
"$bin/gpp.test" -test.run '^TestCrossCheck$' -test.count 1 -crosscheck "$@" | grep -v '^PASS$'
