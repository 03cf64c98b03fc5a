#!/usr/bin/env bash
# Exchange package export at volume (BENCHMARKS.md, "Exchange package"): generates N matters on a fresh SQLite file
# (`generate`), starts Xinfang, exports every matter (GET /api/v1/exchange/export?since=2000-01-01) streamed to a file,
# and reports the time and the server's peak resident memory during the export (VmRSS sampled every 20 ms), beside the
# baseline measured in the same run: copying the same bytes from one file to another.
#   bench/exchange.sh [--matters 10000]
set -euo pipefail
cd "$(dirname "$0")/.."
matters=10000
[ "${1:-}" = --matters ] && matters=$2
work=$(mktemp -d /tmp/xinfang-exchange.XXXXXX)
trap 'rm -rf "$work"' EXIT
dotnet publish src/Xinfang.Web -c Release -o "$work/app" --nologo -v quiet >"$work/publish.log" 2>&1 || { cat "$work/publish.log" >&2; exit 1; }
export ConnectionStrings__Xinfang="Data Source=$work/xinfang.db" Bootstrap__AdminPassword="Exchange-Bureau-2026x" Logging__LogLevel__Default=Warning
export Identifiers__HashKeyFile="$work/identifier-hash.key" Identifiers__EncryptionKeyFile="$work/identifier-encryption.key"
gen_start=$(date +%s%N)
dotnet "$work/app/Xinfang.Web.dll" generate --matters "$matters" >"$work/generate.log" 2>&1 || { tail "$work/generate.log" >&2; exit 1; }
echo "generated $matters matters in $(( ($(date +%s%N) - gen_start) / 1000000 )) ms"
port=$(( 20000 + RANDOM % 40000 ))
dotnet "$work/app/Xinfang.Web.dll" --urls "http://127.0.0.1:$port" >"$work/out.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
until curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do kill -0 "$pid" 2>/dev/null || { cat "$work/out.log" >&2; exit 1; }; sleep 0.1; done
python3 bench/exchange.py --url "http://127.0.0.1:$port" --admin-password "Exchange-Bureau-2026x" --pid "$pid" --work "$work"
