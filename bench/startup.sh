#!/usr/bin/env bash
# First start of Xinfang (BENCHMARKS.md, "First start"): on a fresh SQLite file every time, so each start applies the
# migrations, seeds the organisation tree, the calendar and the period rules, and creates the first administrator.
# Measures the time from launch until /healthz answers and the resident memory (VmRSS) then and 30 s later.
#   bench/startup.sh [--runs 3]
# Two ways to start: the published Release build (what a deployment runs) and the README's `dotnet run` after a build.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=3
[ "${1:-}" = --runs ] && runs=$2
work=$(mktemp -d /tmp/xinfang-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet publish src/Xinfang.Web -c Release -o "$work/app" --nologo -v quiet >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }
dotnet build src/Xinfang.Web --nologo -v quiet >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }

# $1 label, then the command; prints one Markdown row.
measure() {
  local label=$1; shift
  local port=$(( 20000 + RANDOM % 40000 )) data="$work/data-$RANDOM"
  mkdir -p "$data"
  local start=$(date +%s%N)
  ( exec env ConnectionStrings__Xinfang="Data Source=$data/xinfang.db" Bootstrap__AdminPassword="Startup-Bureau-2026x" \
      Logging__LogLevel__Default=Warning "$@" --urls "http://127.0.0.1:$port" ) >"$data/out.log" 2>&1 &
  local pid=$!
  until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/out.log" >&2; exit 1; }
    sleep 0.05
  done
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  # `dotnet run` is a parent process; the app is its child.
  local app; app=$(pgrep -P "$pid" -f Xinfang.Web || echo "$pid")
  local at_start; at_start=$(rss_mb "$app")
  sleep 30
  local later; later=$(rss_mb "$app")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pkill -P "$pid" 2>/dev/null || true
  echo "| $label | $ms ms | $at_start MB | $later MB |"
}

echo "| Start | Until /healthz answers | RSS then | RSS 30 s later |"
echo "|---|---:|---:|---:|"
for _ in $(seq 1 "$runs"); do
  measure "published (\`dotnet Xinfang.Web.dll\`)" dotnet "$work/app/Xinfang.Web.dll"
done
for _ in $(seq 1 "$runs"); do
  measure "\`dotnet run --project src/Xinfang.Web\`, already built" dotnet run --project src/Xinfang.Web --
done
echo
echo "$(nproc) cores, load average before the last run: $(cut -d' ' -f1-3 /proc/loadavg)"
