#!/usr/bin/env bash
# Starts a private PostgreSQL server on 127.0.0.1 for the store tests, installing Debian's package when missing.
# Usage: source tools/postgres.sh || exit   (exports DYAD_TEST_POSTGRES; call dyad_postgres_stop when done)
# Sourced, so it leaves the caller's shell options alone and returns non-zero on failure.

dyad_postgres_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(dyad_postgres_bin)" ]; then
  echo "test: installing PostgreSQL from the Debian packages..." >&2
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >&2 \
    || { echo "test: could not install PostgreSQL" >&2; return 1; }
fi
pg_bin="$(dyad_postgres_bin)"

# initdb refuses to run as root: run the server as the postgres user then.
as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi

pg_data="$(mktemp -d /tmp/dyad-pg.XXXXXX)"
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_data"
pg_port=55432
while (echo > "/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done

"${as_owner[@]}" "$pg_bin/initdb" -D "$pg_data" -U dyad --auth=trust -E UTF8 >/dev/null \
  || { echo "test: initdb failed" >&2; return 1; }
"${as_owner[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w \
  -o "-h 127.0.0.1 -p $pg_port -k $pg_data -F -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$pg_data/server.log" >&2; echo "test: PostgreSQL did not start" >&2; return 1; }
export PG_BIN="$pg_bin" PG_DATA="$pg_data"
export DYAD_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=dyad;Database=postgres"
echo "test: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port" >&2

dyad_postgres_stop() {
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_data"
}
