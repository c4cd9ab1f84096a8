#!/usr/bin/env bash
# kill -9 of Redis under load. One node of the real binaries
# (tests/scripts/reliability_lib.sh); writer loops create nominations
# (NominationService.CreateNomination, each with its own request id) while
# redis-server is killed -9 and started again from its data dir. The four
# services must find it again by themselves (each then acknowledges a write).
#   1. appendfsync always (the production config): every acknowledged write
#      is there after the restart, none twice.
#   2. appendfsync everysec: the acknowledged writes missing after the restart
#      are counted against the write rate; a measurement, asserted only to
#      stay within 2 s of writes (the bound Redis documents for everysec).
# Env: BUILD_DIR (set by ctest); KILL_TEST_WRITERS (2), KILL_TEST_LOAD_S
# (2: seconds of load before the kill).
set -euo pipefail
# shellcheck source=tests/scripts/reliability_lib.sh
source "$(dirname "$0")/reliability_lib.sh"
WRITERS=${KILL_TEST_WRITERS:-2}
LOAD_S=${KILL_TEST_LOAD_S:-2}

WORK=$(mktemp -d -t tdkt-killredis.XXXXXX)
trap node_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# recover SERVICE RID: seconds (one decimal) until SERVICE acknowledges a
# write after the Redis restart; fails after 20 s.
recover() {
  local svc=$1 rid=$2 start=$EPOCHREALTIME
  until write_one "$svc" "$rid" >/dev/null 2>&1; do
    awk -v s="$start" -v n="$EPOCHREALTIME" 'BEGIN { exit !(n - s > 20) }' && return 1
    sleep 0.1
  done
  awk -v s="$start" -v n="$EPOCHREALTIME" 'BEGIN { printf "%.1f\n", n - s }'
}

# phase MODE: one kill -9 of Redis under load with appendfsync MODE.
phase() {
  local mode=$1 svc took back=() t_kill t_up n before first rate lost extra window bound delayed
  rcli config set appendfsync "$mode" >/dev/null
  start_writers nomination "$WRITERS" "kr-$mode"
  sleep "$LOAD_S"
  # Times Redis wrote the AOF late, behind a slow fsync: with everysec the
  # only way a kill -9 of the process alone (not of the machine) loses writes.
  delayed=$(rcli info persistence | tr -d '\r' | awk -F: '$1 == "aof_delayed_fsync" { print $2 }')
  kill -KILL "$RDS_PID"
  t_kill=$EPOCHREALTIME
  wait "$RDS_PID" 2>/dev/null || true
  RDS_PID=""
  sleep 0.5  # the services meet a dead Redis
  start_node_redis --appendfsync "$mode"
  t_up=$EPOCHREALTIME
  for svc in evaluation campaign-media reporting; do
    if took=$(recover "$svc" "kr-$mode-$svc-after"); then
      back+=("$svc ${took}s")
    else
      fail "$mode: $svc did not recover within 20 s of the Redis restart; its log:"
      tail -n 10 "$WORK/$svc.log"
    fi
  done
  sleep 1  # load after the restart
  stop_writers
  [[ -s $WORK/fatal-nomination ]] && fail "$mode: a writer stopped: $(head -n 3 "$WORK/fatal-nomination" | paste -sd' ')"

  acked nomination >"$WORK/$mode.acked"
  n=$(wc -l <"$WORK/$mode.acked")
  before=$(awk -v k="$t_kill" '$4 < k' "$WORK/$mode.acked" | wc -l)
  first=$(awk 'NR == 1 || $4 < m { m = $4 } END { print m }' "$WORK/$mode.acked")
  rate=$(awk -v b="$before" -v f="$first" -v k="$t_kill" 'BEGIN { printf "%.0f\n", b / (k - f) }')
  # The nomination service is back once its writers are acknowledged again.
  took=$(awk -v u="$t_up" '$4 > u && (m == "" || $4 - u < m) { m = $4 - u } END { print m }' "$WORK/$mode.acked")
  if [[ -n $took ]]; then
    back+=("nomination $(printf '%.1f' "$took")s")
  else
    fail "$mode: nomination acknowledged nothing after the restart"
  fi
  cut -d' ' -f1,2 "$WORK/$mode.acked" | sort >"$WORK/$mode.pairs"
  list_records nomination | grep "^kr-$mode-" | sort >"$WORK/$mode.listed" || true
  lost=$(comm -23 "$WORK/$mode.pairs" "$WORK/$mode.listed" | wc -l)
  extra=$(comm -13 "$WORK/$mode.pairs" "$WORK/$mode.listed" | wc -l)
  ((extra == 0)) || fail "$mode: $extra records no acknowledged write was answered with (written twice)"
  ((before >= 10)) || fail "$mode: only $before writes acknowledged before the kill: no load"
  window=$(awk -v l="$lost" -v r="$rate" 'BEGIN { printf "%.2f", (r > 0 ? l / r : 0) }')
  echo "$mode: lost $lost of $n acked writes ($before before the kill; = $window s of writes at $rate/s);" \
    "back after the restart: ${back[*]}"
  if [[ $mode == always ]]; then
    ((lost == 0)) || fail "always: $lost acknowledged writes lost: $(comm -23 "$WORK/$mode.pairs" "$WORK/$mode.listed" | awk 'NR <= 5' | paste -sd,)"
  else
    echo "$mode: before the kill Redis had postponed an AOF write behind a slow fsync $delayed times (aof_delayed_fsync)"
    bound=$(awk -v r="$rate" 'BEGIN { printf "%d\n", 2 * r + 1 }')
    ((lost <= bound)) || fail "$mode: lost $lost acknowledged writes, more than 2 s of writes ($bound)"
  fi
}

node_init
start_node_redis --appendfsync always
start_services
echo "node: redis $RPORT; $(for s in "${SERVICES[@]}"; do printf '%s %s ' "$s" "${PORT[$s]}"; done)"
phase always
phase everysec

if ((failed)); then
  echo "kill_redis_test: FAILED"
  exit 1
fi
echo "kill_redis_test: kill -9 of Redis under load lost no acknowledged write with appendfsync always;" \
  "the services reconnected by themselves"
