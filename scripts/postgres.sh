#!/usr/bin/env bash
# A throwaway PostgreSQL server from the installed binaries, on a free loopback port.
#   scripts/postgres.sh start <dir> [--durable]   prints the connection string; the server lives in <dir>
#   scripts/postgres.sh stop  <dir>
# Without --durable the server skips fsync (fast tests); with it, every commit is flushed (benchmarks).
# Used by ./test.sh; handy by hand too: export XINFANG_TEST_POSTGRES=$(scripts/postgres.sh start /tmp/xfpg)
set -euo pipefail
action=${1:?start|stop}
dir=${2:?directory}
durable=${3:-}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pgbin/initdb" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)" >&2; exit 1; }

# As root the server must run as the postgres user; otherwise as whoever runs this.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

free_port() {
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    chmod 700 "$dir"
    port=$(free_port)
    as_pg "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # A scratch server for the tests: durability is not what they measure, speed is. A benchmark of durable
    # commits asks for --durable: the defaults, spelled out so that the server log shows them.
    if [ "$durable" = --durable ]; then
      settings="-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
    else
      settings="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    as_pg "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir $settings -c max_connections=300" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=postgres"
    ;;
  stop)
    [ -d "$dir/data" ] && as_pg "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *) echo "usage: $0 start <dir> [--durable] | stop <dir>" >&2; exit 2 ;;
esac
