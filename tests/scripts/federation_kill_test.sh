#!/usr/bin/env bash
# Crash test of upward forwarding with the real binaries: a child node
# (22333 Phường Bắc Nha Trang) proposes candidates to its parent node
# (56 Tỉnh Khánh Hòa) while one side is killed with -9 in the middle.
#   1. The parent is down while the child's council proposes N1 candidates
#      (the child's uplink queue holds N1); the parent starts; when it has
#      received some but not all, the child's nomination process is killed
#      -9 and restarted.
#   2. The same with N2 more, but the parent (its nomination process and its
#      Redis, appendfsync always) is killed -9 in the middle of receiving.
#   3. The child dies between noting RECEIVED and acknowledging the entry
#      (1 and 2 hit that window only now and then): that Redis state is put
#      back exactly and the child restarted.
#   4. The parent's answer is lost and the child's record changes (an
#      attachment) before it sends again.
# After each: the queue drains, the parent holds every proposal exactly once
# (one record per child record, one inbox entry per message), and every
# child record shows upward RECEIVED with the parent's record id.
#
# Each node has its own redis-server (AOF, appendfsync always: the template
# of `make run`), JWT key and Ed25519 node key. Every process started is
# killed on exit. Env: BUILD_DIR (set by ctest); TDKTCTL and TDKT_NOMINATION
# override the binaries.
# pass and fail always succeed: "check && pass ... || fail ..." is an if-else.
# shellcheck disable=SC2015
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/../../deploy/lib.sh"
CTL=${TDKTCTL:-$BUILD_DIR/tools/tdktctl/tdktctl}
NOM=${TDKT_NOMINATION:-$BUILD_DIR/services/nomination/tdkt-nomination}
export TDKTCTL=$CTL  # wait_grpc_healthy uses it
N1=${KILL_TEST_N1:-40}
N2=${KILL_TEST_N2:-40}
PARENT=56 CHILD=22333

for tool in jq curl openssl redis-server redis-cli; do
  command -v "$tool" >/dev/null || die "$tool is missing (make deps installs it)"
done
[[ -x $CTL && -x $NOM ]] || die "build tdkt-nomination and tdktctl first ($NOM, $CTL)"

WORK=$(mktemp -d -t tdkt-fedkill.XXXXXX)
declare -A NOM_PID=() RDS_PID=() GRPC=() METRICS=() RPORT=() PUBKEY=()
failed=0
# shellcheck disable=SC2317  # called from the trap
cleanup() {
  local rc=$? node
  for node in "${!NOM_PID[@]}"; do kill9 "$node" nom; done
  for node in "${!RDS_PID[@]}"; do kill9 "$node" redis; done
  if ((rc != 0)); then
    echo "--- logs (tails) of $WORK" >&2
    for node in $PARENT $CHILD; do
      [[ -f $WORK/$node/nomination.log ]] && { echo "--- $node nomination" >&2; tail -n 15 "$WORK/$node/nomination.log" >&2; }
    done
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failed=1; }
# Must hold or the rest makes no sense.
must() { echo "FAIL: $*"; exit 1; }

# --- nodes -------------------------------------------------------------------

distinct_port() {
  local p used
  while :; do
    p=$(free_port)
    used=" ${GRPC[*]} ${METRICS[*]} ${RPORT[*]} "
    [[ $used == *" $p "* ]] || { echo "$p"; return; }
  done
}

make_node() {
  local node=$1 dir=$WORK/$1
  mkdir -p "$dir"
  openssl genpkey -algorithm ed25519 -out "$dir/node-key.pem" 2>/dev/null || die "openssl genpkey failed"
  chmod 600 "$dir/node-key.pem"
  PUBKEY[$node]=$(openssl pkey -in "$dir/node-key.pem" -pubout -outform DER | tail -c 32 | base64)
  GRPC[$node]=$(distinct_port)
  METRICS[$node]=$(distinct_port)
  RPORT[$node]=$(distinct_port)
  "$CTL" token --secret-file="$dir/jwt-secret" --role=admin --agency="$node" --subject=kill-setup >/dev/null
}

# Federation files (format: common/federation/federation_config.h). Short
# backoff: the child retries soon after the parent is back.
write_federation_files() {
  jq -n --arg a $PARENT --arg key "$WORK/$PARENT/node-key.pem" --arg c $CHILD --arg ck "${PUBKEY[$CHILD]}" \
    '{agency: $a, signing_key_file: $key, children: [{agency: $c, public_key: $ck}],
      deadline_ms: 3000, initial_backoff_ms: 100, max_backoff_ms: 1000, max_refusals: 5}' \
    >"$WORK/$PARENT/federation.json"
  jq -n --arg a $CHILD --arg key "$WORK/$CHILD/node-key.pem" --arg p $PARENT --arg pk "${PUBKEY[$PARENT]}" \
    --arg n "127.0.0.1:${GRPC[$PARENT]}" --arg r "127.0.0.1:$(distinct_port)" \
    '{agency: $a, signing_key_file: $key,
      parent: {agency: $p, public_key: $pk, nomination_address: $n, reporting_address: $r},
      children: [], deadline_ms: 3000, initial_backoff_ms: 100, max_backoff_ms: 1000, max_refusals: 5}' \
    >"$WORK/$CHILD/federation.json"
}

start_node_redis() {
  local node=$1
  # The template config has appendonly yes and appendfsync always.
  start_redis "${RPORT[$node]}" "$WORK/$node/redis" "$WORK/$node/redis.log" || die "redis of $node did not start"
  RDS_PID[$node]=$REDIS_PID
  REDIS_PID=""  # lib.sh's single-redis bookkeeping is not used here
}

# start_nom NODE [flags...]: starts the nomination service without waiting.
start_nom() {
  local node=$1 dir=$WORK/$1
  shift
  setsid "$NOM" --grpc-port="${GRPC[$node]}" --metrics-port="${METRICS[$node]}" --redis-port="${RPORT[$node]}" \
    --node-agency="$node" --jwt-secret-file="$dir/jwt-secret" --federation-file="$dir/federation.json" \
    --agencies-file="$ROOT/deploy/data/agencies-demo.json" --outcome-poll-ms=1000 "$@" \
    </dev/null >>"$dir/nomination.log" 2>&1 &
  NOM_PID[$node]=$!
}
wait_nom() { wait_grpc_healthy "${NOM_PID[$1]}" "127.0.0.1:${GRPC[$1]}" "$WORK/$1/nomination.log" "$1 nomination"; }

# kill9 NODE nom|redis: SIGKILL and reap.
kill9() {
  local node=$1 pid
  if [[ $2 == nom ]]; then pid=${NOM_PID[$node]}; unset 'NOM_PID[$node]'; else pid=${RDS_PID[$node]}; unset 'RDS_PID[$node]'; fi
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

token() { "$CTL" token --secret-file="$WORK/$1/jwt-secret" --role="$2" --agency="$1" --subject="kill-$2" --ttl=3600; }
rcli() { redis-cli -p "${RPORT[$1]}" "${@:2}"; }

# Proposals the child's uplink still has to send (its /metrics).
queue_depth() { metric_labelled "127.0.0.1:${METRICS[$CHILD]}" tdkt_uplink_queue_depth queue proposals; }
# Messages from the child the parent has recorded (one inbox key each),
# read straight from the parent's Redis: fast enough to poll mid-drain.
received_count() {
  rcli $PARENT eval "return #redis.call('keys', ARGV[1])" 0 "nom:{fwd}:inbox:$CHILD/proposals/*" 2>/dev/null || echo -1
}

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.1 s.
wait_until() {
  local limit=$1 what=$2 start=$SECONDS
  shift 2
  until "$@"; do
    ((SECONDS - start < limit)) || { echo "timed out after $limit s waiting for: $what" >&2; return 1; }
    sleep 0.1
  done
}
# The gauge of a freshly started child reads 0 until its drainer's first
# poll: the stream itself (entries are deleted once delivered) must agree.
depth_is() {
  [[ $(queue_depth 2>/dev/null) == "$1" && $(rcli $CHILD xlen 'nom:{fwd}:uplink' 2>/dev/null) == "$1" ]]
}

# --- the child's council proposes --------------------------------------------

# propose BATCH COUNT: COUNT candidates created, fostered, submitted (officer)
# and proposed (the council's vote: a node identity) at the child; their ids
# are appended to $WORK/ids-BATCH.
propose() {
  local batch=$1 count=$2 i id officer node
  officer=$(token $CHILD officer) node=$(token $CHILD node)
  : >"$WORK/ids-$batch"
  for i in $(seq "$count"); do
    id=$("$CTL" create --addr="127.0.0.1:${GRPC[$CHILD]}" --token="$officer" --request-id="kill-$batch-$i" \
      --name="Ứng viên $batch-$i" --kind=individual --agency=$CHILD --field=health \
      --achievements="Ba năm liền hoàn thành xuất sắc nhiệm vụ" | jq -r .id)
    [[ $id == nom-* ]] || must "create $batch-$i at the child gave '$id'"
    "$CTL" transition "$id" --addr="127.0.0.1:${GRPC[$CHILD]}" --token="$officer" --to=fostering --version=1 >/dev/null
    "$CTL" transition "$id" --addr="127.0.0.1:${GRPC[$CHILD]}" --token="$officer" --to=submitted --version=2 >/dev/null
    "$CTL" call tdkt.nomination.v1.NominationService/TransitionNomination --addr="127.0.0.1:${GRPC[$CHILD]}" --token="$node" \
      "$(jq -nc --arg id "$id" --arg r "kill-$batch-$i-proposed" '{id: $id, expected_version: 3, to_state: "PROPOSED",
        request_id: $r, recognition: {decision_number: "7/QĐ-UBND", decision_date: "2026-04-01"}}')" >/dev/null
    echo "$id" >>"$WORK/ids-$batch"
  done
}

# mid_drain TIMEOUT BEFORE TOTAL: waits until the parent has recorded about
# a quarter of the messages between BEFORE and TOTAL (at least one more, and
# fewer than TOTAL); prints the count seen. Polls the parent's Redis as fast
# as redis-cli goes: on loopback a receipt takes a few ms, the poll about as
# long, so the kill lands well inside the drain.
mid_drain() {
  local limit=$1 before=$2 total=$3 start=$SECONDS n target
  target=$((before + (total - before + 3) / 4))
  while ((SECONDS - start < limit)); do
    n=$(received_count)
    if ((n >= target && n < total)); then echo "$n"; return 0; fi
    ((n >= total)) && { echo "$n"; return 1; }
  done
  echo "$n"
  return 1
}

# check_exactly_once LABEL TOTAL BATCHES...: the parent holds each child
# record of the batches exactly once (TOTAL in all); the child shows each as
# upward RECEIVED with that parent record's id; nothing is dead-lettered.
check_exactly_once() {
  local label=$1 total=$2
  shift 2
  local want got dup inbox missing bad
  want=$(cat "${@/#/$WORK/ids-}" | sort)
  "$CTL" list --addr="127.0.0.1:${GRPC[$PARENT]}" --token="$(token $PARENT officer)" --agency=$CHILD --all \
    >"$WORK/at-parent.json" || must "$label: cannot list the parent's records"
  got=$(jq -r '.[] | select(.origin.child_agency == "'$CHILD'") | .origin.child_record_id' "$WORK/at-parent.json" | sort)
  dup=$(uniq -d <<<"$got" | paste -sd' ')
  inbox=$(received_count)
  if [[ $(wc -l <<<"$got") == "$total" && -z $dup && $got == "$want" && $inbox == "$total" ]]; then
    pass "$label: the parent holds exactly $total received records, one per child record (inbox $inbox)"
  else
    missing=$(comm -23 <(echo "$want") <(echo "$got") | paste -sd' ')
    fail "$label: the parent holds $(grep -c . <<<"$got") records for $total proposals (inbox $inbox); duplicated: [${dup}] missing: [${missing}]"
  fi
  "$CTL" list --addr="127.0.0.1:${GRPC[$CHILD]}" --token="$(token $CHILD officer)" --agency=$CHILD --all \
    >"$WORK/at-child.json" || must "$label: cannot list the child's records"
  # Every proposed child record: upward RECEIVED, and its parent record id
  # is the parent record that names it as origin.
  bad=$(jq -r --slurpfile parent "$WORK/at-parent.json" '
      ($parent[0] | map(select(.origin.child_agency != null)) | map({key: .origin.child_record_id, value: .id}) | from_entries) as $at
      | .[] | select(.state == "PROPOSED")
      | select(.upward.state != "RECEIVED" or .upward.parent_record_id != $at[.id])
      | "\(.id):\(.upward.state // "none")"' "$WORK/at-child.json" | paste -sd' ')
  local proposed
  proposed=$(jq '[.[] | select(.state == "PROPOSED")] | length' "$WORK/at-child.json")
  if [[ -z $bad && $proposed == "$total" ]]; then
    pass "$label: all $total child records show upward RECEIVED with the parent's record id"
  else
    fail "$label: $proposed proposed child records; not RECEIVED or wrong parent id: [$bad]"
  fi
  local dead
  dead=$(rcli $CHILD llen 'nom:{fwd}:uplink:dead')
  [[ $dead == 0 ]] && pass "$label: no dead letters" || fail "$label: $dead dead letters at the child"
}

# --- run ---------------------------------------------------------------------

make_node $PARENT
make_node $CHILD
write_federation_files
start_node_redis $PARENT
start_node_redis $CHILD
[[ $(rcli $PARENT config get appendfsync | tail -n 1) == always ]] && pass "the parent's Redis runs with appendfsync always" ||
  must "the parent's Redis does not use appendfsync always"
start_nom $CHILD
wait_nom $CHILD
echo "nodes: parent $PARENT gRPC ${GRPC[$PARENT]} redis ${RPORT[$PARENT]}; child $CHILD gRPC ${GRPC[$CHILD]} metrics ${METRICS[$CHILD]} redis ${RPORT[$CHILD]}"

# 1. The child is killed in the middle of draining.
propose a "$N1"
# The gauge is refreshed by the drainer's polls: wait for it.
wait_until 30 "queue full" depth_is "$N1" && pass "1: parent down, the child's uplink queue holds $N1 proposals" ||
  must "1: child's tdkt_uplink_queue_depth{queue=\"proposals\"} is $(queue_depth), expected $N1"
start_nom $PARENT  # the drain starts at the child's next retry
if seen=$(mid_drain 60 0 "$N1"); then
  kill9 $CHILD nom
  pass "1: child's nomination killed -9 with $seen of $N1 received by the parent"
else
  kill9 $CHILD nom
  fail "1: could not catch the drain in the middle (parent had $seen of $N1)"
fi
wait_nom $PARENT
start_nom $CHILD
wait_nom $CHILD
wait_until 60 "queue empty" depth_is 0 && pass "1: the restarted child drained its queue" ||
  fail "1: queue depth still $(queue_depth) after 60 s"
check_exactly_once 1 "$N1" a

# 2. The parent (nomination and Redis) is killed in the middle of receiving.
kill9 $PARENT nom
propose b "$N2"
wait_until 30 "queue full" depth_is "$N2" && pass "2: parent down, the child's uplink queue holds $N2 proposals" ||
  must "2: child's queue depth is $(queue_depth), expected $N2"
start_nom $PARENT
if seen=$(mid_drain 60 "$N1" $((N1 + N2))); then
  kill9 $PARENT nom
  kill9 $PARENT redis
  pass "2: parent's nomination and Redis killed -9 with $((seen - N1)) of $N2 received"
else
  kill9 $PARENT nom
  kill9 $PARENT redis
  fail "2: could not catch the parent in the middle of receiving (it had $((seen - N1)) of $N2)"
fi
start_node_redis $PARENT
start_nom $PARENT
wait_nom $PARENT
wait_until 60 "queue empty" depth_is 0 && pass "2: the child drained its queue into the restarted parent" ||
  fail "2: queue depth still $(queue_depth) after 60 s"
check_exactly_once 2 $((N1 + N2)) a b

# 3. The crash window between the child noting RECEIVED on its record and
# acknowledging the queue entry (a kill -9 in 2, above, lands in it only
# now and then): put the Redis state of that moment back exactly, the entry
# pending for the drainer again with the record already noted, and restart.
# The resend carries the record as it is now (noted, one version on), under
# the same message id: the parent must answer it as a duplicate, and the
# child must keep RECEIVED (not dead-letter it).
first=$(head -n 1 "$WORK/ids-a")
message=$(jq -r --arg r "$first" '.[] | select(.origin.child_record_id == $r) | .origin.message_id' "$WORK/at-parent.json")
[[ $message == "$CHILD/proposals/"* ]] || must "3: no message id at the parent for $first ('$message')"
kill9 $CHILD nom
{
  rcli $CHILD del 'nom:{fwd}:uplink'
  rcli $CHILD xadd 'nom:{fwd}:uplink' "${message##*/}" id "$first" version 4
  rcli $CHILD xgroup create 'nom:{fwd}:uplink' uplink 0
  rcli $CHILD xreadgroup group uplink drainer count 1 streams 'nom:{fwd}:uplink' '>'
} >/dev/null
[[ $(rcli $CHILD xpending 'nom:{fwd}:uplink' uplink | head -n 1) == 1 ]] || must "3: could not put the entry back as pending"
start_nom $CHILD
wait_nom $CHILD
wait_until 60 "queue empty" depth_is 0 && pass "3: the restarted child settled the pending entry ($message)" ||
  fail "3: queue depth still $(queue_depth) after 60 s"
check_exactly_once 3 $((N1 + N2)) a b

# 4. The parent records a proposal but its answer is lost (the child gives
# up at its deadline and dies), and the child's record changes before the
# resend (an attachment; allowed while PROPOSED). The resend carries the
# later version under the same message id: the parent must answer it as a
# duplicate, not refuse it until the child dead-letters it. The parent's
# Redis pauses writes so that its receipt lands only after the child's
# deadline (3 s); its Redis timeout is raised to wait that out.
kill9 $PARENT nom
start_nom $PARENT --redis-timeout-ms=20000
wait_nom $PARENT
failures=$(metric_labelled "127.0.0.1:${METRICS[$CHILD]}" tdkt_uplink_failures_total queue proposals)
rcli $PARENT client pause 30000 write >/dev/null
propose c 1
late=$(cat "$WORK/ids-c")
failures_grew() {
  (($(metric_labelled "127.0.0.1:${METRICS[$CHILD]}" tdkt_uplink_failures_total queue proposals || echo 0) > failures))
}
wait_until 30 "the child's send to time out" failures_grew || must "4: the child's send to the paused parent did not time out"
kill9 $CHILD nom
rcli $PARENT client unpause >/dev/null
inbox_is() { [[ $(received_count) == "$1" ]]; }
wait_until 30 "the parent's late receipt" inbox_is $((N1 + N2 + 1)) ||
  must "4: the parent did not record the late proposal (inbox $(received_count))"
kill9 $PARENT nom  # down while the child's record changes
start_nom $CHILD
wait_nom $CHILD
"$CTL" call tdkt.nomination.v1.NominationService/AddAttachment --addr="127.0.0.1:${GRPC[$CHILD]}" \
  --token="$(token $CHILD officer)" "$(jq -nc --arg id "$late" '{id: $id, expected_version: 4, request_id: "kill-c-attach",
    attachment: {title: "Biên bản họp Hội đồng", uri: "tdkt://evaluation/sessions/ses-1/minutes", kind: "minutes"}}')" \
  >/dev/null || must "4: cannot attach a document to $late"
start_nom $PARENT
wait_nom $PARENT
wait_until 60 "queue empty" depth_is 0 && pass "4: the child's resend of a changed record was settled" ||
  fail "4: queue depth still $(queue_depth) after 60 s"
check_exactly_once 4 $((N1 + N2 + 1)) a b c
# The parent kept the first version it recorded (4, no attachment): the
# resend it answered was another payload under the same message id.
kept=$(jq -r --arg r "$late" '.[] | select(.origin.child_record_id == $r) |
  "\(.origin.record.version) \(.origin.record.attachments // [] | length)"' "$WORK/at-parent.json")
[[ $kept == "4 0" ]] && pass "4: the parent holds the first version of $late, the resend (with the attachment) was a duplicate" ||
  fail "4: the parent's copy of $late is version/attachments '$kept', expected '4 0'"

if ((failed)); then
  echo "federation_kill_test: FAILED"
  exit 1
fi
echo "federation_kill_test: every proposal reached the parent exactly once across kill -9 of either node"
