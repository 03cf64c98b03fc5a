#!/usr/bin/env bash
# Refreshes the front-end libraries committed under src/Xinfang.Web/wwwroot/lib from the npm registry.
# Running Xinfang never needs npm; only this script does. Pin versions here and commit the result.
set -euo pipefail
BOOTSTRAP=5.3.9
HTMX=2.0.11
ICONS=1.13.2

root=$(cd "$(dirname "$0")/.." && pwd)
lib="$root/src/Xinfang.Web/wwwroot/lib"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "bootstrap@$BOOTSTRAP" "htmx.org@$HTMX" "bootstrap-icons@$ICONS" >/dev/null
for f in *.tgz; do mkdir -p "${f%.tgz}" && tar -xzf "$f" -C "${f%.tgz}"; done

rm -rf "$lib/bootstrap" "$lib/htmx" "$lib/bootstrap-icons"
mkdir -p "$lib/bootstrap/css" "$lib/bootstrap/js" "$lib/htmx" "$lib/bootstrap-icons/fonts"
cp bootstrap-$BOOTSTRAP/package/dist/css/bootstrap.min.css bootstrap-$BOOTSTRAP/package/dist/css/bootstrap.min.css.map "$lib/bootstrap/css/"
cp bootstrap-$BOOTSTRAP/package/dist/js/bootstrap.bundle.min.js bootstrap-$BOOTSTRAP/package/dist/js/bootstrap.bundle.min.js.map "$lib/bootstrap/js/"
cp bootstrap-$BOOTSTRAP/package/LICENSE "$lib/bootstrap/"
cp htmx.org-$HTMX/package/dist/htmx.min.js "$lib/htmx/"
cp htmx.org-$HTMX/package/LICENSE "$lib/htmx/"
cp bootstrap-icons-$ICONS/package/font/bootstrap-icons.min.css "$lib/bootstrap-icons/"
cp bootstrap-icons-$ICONS/package/font/fonts/bootstrap-icons.woff2 "$lib/bootstrap-icons/fonts/"
cp bootstrap-icons-$ICONS/package/LICENSE "$lib/bootstrap-icons/"
echo "bootstrap $BOOTSTRAP, htmx $HTMX, bootstrap-icons $ICONS -> $lib"
