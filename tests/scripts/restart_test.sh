#!/usr/bin/env bash
# Restart durability: with appendfsync always, every acknowledged write is
# still there after the nomination service and Redis are killed (-9) and
# started again. Uses the real binaries and tdktctl.
# Env: BUILD_DIR (set by ctest).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/../../deploy/lib.sh"
CTL=$BUILD_DIR/tools/tdktctl/tdktctl
NOM=$BUILD_DIR/services/nomination/tdkt-nomination

WORK=$(mktemp -d -t tdkt-restart.XXXXXX)
NOM_PID=""
cleanup() {
  [[ -n $NOM_PID ]] && kill -KILL "$NOM_PID" 2>/dev/null
  stop_redis nosave
  rm -rf "$WORK"
}
trap cleanup EXIT

GRPC=$(free_port)
METRICS=$(free_port)
REDIS=$(free_port)

start_node() {
  # The template config has appendonly yes and appendfsync always.
  start_redis "$REDIS" "$WORK/redis" "$WORK/redis.log" || die "redis did not start"
  setsid "$NOM" --redis-port="$REDIS" --grpc-port="$GRPC" --metrics-port="$METRICS" \
    --jwt-secret-file="$WORK/secret" --agencies-file="$ROOT/deploy/data/agencies-demo.json" \
    </dev/null >>"$WORK/nomination.log" 2>&1 &
  NOM_PID=$!
  for _ in $(seq 100); do
    "$CTL" health --addr="127.0.0.1:$GRPC" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  cat "$WORK/nomination.log" >&2
  die "nomination did not become healthy"
}

kill_node() {
  kill -KILL "$NOM_PID" "$REDIS_PID"
  wait "$NOM_PID" "$REDIS_PID" 2>/dev/null || true
  NOM_PID="" REDIS_PID=""
}

start_node
TOKEN=$("$CTL" token --secret-file="$WORK/secret" --role=officer --agency=56 --subject=restart-test)
export TDKT_ADDR=127.0.0.1:$GRPC TDKT_TOKEN=$TOKEN

# Acknowledged writes: 20 creates, one of them moved through two states.
ids=()
for i in $(seq 20); do
  id=$("$CTL" create --request-id="restart-$i" --name="Nguyễn Văn Bền $i" --kind=individual \
         --agency=22333 --field=health --achievements="Thành tích $i" | jq -r .id)
  ids+=("$id")
done
"$CTL" transition "${ids[0]}" --to=fostering --version=1 >/dev/null
"$CTL" transition "${ids[0]}" --to=submitted --version=2 >/dev/null

kill_node
start_node

for i in $(seq 20); do
  name=$("$CTL" get "${ids[$((i - 1))]}" | jq -r .details.name)
  [[ $name == "Nguyễn Văn Bền $i" ]] || die "record ${ids[$((i - 1))]} lost or changed after restart: '$name'"
done
state=$("$CTL" get "${ids[0]}" | jq -r '.state, .version' | paste -sd' ')
[[ $state == "SUBMITTED 3" ]] || die "state lost after restart: $state"
history=$("$CTL" history "${ids[0]}" | jq '.entries | length')
[[ $history == 3 ]] || die "audit trail has $history entries after restart, expected 3"
# A retried create after the restart is still recognised: no duplicate.
again=$("$CTL" create --request-id="restart-1" --name="Nguyễn Văn Bền 1" --kind=individual \
          --agency=22333 --field=health --achievements="Thành tích 1" | jq -r .id)
[[ $again == "${ids[0]}" ]] || die "retried request after restart created $again"
count=$("$CTL" list --agency=56 --all | jq length)
[[ $count == 20 ]] || die "expected 20 records after restart, found $count"
echo "restart_test: 20 acknowledged writes, states and audit trail survived kill -9 of service and Redis"
echo "1 passed, 0 failed"
