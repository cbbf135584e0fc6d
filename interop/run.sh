#!/usr/bin/env bash
# interop/run.sh: independent clients against jgram's test cluster.
#
#   interop/run.sh [LAUNCHER]
#
# Starts `LAUNCHER testdc --json --port 21000 --dcs 1,2,3 --bot 123456:ABC-testtoken@2 ...`
# (LAUNCHER defaults to ./jgram in the repository root, which builds the CLI jar on first use),
# then for GramJS (npm telegram 2.26, layer 198) and mtcute (npm @mtcute/node 0.30, layer 227):
# a first start (key exchange, bot login, getMe, session saved) and a second process that
# reconnects from the saved session (getMe only). From the cluster's event log it checks that the
# login exchanged the client's key and bound it to the bot, and that the reconnect made NO key
# exchange and no new login. Prints a summary line per step and, last, `N passed, M failed`.
# Exits 0 when everything passed, 1 otherwise; the cluster is always stopped.
#
# Skips (exit 0) when `node` is not on PATH. Needs interop/ci-setup.sh (npm ci) to have run.
# Environment: JGRAM_INTEROP_PORT (21000), JGRAM_INTEROP_START_TIMEOUT (seconds the cluster may
# take to print its JSON line, 300: the first ./jgram run builds the jar), JGRAM_INTEROP_CLIENTS
# ("gramjs mtcute"), JGRAM_INTEROP_KEEP=1 keeps the work folder, JGRAM_INTEROP_CLIENT_TIMEOUT (30),
# JGRAM_INTEROP_GRAMJS_TRANSPORT (full, abridged, obfuscated; default: GramJS's own, full) and
# JGRAM_INTEROP_MTCUTE_TRANSPORT (intermediate, padded, obfuscated; default: mtcute's own, intermediate).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(cd "$here/.." && pwd -P)"
node_dir="$here/node"
launcher="${1:-$root/jgram}"
port="${JGRAM_INTEROP_PORT:-21000}"
start_timeout="${JGRAM_INTEROP_START_TIMEOUT:-300}"
client_timeout="${JGRAM_INTEROP_CLIENT_TIMEOUT:-30}"
clients="${JGRAM_INTEROP_CLIENTS:-gramjs mtcute}"
bot_id=123456
bot_token="$bot_id:ABC-testtoken"
bot_dc=2
bot_username="bot${bot_id}_bot"
api_id=12345
api_hash=0123456789abcdef0123456789abcdef

if ! command -v node >/dev/null 2>&1; then
  echo "interop: skipped: node is not on PATH (install Node 20+ and run interop/ci-setup.sh to run GramJS and mtcute against testdc)"
  echo "interop: 0 passed, 0 failed"
  exit 0
fi
for dep in telegram @mtcute/node; do
  if [ ! -f "$node_dir/node_modules/$dep/package.json" ]; then
    echo "interop: $node_dir/node_modules/$dep is missing: run interop/ci-setup.sh (npm ci from the lock file) first" >&2
    echo "interop: 0 passed, 1 failed"
    exit 1
  fi
done
if [ ! -x "$launcher" ]; then
  echo "interop: the launcher $launcher is not an executable file" >&2
  echo "interop: 0 passed, 1 failed"
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/jgram-interop.XXXXXX")"
cluster_pid=""
failed=0
passed=0

stop_cluster() {
  [ -n "$cluster_pid" ] || return 0
  exec 3>&- # closing its stdin stops it (--stdin-close-stops)
  local i
  for i in $(seq 1 50); do
    kill -0 "$cluster_pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$cluster_pid" 2>/dev/null; then
    echo "interop: the cluster (pid $cluster_pid) did not stop when its stdin closed; sending TERM" >&2
    kill -TERM -- "-$cluster_pid" 2>/dev/null || kill -TERM "$cluster_pid" 2>/dev/null
    for i in $(seq 1 25); do
      kill -0 "$cluster_pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL -- "-$cluster_pid" 2>/dev/null || kill -KILL "$cluster_pid" 2>/dev/null
  fi
  wait "$cluster_pid" 2>/dev/null
  cluster_pid=""
}

cleanup() {
  stop_cluster
  if [ "${JGRAM_INTEROP_KEEP:-0}" = 1 ] || [ "$failed" -gt 0 ]; then
    echo "interop: work folder kept: $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- start the cluster -------------------------------------------------------------------------
mkfifo "$work/cluster.stdin"
exec 3<>"$work/cluster.stdin" # held open: the cluster runs until this closes
cluster_args=(testdc --json --port "$port" --dcs 1,2,3 --bot "$bot_token@$bot_dc"
  --events "$work/events.jsonl" --state-dir "$work/state" --stdin-close-stops)
echo "interop: starting $launcher ${cluster_args[*]}"
setsid "$launcher" "${cluster_args[@]}" <"$work/cluster.stdin" >"$work/cluster.out" 2>"$work/cluster.err" 3>&- &
cluster_pid=$!

deadline=$((SECONDS + start_timeout))
while :; do
  if [ -s "$work/cluster.out" ] && head -n 1 "$work/cluster.out" | grep -q '^{.*}$'; then
    break
  fi
  if ! kill -0 "$cluster_pid" 2>/dev/null; then
    echo "interop: the cluster exited before printing its JSON line; its stderr:" >&2
    tail -n 40 "$work/cluster.err" >&2
    failed=1
    echo "interop: 0 passed, 1 failed"
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "interop: no JSON line from the cluster within ${start_timeout}s; its stderr:" >&2
    tail -n 40 "$work/cluster.err" >&2
    failed=1
    echo "interop: 0 passed, 1 failed"
    exit 1
  fi
  sleep 0.2
done
head -n 1 "$work/cluster.out" >"$work/cluster.json"
node -e '
  const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log("interop: cluster " + c.dcs.map((d) => `DC ${d.id} ${d.host}:${d.port}`).join(", ")
    + "; key fingerprint " + c.fingerprint + " (" + c.fingerprint_signed + "); layers " + JSON.stringify(c.layers));
' "$work/cluster.json" || { failed=1; echo "interop: the cluster JSON line does not parse"; echo "interop: 0 passed, 1 failed"; exit 1; }

# --- the clients -------------------------------------------------------------------------------
event_lines() {
  if [ -f "$work/events.jsonl" ]; then wc -l <"$work/events.jsonl" | tr -d ' '; else echo 0; fi
}

# step CLIENT MODE [LOGIN_KEY]: runs the client, checks the events, prints a line; returns 0 if ok.
step() {
  local client="$1" mode="$2" login_key="${3:-}"
  local from out err summary rc transport_var extra=()
  transport_var="JGRAM_INTEROP_${client^^}_TRANSPORT"
  [ -n "${!transport_var:-}" ] && extra=(--transport "${!transport_var}")
  from="$(event_lines)"
  out="$work/$client-$mode.json"
  err="$work/$client-$mode.err"
  node "$node_dir/$client-bot.mjs" --cluster "$work/cluster.json" --dc "$bot_dc" --token "$bot_token" \
    --api-id "$api_id" --api-hash "$api_hash" --session "$work/$client.session" --mode "$mode" \
    --timeout "$client_timeout" "${extra[@]}" >"$out" 2>"$err" 3>&-
  local check=(node "$node_dir/check-run.mjs" --phase "$mode" --events "$work/events.jsonl" --from "$from"
    --result "$out" --bot-id "$bot_id" --username "$bot_username")
  [ -n "$login_key" ] && check+=(--login-key "$login_key")
  summary="$("${check[@]}" 2>&1)"
  rc=$?
  echo "$client: $summary"
  if [ "$rc" -ne 0 ]; then
    echo "--- $client $mode: client output" >&2
    cat "$out" >&2
    echo "--- $client $mode: client stderr (last 30 lines)" >&2
    tail -n 30 "$err" >&2
  fi
  return "$rc"
}

key_of() {
  node -e '
    const l = require("fs").readFileSync(process.argv[1], "utf8").trim().split("\n").pop();
    try { process.stdout.write(String(JSON.parse(l).auth_key_id || "")); } catch { }
  ' "$1"
}

for client in $clients; do
  if [ ! -f "$node_dir/$client-bot.mjs" ]; then
    echo "$client: no such client script $node_dir/$client-bot.mjs"
    failed=$((failed + 2))
    continue
  fi
  if step "$client" login; then
    passed=$((passed + 1))
    key="$(key_of "$work/$client-login.json")"
    if step "$client" reconnect "$key"; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
    fi
  else
    failed=$((failed + 1))
    echo "$client: reconnect not run (the login failed)"
    failed=$((failed + 1))
  fi
done

if [ "$failed" -gt 0 ]; then
  echo "--- cluster stderr (last 40 lines)" >&2
  tail -n 40 "$work/cluster.err" >&2
fi
echo "interop: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
