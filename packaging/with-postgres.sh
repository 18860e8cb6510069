#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the hub tests, in a temporary folder, on a Unix socket only
# (no TCP port), stopped and removed afterwards even when the tests fail.
#
#   bash packaging/with-postgres.sh COMMAND [ARGS…]   runs COMMAND with DTRACK_TEST_PG_DSN set
#   source packaging/with-postgres.sh                 sets it in this shell; stops the cluster on exit
#
# initdb refuses to run as root, so as root the cluster belongs to the 'postgres' user of Debian's
# package (or a 'dtrack-pg' system user made here). Without PostgreSQL's programs: in CI (CI=true)
# this is an error; elsewhere the hub tests are skipped.

_dtrack_pg_bin() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/initdb" ] && { echo "$d"; return; }
    done
    if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; fi
    return 0
}

_dtrack_pg_stop() {
    if [ -n "${_DTRACK_PG_DIR:-}" ] && [ -d "$_DTRACK_PG_DIR" ]; then
        $_DTRACK_PG_AS "$_DTRACK_PG_BIN/pg_ctl" -D "$_DTRACK_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
        rm -rf "$_DTRACK_PG_DIR"
    fi
}

_dtrack_pg_start() {
    _DTRACK_PG_BIN=$(_dtrack_pg_bin)
    if [ -z "$_DTRACK_PG_BIN" ]; then
        if [ "${CI:-}" = "true" ]; then
            echo "with-postgres: PostgreSQL is not installed (packaging/setup.sh installs it); the hub tests need it" >&2
            return 1
        fi
        echo "with-postgres: no PostgreSQL found; the hub tests will be skipped (apt-get install postgresql)" >&2
        return 0
    fi
    _DTRACK_PG_AS=""
    local owner
    owner=$(id -un)
    if [ "$(id -u)" -eq 0 ]; then
        owner=postgres
        if ! id -u "$owner" >/dev/null 2>&1; then
            owner=dtrack-pg
            id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
        fi
        _DTRACK_PG_AS="runuser -u $owner --"
    fi
    _DTRACK_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/dtrack-pg.XXXXXX")
    chmod 755 "$_DTRACK_PG_DIR"
    if [ -n "$_DTRACK_PG_AS" ]; then chown "$owner" "$_DTRACK_PG_DIR"; fi
    $_DTRACK_PG_AS "$_DTRACK_PG_BIN/initdb" -D "$_DTRACK_PG_DIR/data" -A trust -U dtrack_test -E UTF8 \
        --locale=C.UTF-8 --no-sync >"$_DTRACK_PG_DIR/initdb.log" 2>&1 \
        || { cat "$_DTRACK_PG_DIR/initdb.log" >&2; _dtrack_pg_stop; return 1; }
    # fsync off unless DTRACK_PG_FSYNC=on (benchmarks): a test cluster that dies is thrown away anyway
    $_DTRACK_PG_AS "$_DTRACK_PG_BIN/pg_ctl" -D "$_DTRACK_PG_DIR/data" -l "$_DTRACK_PG_DIR/server.log" -w \
        -o "-k $_DTRACK_PG_DIR -p 5432 -c listen_addresses='' -c fsync=${DTRACK_PG_FSYNC:-off} -c max_connections=60" start >/dev/null \
        || { cat "$_DTRACK_PG_DIR/server.log" >&2; _dtrack_pg_stop; return 1; }
    export DTRACK_TEST_PG_DSN="host=$_DTRACK_PG_DIR port=5432 user=dtrack_test dbname=postgres"
    echo "with-postgres: PostgreSQL $("$_DTRACK_PG_BIN/postgres" --version | awk '{print $3}') at $_DTRACK_PG_DIR"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    trap _dtrack_pg_stop EXIT
    _dtrack_pg_start
else
    set -euo pipefail
    trap _dtrack_pg_stop EXIT
    _dtrack_pg_start
    "$@"
fi
