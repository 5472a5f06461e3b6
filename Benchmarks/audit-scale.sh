#!/usr/bin/env bash
# Issue 11, point 4: the privacy officer's page, /health and `meedoen audit verify` with a large
# access log (default 1,000,000 entries), on the embedded SQLite database.
# Usage: Benchmarks/audit-scale.sh [entries] [debug|release]
set -euo pipefail
cd "$(dirname "$0")/.."
. Benchmarks/lib.sh
entries=${1:-1000000}
config=${2:-release}
swift build -c "$config" --product meedoen >/dev/null
binary=.build/$config/meedoen
dir=$(mktemp -d /tmp/meedoen-audit.XXXXXX)
port=18392
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$dir"' EXIT
start_server "$binary" "$port" "$dir"
cookie=$(login "$port" pf.steenwijkerland)
csrf=$(curl -s -b "$cookie" "http://127.0.0.1:$port/privacy" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
page=$(curl -s -b "$cookie" -o /dev/null -w '%{redirect_url}' --data-urlencode "_csrf=$csrf" --data-urlencode "bsn=999994669" \
  "http://127.0.0.1:$port/privacy" | sed 's|^http://[^/]*||')
resident=${page##*/}
household=$(sqlite3 "$dir/meedoen.sqlite" "SELECT household_id FROM residents WHERE id = '$resident'")
kill $server_pid; wait $server_pid 2>/dev/null || true
python3 Benchmarks/fill_audit.py "$dir/meedoen.sqlite" "$dir/audit.key" "$entries" "$resident" "$household"
MEEDOEN_SQLITE_PATH=$dir/meedoen.sqlite MEEDOEN_2FA=off LOG_LEVEL=warning MEEDOEN_AUDIT_KEY_FILE=$dir/audit.key \
  "$binary" serve --hostname 127.0.0.1 --port "$port" >"$dir/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
cookie=$(login "$port" pf.steenwijkerland)
echo "entries in the log: $(sqlite3 "$dir/meedoen.sqlite" 'SELECT seq FROM audit_head')"
echo "privacy page (Anne), 5 views:"
for _ in 1 2 3 4 5; do curl -s -o /dev/null -b "$cookie" -w '  %{http_code} %{time_total}s\n' "http://127.0.0.1:$port$page"; done
echo "/health while two privacy officers keep loading the page (20 samples):"
viewers=()
for _ in 1 2; do
  ( for _ in $(seq 1 40); do curl -s -o /dev/null -b "$cookie" "http://127.0.0.1:$port$page"; done ) & viewers+=($!)
done
for _ in $(seq 1 20); do curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/health"; sleep 0.2; done \
  | sort -n | awk '{ a[NR] = $1 } END { printf "  health p50 %.3fs, max %.3fs\n", a[int(NR/2)], a[NR] }'
wait "${viewers[@]}"
echo "server RSS: $(( $(ps -o rss= -p $server_pid) / 1024 )) MB"
echo "meedoen audit verify:"
MEEDOEN_SQLITE_PATH=$dir/meedoen.sqlite MEEDOEN_AUDIT_KEY_FILE=$dir/audit.key /usr/bin/time -f '  %e s, max RSS %M KB' \
  "$binary" audit verify 2>&1 | tail -4
