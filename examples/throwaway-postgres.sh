# A throwaway PostgreSQL server on loopback for the example modules' CI
# scripts (examples/host/ci.sh, examples/webshop/ci.sh), which source this
# file. The caller defines no_postgres MESSAGE (skip or fail) and calls
# pg_stop from its EXIT trap.

pgdata=""
pgctl=""

# find_pgbin prints the server's bin directory: one with initdb (a
# client-only install has psql there but no server).
find_pgbin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$d" ] && dirname "$d" || true
}

# as_pg runs a command as the postgres user when we are root (initdb
# refuses to run as root), as ourselves otherwise.
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
  else
    "$@"
  fi
}

# pg_start LABEL WORK FIRST_PORT installs PostgreSQL from Debian's
# packages when missing (as root), starts a cluster in WORK/pgdata on the
# first free loopback port from FIRST_PORT, with durability off (it lives
# for this run only), and exports PIMKIT_TEST_PG_DSN.
pg_start() {
  local label=$1 work=$2 first=$3 pgbin p port=""
  pgbin=$(find_pgbin)
  if [ -z "$pgbin" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "--- $label: installing PostgreSQL from Debian's packages"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }; then
      echo "apt-get install postgresql failed"
    fi
    pgbin=$(find_pgbin)
  fi
  if [ -z "$pgbin" ]; then
    no_postgres "PostgreSQL is NOT available (not installed and could not be installed)"
  fi
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$work"
  fi
  for p in $(seq "$first" $((first + 100))); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
  done
  if [ -z "$port" ]; then
    no_postgres "no free loopback port for PostgreSQL"
  fi
  pgdata="$work/pgdata"
  pgctl="$pgbin/pg_ctl"
  echo "--- $label: throwaway PostgreSQL ($("$pgbin/postgres" --version)) on 127.0.0.1:$port"
  as_pg "$pgbin/initdb" -D "$pgdata" -U postgres -A trust --no-sync >"$work/initdb.log" 2>&1 || {
    cat "$work/initdb.log"; no_postgres "initdb failed"; }
  as_pg "$pgctl" -D "$pgdata" -l "$work/pg.log" -w -t 60 start \
    -o "-h 127.0.0.1 -p $port -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null || {
    cat "$work/pg.log"; no_postgres "PostgreSQL did not start"; }
  export PIMKIT_TEST_PG_DSN="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
}

# pg_stop stops the cluster pg_start started, if it runs.
pg_stop() {
  if [ -n "$pgctl" ] && [ -n "$pgdata" ] && [ -f "$pgdata/postmaster.pid" ]; then
    as_pg "$pgctl" -D "$pgdata" -m immediate -w stop >/dev/null 2>&1 || true
  fi
}
