#!/usr/bin/env bash
# Starts the app as the README says (no DATABASE_URL: embedded database with demo data) in a
# fresh data folder, waits until it answers, checks the map page, the API and a tile, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=$(mktemp -d)
# A port nothing listens on now (a fixed one may be taken on a shared machine).
port=${SMOKE_PORT:-$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")}
log="$data_dir/start.log"
# In its own process group: npm start runs tsx, which runs node; stopping npm alone left the
# server running (and holding its port) after the script ended.
setsid env -u DATABASE_URL DATA_DIR="$data_dir" PORT="$port" DEMO_REPORTS=500 npm start >"$log" 2>&1 &
pid=$!
trap 'kill -- -$pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data_dir"' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  kill -0 $pid 2>/dev/null || { cat "$log"; echo "npm start exited early"; exit 1; }
  sleep 1
done
cat "$log"
health=$(curl -sf "http://127.0.0.1:$port/health")
echo "health: $health"
echo "$health" | grep -q '"database":"embedded"'
echo "$health" | grep -q '"reports":500'
curl -sf "http://127.0.0.1:$port/" | grep -q '<div id="root"'
curl -sf -o /dev/null -w 'tile 10/815/529: %{http_code} %{size_download} bytes\n' "http://127.0.0.1:$port/tiles/reports/10/815/529.mvt"
echo "smoke test passed"
