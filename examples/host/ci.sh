#!/usr/bin/env bash
# CI for the reference host (examples/host, a module of its own): vet and
# the race-detector tests against SQLite; then the same tests against a
# throwaway PostgreSQL server on loopback, installed from Debian's packages
# when it is missing; then a smoke run of the host program and the stress
# test (host processes killed at random, then the invariants) on both.
#
# Under CI=true a PostgreSQL that cannot be installed or started fails the
# run. Elsewhere (a laptop without root) it says so loudly and passes on the
# SQLite run alone.
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=../throwaway-postgres.sh
. ../throwaway-postgres.sh

# How long the stress test runs on each database.
STRESS=${PIMKIT_STRESS:-20s}

# no_postgres explains why PostgreSQL is not tested, and fails under CI.
no_postgres() {
  echo "*** host: $1"
  if [ "${CI:-}" = true ]; then
    echo "*** host: CI=true: the PostgreSQL run is required; failing."
    exit 1
  fi
  echo "*** host: the PostgreSQL run is SKIPPED; only the SQLite run above was tested."
  exit 0
}

echo "--- host: gofmt"
unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "--- host: go vet ./..."
go vet ./...

echo "--- host: go test -race -count=1 ./... (SQLite)"
PIMKIT_TEST_PG_DSN= PIMKIT_STRESS= go test -race -count=1 ./...

work=$(mktemp -d)
cleanup() {
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT

echo "--- host: smoke run on SQLite"
go build -o "$work/host" .
smoke() {
  local h=("$work/host" "$@")
  "${h[@]}" init
  "${h[@]}" subscribe -customer C1 -name "Webshop ApS" -cvr 12345674 -address "Vestergade 1, 7400 Herning" \
    -plan basic-monthly -start 2025-12-31 sub-1
  "${h[@]}" bill -month 2026-01
  local again
  again=$("${h[@]}" bill -month 2026-01)
  echo "$again"
  case "$again" in
    *"0 invoices issued, 1 already billed"*) ;;
    *) echo "the second month-end run did not find the month billed"; exit 1 ;;
  esac
  "${h[@]}" consent -subject cust-1 -purpose marketing.communications.email -action given -method form \
    -notice "Newsletter, monthly" -policy 2025-02-01 -at 2026-01-05T10:00:00+01:00
  "${h[@]}" consent-proof -at 2026-02-01T00:00:00+01:00 cust-1
  "${h[@]}" status
}
smoke -db "$work/smoke.db" -ledger-key "$work/smoke-sqlite.key"

echo "--- host: stress test on SQLite ($STRESS)"
PIMKIT_TEST_PG_DSN= PIMKIT_STRESS=$STRESS go test -count=1 -run '^TestStress$' -v .

pg_start host "$work" 55432

echo "--- host: go test -race -count=1 ./... (SQLite and PostgreSQL)"
PIMKIT_STRESS= go test -race -count=1 ./...

echo "--- host: smoke run on PostgreSQL"
smoke -pg "$PIMKIT_TEST_PG_DSN" -ledger-key "$work/smoke-postgres.key"

echo "--- host: stress test on PostgreSQL ($STRESS)"
PIMKIT_STRESS=$STRESS go test -count=1 -run '^TestStress$/^postgres$' -v .
echo "--- host: ok"
