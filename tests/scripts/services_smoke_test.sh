#!/usr/bin/env bash
# Each of the four service binaries starts, answers the gRPC health check,
# serves /metrics, and stops cleanly on SIGTERM.
# Env: BUILD_DIR (set by ctest).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/../../deploy/lib.sh"
CTL=$BUILD_DIR/tools/tdktctl/tdktctl

WORK=$(mktemp -d -t tdkt-smoke.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  stop_redis nosave
  rm -rf "$WORK"
}
trap cleanup EXIT

# On failure show the service's own log: it says why.
fail() {
  echo "--- log of $bin:" >&2
  cat "$WORK/log" >&2
  die "$*"
}

start_scratch_redis "$WORK/redis"
passed=0
for bin in services/nomination/tdkt-nomination services/evaluation/tdkt-evaluation services/campaign_media/tdkt-campaign-media \
           services/reporting/tdkt-reporting; do
  grpc=$(free_port)
  metrics=$(free_port)
  extra=()
  [[ $bin == *nomination ]] && extra=(--agencies-file="$ROOT/deploy/data/agencies-demo.json")
  setsid "$BUILD_DIR/$bin" --redis-port="$REDIS_PORT" --grpc-port="$grpc" --metrics-port="$metrics" \
    --jwt-secret-file="$WORK/secret" "${extra[@]}" </dev/null >"$WORK/log" 2>&1 &
  pid=$!
  PIDS+=("$pid")
  ok=0
  for _ in $(seq 100); do
    "$CTL" health --addr="127.0.0.1:$grpc" >/dev/null 2>&1 && { ok=1; break; }
    sleep 0.1
  done
  ((ok)) || fail "$bin did not become healthy"
  # Read the page whole first: "curl | grep -q" fails under pipefail when
  # grep stops early and curl gets SIGPIPE.
  page=$(curl -sf "http://127.0.0.1:$metrics/metrics") || fail "$bin serves no /metrics"
  grep -q '^# TYPE grpc_server_handled_total counter' <<<"$page" ||
    fail "$bin serves no grpc_server_handled_total on /metrics"
  kill -TERM "$pid"
  for _ in $(seq 100); do alive "$pid" || break; sleep 0.1; done
  alive "$pid" && fail "$bin did not stop on SIGTERM"
  wait "$pid" || fail "$bin exited with an error on SIGTERM"
  grep -q '"msg":"stopped"' "$WORK/log" || fail "$bin did not log a graceful stop"
  echo "ok: $bin"
  passed=$((passed + 1))
done
echo "$passed passed, 0 failed"
