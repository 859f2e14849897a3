# A throw-away PostgreSQL cluster for the tests, sourced by scripts/test.sh:
#   postgres_install   Debian's postgresql when its binaries are missing (as root; otherwise says what to install)
#   postgres_start     a new cluster under a temporary directory on a free local port; sets POSTGRES_SERVER, the
#                      server's connection string without a database (each test database is created by the tests)
#   postgres_stop      stops it and removes the directory (postgres_start registers it with at_exit, or as the EXIT trap)
# POSTGRES_DURABLE=1 keeps PostgreSQL's durable defaults (fsync, synchronous commit, full-page writes: what a server that
# keeps data runs with, as bench/run.sh measures it); POSTGRES_PARENT puts the cluster on that directory's disk.
# PostgreSQL refuses to run as root: as root the cluster belongs to the postgres user (runuser).

POSTGRES_BIN=${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}

postgres_install() {
  [ -x "$POSTGRES_BIN/initdb" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "scripts/test.sh: the PostgreSQL run of the API tests needs PostgreSQL 15 in $POSTGRES_BIN; run as root, or: sudo apt-get install -y postgresql" >&2
    return 1
  fi
  echo "Installing postgresql for the API tests on PostgreSQL..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  [ -x "$POSTGRES_BIN/initdb" ] || { echo "scripts/test.sh: apt-get did not install $POSTGRES_BIN/initdb" >&2; return 1; }
}

# runs a PostgreSQL binary as the cluster's owner
_postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

_postgres_free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    # nothing answers there: bash's /dev/tcp fails to connect
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

postgres_start() {
  POSTGRES_DIR=$(mktemp -d "${POSTGRES_PARENT:-/tmp}/workflow-postgres.XXXXXX")
  # stopped when the test command ends, however it ends (its at_exit steps)
  if declare -F at_exit >/dev/null; then at_exit postgres_stop; else trap postgres_stop EXIT; fi
  [ "$(id -u)" -eq 0 ] && chown postgres: "$POSTGRES_DIR"
  _postgres_as_owner "$POSTGRES_BIN/initdb" -D "$POSTGRES_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >"$POSTGRES_DIR/initdb.log" 2>&1 || {
    echo "scripts/test.sh: initdb failed; its output:" >&2; cat "$POSTGRES_DIR/initdb.log" >&2; return 1; }
  local attempt durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${POSTGRES_DURABLE:-0}" = 1 ] && durability=""
  for attempt in 1 2 3; do
    POSTGRES_PORT=$(_postgres_free_port) || break
    # a throw-away cluster: durability buys nothing to a test, so fsync, synchronous commit and full-page writes are off
    # unless POSTGRES_DURABLE=1 (never off on a server that keeps data); enough connections for the test classes that run at once, each with its pool
    if _postgres_as_owner "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -w -t 60 -l "$POSTGRES_DIR/server.log" \
         -o "-p $POSTGRES_PORT -k $POSTGRES_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 $durability" \
         start >/dev/null; then
      POSTGRES_SERVER="Host=127.0.0.1;Port=$POSTGRES_PORT;Username=postgres"
      echo "PostgreSQL $("$POSTGRES_BIN/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$POSTGRES_PORT ($POSTGRES_DIR)"
      return 0
    fi
  done
  echo "scripts/test.sh: PostgreSQL did not start; its log:" >&2
  cat "$POSTGRES_DIR/server.log" >&2 2>/dev/null
  return 1
}

postgres_stop() {
  [ -n "${POSTGRES_DIR:-}" ] || return 0
  if [ -f "$POSTGRES_DIR/data/postmaster.pid" ]; then
    _postgres_as_owner "$POSTGRES_BIN/pg_ctl" -D "$POSTGRES_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$POSTGRES_DIR"
  POSTGRES_DIR=
}
