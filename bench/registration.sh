#!/usr/bin/env bash
# Load benchmark of registration through the HTTP API (BENCHMARKS.md, "Registration through the HTTP API").
# Publishes Xinfang in Release, starts it once on a fresh SQLite file and once on a throwaway durable PostgreSQL,
# runs bench/Xinfang.LoadTest against each, stops everything and prints one Markdown table row per provider.
#   bench/registration.sh [--duration 20] [--warmup 30] [--concurrency 16] [--providers "sqlite postgres"] [--keep]
# Not part of ./test.sh: a benchmark is never a timed unit test.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=20 warmup=30 concurrency=16 providers="sqlite postgres" keep=no
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --providers) providers=$2; shift 2 ;;
    --keep) keep=yes; shift ;;
    *) sed -n '2,7p' "$0" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/xinfang-bench.XXXXXX)
pgdir=$(mktemp -d /tmp/xinfang-bench-pg.XXXXXX)
app_pid=""
stop_app() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}
cleanup() {
  stop_app
  scripts/postgres.sh stop "$pgdir"
  rm -rf "$pgdir"
  if [ "$keep" = yes ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  for _ in $(seq 1 50); do
    local port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; exit 1
}

echo "Publishing Xinfang and the load client (Release) …" >&2
dotnet publish src/Xinfang.Web -c Release -o "$work/app" --nologo -v quiet >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }
dotnet publish bench/Xinfang.LoadTest -c Release -o "$work/client" --nologo -v quiet >>"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }

admin_password="Bench-Bureau-$RANDOM-2026x"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# $1 provider (Sqlite|Postgres), $2 connection string: start the published app, wait until it answers /healthz.
start_app() {
  local port; port=$(free_port)
  url="http://127.0.0.1:$port"
  (cd "$work/app" && exec env \
    Database__Provider="$1" ConnectionStrings__Xinfang="$2" Bootstrap__AdminPassword="$admin_password" \
    RateLimits__PerMinute=100000000 Logging__LogLevel__Default=Warning \
    Logging__Console__FormatterName=simple \
    dotnet Xinfang.Web.dll --urls "$url") >"$work/app-$1.log" 2>&1 &
  app_pid=$!
  for _ in $(seq 1 120); do
    if curl -fsS "$url/healthz" >/dev/null 2>&1; then return; fi
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app-$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "Xinfang did not answer on $url" >&2; cat "$work/app-$1.log" >&2; exit 1
}

# $1 provider, $2 connection string for the load client; appends its row to the results.
run_client() {
  local header=()
  [ -s "$work/results.md" ] || header=(--header)
  dotnet "$work/client/Xinfang.LoadTest.dll" --url "$url" --provider "$1" --connection "$2" --admin-password "$admin_password" \
    --duration "$duration" --warmup "$warmup" --concurrency "$concurrency" "${header[@]}" >>"$work/results.md"
}

for provider in $providers; do
  case "$provider" in
    sqlite)
      mkdir -p "$work/sqlite"
      connection="Data Source=$work/sqlite/xinfang.db"
      echo "SQLite on $(df -T "$work" | awk 'NR==2 {print $2}'), $work/sqlite …" >&2
      start_app Sqlite "$connection"
      run_client sqlite "$connection"
      stop_app
      ;;
    postgres)
      connection=$(scripts/postgres.sh start "$pgdir" --durable)
      connection=${connection/Database=postgres/Database=xinfang}
      echo "PostgreSQL (durable) on $(df -T "$pgdir" | awk 'NR==2 {print $2}') …" >&2
      start_app Postgres "$connection"
      run_client postgres "$connection"
      stop_app
      scripts/postgres.sh stop "$pgdir"
      ;;
    *) echo "unknown provider: $provider" >&2; exit 2 ;;
  esac
done

echo
echo "$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "$(dotnet --version) SDK; $concurrency workers, ${duration} s per phase after ${warmup} s warm-up;" \
  "load average $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after (anything above ~0.5 means other work shared the cores)"
echo
cat "$work/results.md"
