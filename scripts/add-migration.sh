#!/usr/bin/env bash
# Adds a migration to both providers' sets (they must never drift: the MigrationTests check it).
# usage: scripts/add-migration.sh <Name>
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh <Name>}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/Xinfang.Web --context "${provider}XinfangDb" \
    --output-dir "Data/Migrations/$provider"
done
