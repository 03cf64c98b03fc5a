#!/usr/bin/env bash
# Runs every test of Xinfang against SQLite and a throwaway PostgreSQL, and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

# 1. What the browser and document tests need from the system.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
command -v libreoffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -x /usr/lib/postgresql/*/bin/initdb ] 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} …"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { echo "apt-get install ${missing[*]} failed"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "Missing: ${missing[*]}. Install them first, e.g.: sudo apt-get install -y --no-install-recommends ${missing[*]}"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

# 2. A throwaway PostgreSQL on a free loopback port, stopped whatever happens.
pgdir=$(mktemp -d /tmp/xinfang-pg.XXXXXX)
cleanup() { scripts/postgres.sh stop "$pgdir"; rm -rf "$pgdir"; }
trap cleanup EXIT
if ! XINFANG_TEST_POSTGRES=$(scripts/postgres.sh start "$pgdir"); then
  echo "PostgreSQL could not start; see above."
  echo "0 passed, 1 failed"
  exit 1
fi
export XINFANG_TEST_POSTGRES
echo "PostgreSQL for the tests: $XINFANG_TEST_POSTGRES"

# 3. Build once, then test every project; TRX files give the counts.
rm -rf TestResults
dotnet tool restore >/dev/null
status=0
dotnet build Xinfang.slnx -c Release -m:1 -warnaserror --nologo -v quiet || status=$?
if [ $status -eq 0 ]; then
  dotnet test Xinfang.slnx -c Release --no-build -m:1 --logger "trx;LogFilePrefix=results" --results-directory TestResults "$@" || status=$?
fi

passed=0; failed=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit $status
