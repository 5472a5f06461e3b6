#!/usr/bin/env bash
# Issue 11, point 2: 32 connections reading one household page as one user, through wrk.
# Before the fix, appends raced and answered 409; now every request must be 2xx.
# Usage: Benchmarks/concurrent-reads.sh [debug|release] [postgres://…]
set -euo pipefail
cd "$(dirname "$0")/.."
. Benchmarks/lib.sh
config=${1:-debug}
database=${2:-}
swift build -c "$config" --product meedoen >/dev/null
dir=$(mktemp -d /tmp/meedoen-bench.XXXXXX)
port=18391
trap 'kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null; rm -rf "$dir"' EXIT
start_server ".build/$config/meedoen" "$port" "$dir" "$database"
cookie=$(login "$port" km1.steenwijkerland)
household=$(curl -s -b "$cookie" "http://127.0.0.1:$port/caseload" | grep -o '/households/[0-9A-F-]\{36\}' | head -1)
echo "backend: $([ -n "$database" ] && echo PostgreSQL || echo SQLite), build: $config, page: $household"
wrk -t2 -c32 -d20s --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$household" | tee "$dir/wrk.txt"
grep -q "Non-2xx" "$dir/wrk.txt" && echo "NON-2xx ANSWERS (see above)" || echo "0 non-2xx answers"
