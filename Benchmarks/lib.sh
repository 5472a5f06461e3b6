# Shared by the benchmark scripts: start a Meedoen server on a throwaway database, log in.
# Never run in CI (.ci/run): numbers need a quiet machine.

# start_server BINARY PORT DIR [DATABASE_URL] — demo data, no second factor; sets $server_pid.
start_server() {
  local binary=$1 port=$2 dir=$3 database=${4:-}
  if [ -n "$database" ]; then
    python3 -c "import secrets; print(secrets.token_hex(32))" >"$dir/audit.key"
    DATABASE_URL=$database MEEDOEN_AUDIT_KEY_FILE=$dir/audit.key MEEDOEN_DEMO=1 "$binary" demo >/dev/null 2>&1
    DATABASE_URL=$database MEEDOEN_AUDIT_KEY_FILE=$dir/audit.key MEEDOEN_2FA=off LOG_LEVEL=warning \
      "$binary" serve --hostname 127.0.0.1 --port "$port" >"$dir/server.log" 2>&1 &
  else
    MEEDOEN_SQLITE_PATH=$dir/meedoen.sqlite MEEDOEN_DEMO=1 MEEDOEN_2FA=off LOG_LEVEL=warning \
      "$binary" serve --hostname 127.0.0.1 --port "$port" >"$dir/server.log" 2>&1 &
  fi
  server_pid=$!
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0; sleep 0.5; done
  echo "server did not start; see $dir/server.log" >&2
  return 1
}

# login PORT USER — prints the session cookie ("meedoen_sessie=…") of a signed-in user.
login() {
  local port=$1 user=$2 jar
  jar=$(mktemp)
  local csrf
  csrf=$(curl -s -c "$jar" "http://127.0.0.1:$port/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "_csrf=$csrf" --data-urlencode "username=$user" \
    --data-urlencode "password=Meedoen-demo-2026!" "http://127.0.0.1:$port/login"
  awk '$6 == "meedoen_sessie" { print "meedoen_sessie=" $7 }' "$jar"
  rm -f "$jar"
}
