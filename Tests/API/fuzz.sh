#!/usr/bin/env bash
# Schemathesis against the real server's /api/v1/openapi.json: examples, boundary values and
# random data for every operation, bounded so it takes well under a minute; any 5xx fails, and so
# does any answer that differs from the schema the document derives from the DTO types.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=$(mktemp -d /tmp/meedoen-fuzz.XXXXXX)
port=${MEEDOEN_FUZZ_PORT:-18291}
export MEEDOEN_SQLITE_PATH="$dir/meedoen.sqlite"
# The demo data (and a demo audit key next to the throwaway database) only when asked for.
export MEEDOEN_DEMO=1
unset DATABASE_URL
.build/debug/meedoen serve --hostname 127.0.0.1 --port "$port" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
token=$(.build/debug/meedoen token add --username km1.steenwijkerland --name schemathesis | tail -n 1)
# Fuzzing with a key that does not work would only exercise the 401 path.
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/households?per=1" >/dev/null \
  || { echo "The API key for the fuzzing does not work." >&2; exit 1; }
# A household of the caseload and its applicant: the operations on one file get a real one.
first=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/households?per=1")
export MEEDOEN_FUZZ_HOUSEHOLD=$(echo "$first" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
export MEEDOEN_FUZZ_CLIENT=$(echo "$first" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["applicantId"])')
st --config-file Tests/API/schemathesis.toml run "http://127.0.0.1:$port/api/v1/openapi.json" -H "Authorization: Bearer $token" \
  --checks not_a_server_error,response_schema_conformance --max-examples 30 --phases examples,coverage,fuzzing --seed 2026
