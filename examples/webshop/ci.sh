#!/usr/bin/env bash
# CI for the reference webshop (examples/webshop, a module of its own):
# gofmt, vet, staticcheck when installed, the handler tests with the race
# detector on SQLite; then the browser tests in headless Chromium from
# Debian's chromium package (installed here when missing) on SQLite and on
# a throwaway PostgreSQL server on loopback (installed from Debian's
# packages when missing), with the handler tests again on PostgreSQL; then
# `go run ./examples/webshop` from the root of a clean clone, fetching its
# pages.
#
# The browser tests never skip here: PIMKIT_BROWSER=1 makes a Chromium
# that cannot be installed or started FAIL them, and this script fails
# when it cannot install Chromium. Without root, PostgreSQL is required
# only under CI=true, as in examples/host/ci.sh.
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=../throwaway-postgres.sh
. ../throwaway-postgres.sh
# The module as its go.mod says (replace => ../..), not the repository's
# go.work; the step "go run ./examples/webshop from the root" below uses
# the workspace on purpose.
export GOWORK=off

no_postgres() {
  echo "*** webshop: $1"
  if [ "${CI:-}" = true ]; then
    echo "*** webshop: CI=true: the PostgreSQL run is required; failing."
    exit 1
  fi
  echo "*** webshop: the PostgreSQL run is SKIPPED; only the SQLite runs above were tested."
  exit 0
}

echo "--- webshop: gofmt"
unformatted=$(gofmt -l .)
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "--- webshop: go vet ./..."
go vet ./...
if command -v staticcheck >/dev/null 2>&1; then
  echo "--- webshop: staticcheck ./..."
  staticcheck ./...
fi

echo "--- webshop: go test -race -count=1 ./... (SQLite; browser tests off)"
PIMKIT_TEST_PG_DSN= PIMKIT_BROWSER= go test -race -count=1 ./...

# Chromium from Debian's packages: required, never skipped.
chromium=${PIMKIT_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "--- webshop: installing Chromium from Debian's packages"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  if ! command -v apt-get >/dev/null 2>&1 || \
     ! $sudo apt-get update -qq || \
     ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; then
    echo "*** webshop: cannot install chromium with apt-get: the browser tests cannot run; failing."
    exit 1
  fi
fi
if [ ! -x "$chromium" ]; then
  echo "*** webshop: $chromium is still missing after apt-get; failing."
  exit 1
fi
echo "--- webshop: $("$chromium" --version 2>/dev/null || echo "chromium (version unknown)")"
export PIMKIT_CHROMIUM="$chromium"

work=$(mktemp -d)
shop_pid=""
cleanup() {
  if [ -n "$shop_pid" ]; then kill -- -"$shop_pid" 2>/dev/null || kill "$shop_pid" 2>/dev/null || true; fi
  pg_stop
  rm -rf "$work"
}
trap cleanup EXIT

# The Nu HTML Checker (the W3C validator's engine) over every page, from
# the npm package vnu-jar, when java and npm are there; the structural
# check of the handler tests ran above in any case.
VNU_VERSION=26.9.27
if command -v java >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  echo "--- webshop: the Nu HTML Checker $VNU_VERSION over every page"
  mkdir -p "$work/vnu"
  (cd "$work/vnu" && npm pack --silent "vnu-jar@$VNU_VERSION" >/dev/null && tar xzf "vnu-jar-$VNU_VERSION.tgz") || {
    echo "*** webshop: cannot fetch vnu-jar@$VNU_VERSION with npm; failing."; exit 1; }
  PIMKIT_TEST_PG_DSN= PIMKIT_VNU="$work/vnu/package/build/dist/vnu.jar" go test -count=1 -run '^TestNuHTMLChecker$' -v . \
    | grep -E '^(---|ok|FAIL)|vnu_test.go|error' 
else
  echo "*** webshop: java or npm missing: the Nu HTML Checker is SKIPPED (the structural HTML check ran)"
fi

# browser_run runs the browser tests with PIMKIT_BROWSER=1 and checks that
# every one of them ran and passed: none may skip.
browser_run() {
  local label=$1 out=$2
  mkdir -p "$out"
  if ! PIMKIT_BROWSER=1 go test -count=1 -run '^TestBrowser' -v -artifacts -outputdir "$out" . >"$out/test.log" 2>&1; then
    grep -E '^(---|ok|FAIL|PASS)|_test.go' "$out/test.log" || cat "$out/test.log"
    echo "*** webshop: browser tests FAILED ($label)"; exit 1
  fi
  grep -E '^(--- |ok)|screenshot' "$out/test.log"
  local want passed
  want=$(grep -c '^func TestBrowser' browser_test.go)
  passed=$(grep -c '^--- PASS: TestBrowser' "$out/test.log" || true)
  if [ "$passed" != "$want" ]; then
    echo "*** webshop: $passed of $want browser tests passed ($label): none may skip"; exit 1
  fi
}

echo "--- webshop: browser tests (SQLite; screenshots in $work/shots-sqlite)"
PIMKIT_TEST_PG_DSN= browser_run "SQLite" "$work/shots-sqlite"

# The command the README gives, `go run ./examples/webshop`, from the root
# of a clean clone: the files git tracks (not what happens to lie in this
# checkout), with the repository's go.work, whose workspace resolves the
# nested module from the root. Only -addr is added, for a free port; the
# database and key land at their defaults in the clone's root.
echo "--- webshop: go run ./examples/webshop from the root of a clean clone (SQLite)"
root=$(cd ../.. && pwd)
clone="$work/clone"
mkdir -p "$clone"
if git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
  git -C "$root" ls-files -z | (cd "$root" && tar --null -T - -cf -) | tar -xf - -C "$clone"
else
  cp -a "$root/." "$clone"
fi
[ -f "$clone/go.work" ] || { echo "*** webshop: the clone has no go.work: go run ./examples/webshop cannot work from its root"; exit 1; }
(cd "$clone" && exec env -u GOWORK setsid go run ./examples/webshop -addr 127.0.0.1:0 >"$work/shop.out" 2>"$work/shop.log") &
shop_pid=$!
addr=""
for _ in $(seq 1 1800); do
  addr=$(sed -n 's/^webshop: listening on \(http:[^ ]*\)\/ .*/\1/p' "$work/shop.out")
  [ -n "$addr" ] && break
  kill -0 "$shop_pid" 2>/dev/null || { cat "$work/shop.log"; echo "*** webshop: go run ./examples/webshop exited"; exit 1; }
  sleep 0.1
done
[ -n "$addr" ] || { cat "$work/shop.log"; echo "*** webshop: go run ./examples/webshop printed no address in 180 s"; exit 1; }
home=$(curl -sL -w '\n%{http_code}' "$addr/")
case "$home" in
  *'<title>Produkter - Nordlys Webshop</title>'*$'\n'200) ;;
  *) echo "*** webshop: GET / did not answer with the Danish product list:"; echo "$home" | tail -n 5; exit 1 ;;
esac
for path in /da/ /en/p/mug /da/your-data /en/admin; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$addr$path")
  [ "$code" = 200 ] || { echo "*** webshop: GET $path: $code"; exit 1; }
done
for f in webshop.db webshop.key; do
  [ -f "$clone/$f" ] || { echo "*** webshop: $f was not created in the clone's root"; exit 1; }
done
# setsid made go run and the shop it started a process group of their own.
kill -- -"$shop_pid" 2>/dev/null || true; wait "$shop_pid" 2>/dev/null || true; shop_pid=""
echo "go run ./examples/webshop from the root: $addr answered /, /da/, /en/p/mug, /da/your-data, /en/admin"

pg_start webshop "$work" 55633

echo "--- webshop: go test -race -count=1 ./... (PostgreSQL; browser tests off)"
PIMKIT_BROWSER= go test -race -count=1 ./...

mkdir -p "$work/shots-postgres"
echo "--- webshop: browser tests (PostgreSQL)"
browser_run "PostgreSQL" "$work/shots-postgres"
echo "--- webshop: ok"
