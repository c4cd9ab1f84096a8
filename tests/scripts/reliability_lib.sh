# shellcheck shell=bash
# Shared by kill_services_test.sh and kill_redis_test.sh (sourced, not run):
# one node of the real binaries (its own redis-server with the production
# config, the four services on free ports, all under $WORK), writer loops
# that log every acknowledged write and retry a failed one with the SAME
# request id until it is acknowledged (what a client does), and readers that
# list through the API what the services hold.
# The sourcing script sets WORK (a mktemp dir) and traps EXIT with
# node_cleanup. Env: BUILD_DIR (set by ctest); TDKTCTL overrides tdktctl.
# shellcheck source=deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../deploy/lib.sh"
CTL=${TDKTCTL:-$BUILD_DIR/tools/tdktctl/tdktctl}
export TDKTCTL=$CTL  # wait_grpc_healthy uses it
SERVICES=(nomination evaluation campaign-media reporting)
declare -A BIN=(
  [nomination]=services/nomination/tdkt-nomination
  [evaluation]=services/evaluation/tdkt-evaluation
  [campaign-media]=services/campaign_media/tdkt-campaign-media
  [reporting]=services/reporting/tdkt-reporting
)
declare -A PORT=() PID=()
RPORT="" RDS_PID="" TOKEN=""
WRITER_PIDS=()

for tool in jq redis-server redis-cli; do
  command -v "$tool" >/dev/null || die "$tool is missing (make deps installs it)"
done
for svc in "${SERVICES[@]}"; do
  [[ -x $BUILD_DIR/${BIN[$svc]} ]] || die "$BUILD_DIR/${BIN[$svc]} not found; build first"
done
[[ -x $CTL ]] || die "$CTL not found; build first"

# Every process started is killed on exit; logs are shown when a test fails.
# shellcheck disable=SC2317  # called from the trap
node_cleanup() {
  local rc=$? svc pid
  touch "$WORK/stop"
  for pid in "${WRITER_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for svc in "${!PID[@]}"; do kill -KILL "${PID[$svc]}" 2>/dev/null || true; done
  [[ -n $RDS_PID ]] && kill -KILL "$RDS_PID" 2>/dev/null
  wait 2>/dev/null || true
  if ((rc != 0)); then
    for svc in "${SERVICES[@]}" redis; do
      [[ -f $WORK/$svc.log ]] && { echo "--- $svc log (tail)" >&2; tail -n 15 "$WORK/$svc.log" >&2; }
    done
  fi
  rm -rf "$WORK"
  exit "$rc"
}

distinct_port() {
  local p
  while :; do
    p=$(free_port)
    [[ " ${PORT[*]} $RPORT " == *" $p "* ]] || { echo "$p"; return; }
  done
}

# node_init: ports, the JWT key and the officer token every writer uses
# (the memo of a request id belongs to the token's subject, so a retry must
# come from the same subject).
node_init() {
  local svc
  RPORT=$(distinct_port)
  for svc in "${SERVICES[@]}"; do PORT[$svc]=$(distinct_port); done
  TOKEN=$("$CTL" token --secret-file="$WORK/jwt-secret" --role=officer --agency=56 --subject=kill-officer --ttl=3600)
}

# start_node_redis [redis-server overrides]: the template config (AOF,
# appendfsync always) on the node's data dir; the same dir on a restart.
start_node_redis() {
  start_redis "$RPORT" "$WORK/redis" "$WORK/redis.log" "$@" || die "redis-server did not start on $RPORT"
  RDS_PID=$REDIS_PID
  REDIS_PID=""  # lib.sh's own stop_redis is not used
}
rcli() { redis-cli -p "$RPORT" "$@"; }

# start_service NAME: always the same flags, so a restart is the same process.
start_service() {
  local svc=$1 extra=()
  case $svc in
    nomination) extra=(--agencies-file="$ROOT/deploy/data/agencies-demo.json") ;;
    evaluation) extra=(--nomination-address="127.0.0.1:${PORT[nomination]}") ;;
    campaign-media) extra=(--nomination-address="127.0.0.1:${PORT[nomination]}" --public-http-port=-1) ;;
    reporting) extra=(--nomination-address="127.0.0.1:${PORT[nomination]}"
      --campaign-media-address="127.0.0.1:${PORT[campaign-media]}") ;;
  esac
  setsid "$BUILD_DIR/${BIN[$svc]}" --grpc-port="${PORT[$svc]}" --metrics-port=-1 --redis-port="$RPORT" \
    --jwt-secret-file="$WORK/jwt-secret" "${extra[@]}" </dev/null >>"$WORK/$svc.log" 2>&1 &
  PID[$svc]=$!
}
wait_service() { wait_grpc_healthy "${PID[$1]}" "127.0.0.1:${PORT[$1]}" "$WORK/$1.log" "$1"; }

start_services() {
  local svc
  for svc in "${SERVICES[@]}"; do start_service "$svc"; done
  for svc in "${SERVICES[@]}"; do wait_service "$svc"; done
}

# kill9_service NAME: SIGKILL and reap.
kill9_service() {
  kill -KILL "${PID[$1]}" 2>/dev/null || true
  wait "${PID[$1]}" 2>/dev/null || true
  unset 'PID[$1]'
}

# --- writes --------------------------------------------------------------------

# write_one SERVICE RID: one create through the API, the content a function
# of RID alone (a retry is the same request); prints the new record's id.
write_one() {
  local svc=$1 rid=$2 out
  local flags=(--addr="127.0.0.1:${PORT[$svc]}" --token="$TOKEN" --timeout-ms=5000)
  case $svc in
    nomination)
      out=$("$CTL" create "${flags[@]}" --request-id="$rid" --name="Ứng viên $rid" --kind=individual \
        --agency=22333 --field=health --achievements="Hoàn thành xuất sắc nhiệm vụ ($rid)") ;;
    evaluation)
      out=$("$CTL" call "${flags[@]}" tdkt.evaluation.v1.CouncilService/CreateCouncil "$(jq -nc --arg r "$rid" '
        {request_id: $r, council: {agency_id: "56", name: ("Hội đồng Thi đua - Khen thưởng " + $r),
          term_start: "2026-01-01", term_end: "2030-12-31",
          members: [{subject: "ct", full_name: "Hoàng Văn Thắng", position: "CHAIR", agency_id: "56"},
                    {subject: "tk", full_name: "Đỗ Quang Vinh", position: "SECRETARY", agency_id: "56"},
                    {subject: "uv", full_name: "Bùi Thị Kim Oanh", position: "MEMBER", agency_id: "56"}]}}')") ;;
    campaign-media)
      out=$("$CTL" call "${flags[@]}" tdkt.campaign_media.v1.CampaignService/CreateCampaign "$(jq -nc --arg r "$rid" '
        {request_id: $r, campaign: {agency_id: "56", name: ("Tuyên truyền điển hình " + $r),
          goal: "Lan tỏa gương người tốt, việc tốt", start_date: "2026-06-01", end_date: "2026-06-30",
          channels: ["portal"]}}')") ;;
    reporting)
      out=$("$CTL" call "${flags[@]}" tdkt.reporting.v1.ActivityService/RecordTraining "$(jq -nc --arg r "$rid" '
        {request_id: $r, training: {agency_id: "56", date: "2026-05-10", title: ("Tập huấn nghiệp vụ " + $r),
          audience: "COMMENDATION_STAFF", participants: 30}}')") ;;
  esac || return 1
  jq -er .id <<<"$out"
}

# A request killed between claiming its request id and finishing leaves a
# "pending" claim that expires after 60 s (common/record_store.cc); until
# then a retry is ABORTED "still being processed". Waiting a minute would
# overrun the test, so a claim still pending 2 s after the first such answer
# is brought forward to expire now: what the clock would do, no sooner than
# a client could tell. Logged to $WORK/forwarded-SERVICE.
expire_stale_claim() {
  local svc=$1 rid=$2 key
  # awk, not head: a reader that stops early would SIGPIPE its writer.
  key=$(rcli --scan --pattern "*:req:*:$rid" | awk 'NR == 1')
  [[ -n $key && $(rcli getrange "$key" 0 7) == pending ]] || return 0
  rcli pexpire "$key" 1 >/dev/null && echo "$rid" >>"$WORK/forwarded-$svc"
}

# writer SERVICE N PREFIX: writes PREFIX-wN-1, -2, ... until $WORK/stop
# exists. Logs "rid id tries epoch-seconds" per acknowledged write to
# $WORK/acked-SERVICE-N (tries: failed attempts before the ack). Retries
# transient errors with the same request id for up to 30 s; anything else
# (or giving up) is logged to $WORK/fatal-SERVICE and ends the writer.
writer() {
  local svc=$1 n=$2 prefix=$3 i=0 rid id tries started busy err=$WORK/err-$1-$2
  : >"$WORK/acked-$svc-$n"
  while [[ ! -e $WORK/stop ]]; do
    i=$((i + 1)) rid=$prefix-w$n-$i tries=0 started=$SECONDS busy=""
    until id=$(write_one "$svc" "$rid" 2>"$err"); do
      tries=$((tries + 1))
      if ! grep -qE '^error: (UNAVAILABLE|DEADLINE_EXCEEDED|ABORTED|UNKNOWN|CANCELLED):' "$err"; then
        echo "$rid: $(head -c 300 "$err")" >>"$WORK/fatal-$svc"
        return 0
      fi
      if ((SECONDS - started > 30)); then
        echo "$rid: not acknowledged after 30 s of retries: $(head -c 300 "$err")" >>"$WORK/fatal-$svc"
        return 0
      fi
      if grep -q 'still being processed' "$err"; then
        [[ -n $busy ]] || busy=$SECONDS
        ((SECONDS - busy < 2)) || expire_stale_claim "$svc" "$rid"
      fi
      sleep 0.05
    done
    echo "$rid $id $tries $EPOCHREALTIME" >>"$WORK/acked-$svc-$n"
  done
}

# start_writers SERVICE COUNT PREFIX / stop_writers: the load.
start_writers() {
  local n
  rm -f "$WORK/stop"
  WRITER_PIDS=()
  for n in $(seq "$2"); do
    writer "$1" "$n" "$3" &
    WRITER_PIDS+=($!)
  done
}
stop_writers() {
  local pid
  touch "$WORK/stop"
  for pid in "${WRITER_PIDS[@]}"; do wait "$pid" || true; done
  WRITER_PIDS=()
}
# acked SERVICE: every acknowledged write of SERVICE so far, one a line.
acked() { cat "$WORK/acked-$1-"* 2>/dev/null || true; }

# --- reads ---------------------------------------------------------------------

# list_records SERVICE: "request-id record-id" of every record of the kind
# write_one creates, read through the service's List RPC (all pages). The
# request id is the last word of the record's name, so a record that took
# over the id of a lost one does not pass for it.
list_records() {
  local svc=$1 method field name page token="" addr="127.0.0.1:${PORT[$1]}"
  case $svc in
    nomination)
      "$CTL" list --addr="$addr" --token="$TOKEN" --agency=22333 --all |
        jq -r '.[] | "\(.details.name | split(" ") | last) \(.id)"'
      return ;;
    evaluation) method=tdkt.evaluation.v1.CouncilService/ListCouncils field=councils name=name ;;
    campaign-media) method=tdkt.campaign_media.v1.CampaignService/ListCampaigns field=campaigns name=name ;;
    reporting) method=tdkt.reporting.v1.ActivityService/ListTrainings field=trainings name=title ;;
  esac
  while :; do
    page=$("$CTL" call --addr="$addr" --token="$TOKEN" "$method" \
      "$(jq -nc --arg t "$token" '{agency_id: "56", page_size: 200, page_token: $t}')")
    jq -r --arg f "$field" --arg n "$name" '.[$f][]? | "\(.[$n] | split(" ") | last) \(.id)"' <<<"$page"
    token=$(jq -r '.next_page_token // ""' <<<"$page")
    [[ -n $token ]] || return 0
  done
}
