# Servers the test suite talks to, started once for the whole run by test.sh and stopped after it, even when
# tests fail. Each binds 127.0.0.1 on a free port and exports the address the tests read.

CARTSTREAM_S3RVER_PID=""
CARTSTREAM_S3RVER_DIR=""
CARTSTREAM_PG_DIR=""
CARTSTREAM_SMTP_PID=""
CARTSTREAM_SMTP_DIR=""

# A TCP port on 127.0.0.1 that nothing listens on right now.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();});'
}

# Waits until something accepts connections on 127.0.0.1:$2, as long as process $1 lives.
wait_for_port() {
  local pid="$1" port="$2" attempt
  for attempt in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# Waits for server $1 (a name for messages), process $2, on port $3; on failure prints the log in folder $4,
# calls stop function $5 and fails.
await_server() {
  local name="$1" pid="$2" port="$3" dir="$4" stop="$5"
  wait_for_port "$pid" "$port" && return 0
  echo "$name did not start on 127.0.0.1:$port:" >&2
  cat "$dir/log" >&2
  "$stop"
  return 1
}

# Stops the background server whose pid and temporary folder are in the variables named $1 and $2, and
# empties both (so that a second call does nothing).
stop_background_server() {
  local -n pid_var="$1" dir_var="$2"
  if [ -n "$pid_var" ]; then
    kill "$pid_var" 2>/dev/null
    wait "$pid_var" 2>/dev/null
    pid_var=""
  fi
  if [ -n "$dir_var" ]; then
    rm -rf "$dir_var"
    dir_var=""
  fi
}

# npm s3rver (tests/npm-s3): an S3-compatible server on a fresh folder. Exports CARTSTREAM_TEST_S3_URL.
start_s3rver() {
  local root="$1" port
  local server="$root/tests/npm-s3/node_modules/s3rver/bin/s3rver.js"
  if [ ! -f "$server" ]; then
    echo "s3rver is not installed in tests/npm-s3 (npm ci failed?): S3 tests will fail." >&2
    return 1
  fi
  port=$(free_port) || return 1
  CARTSTREAM_S3RVER_DIR=$(mktemp -d)
  node "$server" -d "$CARTSTREAM_S3RVER_DIR/data" -a 127.0.0.1 -p "$port" --no-vhost-buckets --silent \
    >"$CARTSTREAM_S3RVER_DIR/log" 2>&1 &
  CARTSTREAM_S3RVER_PID=$!
  await_server s3rver "$CARTSTREAM_S3RVER_PID" "$port" "$CARTSTREAM_S3RVER_DIR" stop_s3rver || return 1
  export CARTSTREAM_TEST_S3_URL="http://127.0.0.1:$port"
}

stop_s3rver() {
  stop_background_server CARTSTREAM_S3RVER_PID CARTSTREAM_S3RVER_DIR
}

# PostgreSQL 15 (Debian `postgresql`) on a fresh cluster in a temporary folder, trust auth on 127.0.0.1 only.
# Exports CARTSTREAM_TEST_POSTGRES, an Npgsql connection string to the `postgres` database; tests create their
# own databases. The server runs as the postgres user (initdb refuses root), so the folder must be theirs.
start_postgres() {
  local bin=/usr/lib/postgresql/15/bin port
  if [ ! -x "$bin/pg_ctl" ]; then
    echo "PostgreSQL 15 is not installed ($bin/pg_ctl missing): warehouse tests on PostgreSQL will fail." >&2
    return 1
  fi
  port=$(free_port) || return 1
  CARTSTREAM_PG_DIR=$(mktemp -d)
  chmod 755 "$CARTSTREAM_PG_DIR"
  mkdir "$CARTSTREAM_PG_DIR/pg"
  local as_postgres=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$CARTSTREAM_PG_DIR/pg"
    as_postgres=(runuser -u postgres --)
  fi
  if ! "${as_postgres[@]}" "$bin/initdb" -D "$CARTSTREAM_PG_DIR/pg/data" -U postgres --auth=trust -E UTF8 \
      --locale=C.UTF-8 --no-sync >"$CARTSTREAM_PG_DIR/initdb.log" 2>&1; then
    echo "initdb failed:" >&2
    cat "$CARTSTREAM_PG_DIR/initdb.log" >&2
    return 1
  fi
  # fsync off and a UTC session default: a throwaway test cluster, and the warehouse works in UTC.
  if ! "${as_postgres[@]}" "$bin/pg_ctl" -D "$CARTSTREAM_PG_DIR/pg/data" -l "$CARTSTREAM_PG_DIR/pg/log" -w -t 30 \
      -o "-p $port -k $CARTSTREAM_PG_DIR/pg -c listen_addresses=127.0.0.1 -c fsync=off -c timezone=UTC -c max_connections=200" \
      start >/dev/null; then
    echo "PostgreSQL did not start:" >&2
    cat "$CARTSTREAM_PG_DIR/pg/log" >&2
    return 1
  fi
  export CARTSTREAM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

stop_postgres() {
  if [ -n "$CARTSTREAM_PG_DIR" ]; then
    local as_postgres=()
    [ "$(id -u)" -eq 0 ] && as_postgres=(runuser -u postgres --)
    if [ -d "$CARTSTREAM_PG_DIR/pg/data" ]; then
      "${as_postgres[@]}" /usr/lib/postgresql/15/bin/pg_ctl -D "$CARTSTREAM_PG_DIR/pg/data" -m immediate -w stop >/dev/null 2>&1
    fi
    rm -rf "$CARTSTREAM_PG_DIR"
    CARTSTREAM_PG_DIR=""
  fi
}

# Debian's aiosmtpd (run by /usr/bin/python3: the python3 on PATH may not see Debian's packages), storing every
# message it receives in a maildir. Exports CARTSTREAM_TEST_SMTP (host:port) and CARTSTREAM_TEST_SMTP_MAILDIR
# (messages land in its new/ folder).
start_smtp() {
  if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
    echo "aiosmtpd is not installed (Debian python3-aiosmtpd): alert email tests will fail." >&2
    return 1
  fi
  local port
  port=$(free_port) || return 1
  CARTSTREAM_SMTP_DIR=$(mktemp -d)
  mkdir -p "$CARTSTREAM_SMTP_DIR/mail/cur" "$CARTSTREAM_SMTP_DIR/mail/new" "$CARTSTREAM_SMTP_DIR/mail/tmp"
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$CARTSTREAM_SMTP_DIR/mail" \
    >"$CARTSTREAM_SMTP_DIR/log" 2>&1 &
  CARTSTREAM_SMTP_PID=$!
  await_server aiosmtpd "$CARTSTREAM_SMTP_PID" "$port" "$CARTSTREAM_SMTP_DIR" stop_smtp || return 1
  export CARTSTREAM_TEST_SMTP="127.0.0.1:$port"
  export CARTSTREAM_TEST_SMTP_MAILDIR="$CARTSTREAM_SMTP_DIR/mail"
}

stop_smtp() {
  stop_background_server CARTSTREAM_SMTP_PID CARTSTREAM_SMTP_DIR
}

start_test_servers() {
  start_s3rver "$1"
  start_postgres
  start_smtp
}

# Idempotent: called after dotnet test and again from the exit trap.
stop_test_servers() {
  stop_s3rver
  stop_postgres
  stop_smtp
}
