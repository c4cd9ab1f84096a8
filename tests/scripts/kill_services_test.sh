#!/usr/bin/env bash
# kill -9 of each service under load: no acknowledged write lost, none
# written twice. One node of the real binaries (tests/scripts/reliability_lib.sh:
# its own redis-server with the production config, AOF and appendfsync
# always). For each of the four services in turn, writer loops create
# records through its API, each write with its own request id:
#   nomination      NominationService.CreateNomination (tdktctl create)
#   evaluation      CouncilService.CreateCouncil
#   campaign-media  CampaignService.CreateCampaign
#   reporting       ActivityService.RecordTraining
# Mid-load the service is killed -9 and started again with the same flags;
# a writer that got an error retries the same request id until it is
# acknowledged. Then, through the API: every acknowledged id is listed, the
# records number exactly the acknowledged request ids, and sending a request
# id again (every retried one, and the first ones of each writer) returns
# the id it got the first time and writes nothing.
# Env: BUILD_DIR (set by ctest); KILL_TEST_WRITERS (2), KILL_TEST_LOAD_S
# (1.5: seconds of load before the kill, and again after the restart).
set -euo pipefail
# shellcheck source=tests/scripts/reliability_lib.sh
source "$(dirname "$0")/reliability_lib.sh"
WRITERS=${KILL_TEST_WRITERS:-2}
LOAD_S=${KILL_TEST_LOAD_S:-1.5}

WORK=$(mktemp -d -t tdkt-killsvc.XXXXXX)
trap node_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
failed=0

# check SERVICE BEFORE: the verdict on one service's run (BEFORE: writes
# acknowledged before the kill); prints its one-line summary.
check() {
  local svc=$1 before=$2 rid id tries n retried attempts lost extra shared dup forwarded replayed=0 mismatched=0
  local problems=() p
  [[ -s $WORK/fatal-$svc ]] && problems+=("writer stopped: $(head -n 3 "$WORK/fatal-$svc" | paste -sd' ')")
  acked "$svc" >"$WORK/$svc.acked"
  n=$(wc -l <"$WORK/$svc.acked")
  retried=$(awk '$3 > 0' "$WORK/$svc.acked" | wc -l)
  attempts=$(awk '{ s += $3 } END { print s + 0 }' "$WORK/$svc.acked")
  cut -d' ' -f1,2 "$WORK/$svc.acked" | sort >"$WORK/$svc.acked-pairs"
  list_records "$svc" | sort >"$WORK/$svc.listed" || problems+=("cannot list the records")
  lost=$(comm -23 "$WORK/$svc.acked-pairs" "$WORK/$svc.listed" | wc -l)
  # Written twice: a record no acknowledged write answered with (a second
  # record for a request id), or one record id answered to two request ids.
  extra=$(comm -13 "$WORK/$svc.acked-pairs" "$WORK/$svc.listed" | wc -l)
  shared=$(cut -d' ' -f2 "$WORK/$svc.acked-pairs" | sort | uniq -d | wc -l)
  # Resend the retried request ids and each writer's first three: the first
  # answer comes back and nothing new is written.
  while read -r rid id tries _; do
    [[ $tries -gt 0 || $rid =~ -w[0-9]+-[123]$ ]] || continue
    replayed=$((replayed + 1))
    [[ $(write_one "$svc" "$rid" 2>/dev/null) == "$id" ]] || mismatched=$((mismatched + 1))
  done <"$WORK/$svc.acked"
  [[ $(list_records "$svc" | wc -l) == "$(wc -l <"$WORK/$svc.listed")" ]] ||
    problems+=("resending request ids wrote new records")
  dup=$((extra + shared + mismatched))
  forwarded=0
  [[ -f $WORK/forwarded-$svc ]] && forwarded=$(wc -l <"$WORK/forwarded-$svc")

  if ((lost)); then
    problems+=("lost: $(comm -23 "$WORK/$svc.acked-pairs" "$WORK/$svc.listed" | awk 'NR <= 5' | paste -sd,)")
  fi
  if ((dup)); then
    p=$(comm -13 "$WORK/$svc.acked-pairs" "$WORK/$svc.listed" | awk 'NR <= 5' | paste -sd,)
    problems+=("written twice: $extra records no write was answered with ($p); $shared ids answered to two request ids; $mismatched resent ids answered with another id")
  fi
  ((before >= 5)) || problems+=("only $before writes acknowledged before the kill: no load")
  ((retried >= 1)) || problems+=("no write failed while the service was down: the kill was not under load")
  printf '%-15s %4d writes acked (%d before the kill), %d retried after the kill (%d failed attempts), %d lost, %d duplicates; %d of %d resent ids answered alike' \
    "$svc:" "$n" "$before" "$retried" "$attempts" "$lost" "$dup" "$((replayed - mismatched))" "$replayed"
  ((forwarded == 0)) || printf '; %d stale claims of the killed process expired early' "$forwarded"
  echo
  for p in "${problems[@]}"; do echo "FAIL: $svc: $p"; done
  ((${#problems[@]} == 0)) || failed=1
}

node_init
# shellcheck disable=SC2119  # no overrides: the production config as it is
start_node_redis
[[ $(rcli config get appendfsync | tail -n 1) == always ]] || die "the node's Redis does not run with appendfsync always"
start_services
echo "node: redis $RPORT; $(for s in "${SERVICES[@]}"; do printf '%s %s ' "$s" "${PORT[$s]}"; done)"

for svc in "${SERVICES[@]}"; do
  start_writers "$svc" "$WRITERS" "ks-$svc"
  sleep "$LOAD_S"
  before=$(acked "$svc" | wc -l)
  kill9_service "$svc"
  sleep 0.3  # the writers meet the dead port
  start_service "$svc"
  wait_service "$svc"
  sleep "$LOAD_S"
  stop_writers
  check "$svc" "$before"
done

if ((failed)); then
  echo "kill_services_test: FAILED"
  exit 1
fi
echo "kill_services_test: kill -9 of each of the four services under load lost no acknowledged write and wrote none twice"
