#!/usr/bin/env bash
# Debian's prometheus against a running node: the real four services and the
# gateway on free ports, scraped with deploy/prometheus/prometheus.yml (ports
# rewritten, intervals shortened) and its alert rules. Passes when every
# target is up and the series behind the dashboard are present: RPC counts
# and latency, Redis latency, exemplars by stage, open ballots, report
# completeness, gateway calls. Skips (exit 0) only without prometheus.
# Env: BUILD_DIR (set by ctest); KEEP_WORK=1 keeps the scratch directory.
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/../../deploy/lib.sh"

command -v prometheus >/dev/null || { echo "SKIP: prometheus is not installed"; exit 0; }
TDKTCTL=$BUILD_DIR/tools/tdktctl/tdktctl
WORK=$(mktemp -d -t tdkt-prom.XXXXXX)
PIDS=()
# shellcheck disable=SC2317  # called from the trap
cleanup() {
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[i]}"; done
  stop_redis nosave
  if [[ -n ${KEEP_WORK:-} ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

start_scratch_redis "$WORK/redis"
export TDKT_REDIS_HOST=127.0.0.1 TDKT_REDIS_PORT=$REDIS_PORT TDKT_NODE_AGENCY=56 TDKT_LISTEN_HOST=127.0.0.1
export TDKT_JWT_SECRET_FILE=$WORK/jwt-secret TDKT_GAUGE_REFRESH_MS=300 TDKT_PEER_PORT=-1
OFFICER=$("$TDKTCTL" token --secret-file="$TDKT_JWT_SECRET_FILE" --role=officer --agency=56 --subject=can-bo)

PORTS=()
while ((${#PORTS[@]} < 12)); do
  p=$(free_port)
  [[ " ${PORTS[*]} " == *" $p "* ]] || PORTS+=("$p")
done
read -r NOM EVAL CM REP NOM_M EVAL_M CM_M REP_M GW GW_M SITE PROM <<<"${PORTS[*]}"
start() {  # start NAME BINARY GRPC_PORT METRICS_PORT [flags...]
  local name=$1 bin=$2 grpc=$3 metrics=$4
  shift 4
  setsid "$BUILD_DIR/$bin" --grpc-port="$grpc" --metrics-port="$metrics" "$@" </dev/null >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  wait_grpc_healthy "$!" "127.0.0.1:$grpc" "$WORK/$name.log" "$name"
}
start nomination services/nomination/tdkt-nomination "$NOM" "$NOM_M" --agencies-file="$ROOT/deploy/data/agencies-demo.json"
start evaluation services/evaluation/tdkt-evaluation "$EVAL" "$EVAL_M" --nomination-address="127.0.0.1:$NOM"
start campaign-media services/campaign_media/tdkt-campaign-media "$CM" "$CM_M" --nomination-address="127.0.0.1:$NOM" \
  --public-http-host=127.0.0.1 --public-http-port="$SITE"
start reporting services/reporting/tdkt-reporting "$REP" "$REP_M" --nomination-address="127.0.0.1:$NOM" \
  --campaign-media-address="127.0.0.1:$CM"
setsid "$BUILD_DIR/services/gateway/tdkt-gateway" --http-port="$GW" --metrics-port="$GW_M" \
  --nomination-address="127.0.0.1:$NOM" --public-site-address="127.0.0.1:$SITE" </dev/null >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)

# Some traffic, so the RPC series exist: a candidate, through gRPC and the gateway.
"$TDKTCTL" create --addr="127.0.0.1:$NOM" --token="$OFFICER" --name="Trần Văn Minh" --kind=individual \
  --agency=22333 --field=health --achievements="Hoàn thành xuất sắc nhiệm vụ" >/dev/null
for _ in $(seq 50); do curl -fsS "http://127.0.0.1:$GW/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -sS -o /dev/null -X POST --data-binary '{"agency_id":"56"}' -H "Authorization: Bearer $OFFICER" \
  "http://127.0.0.1:$GW/v1/tdkt.nomination.v1.AgencyService/ListFields"

# The shipped configuration, pointed at this node's ports.
sed -e "s/127.0.0.1:9451/127.0.0.1:$NOM_M/" -e "s/127.0.0.1:9452/127.0.0.1:$EVAL_M/" \
  -e "s/127.0.0.1:9453/127.0.0.1:$CM_M/" -e "s/127.0.0.1:9454/127.0.0.1:$REP_M/" \
  -e "s/127.0.0.1:9455/127.0.0.1:$GW_M/" -e "s/scrape_interval: 15s/scrape_interval: 1s/" \
  -e "s/evaluation_interval: 15s/evaluation_interval: 1s/" -e "s/scrape_timeout: 10s/scrape_timeout: 1s/" \
  "$ROOT/deploy/prometheus/prometheus.yml" >"$WORK/prometheus.yml"
cp "$ROOT/deploy/prometheus/alerts.yml" "$WORK/alerts.yml"
setsid prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/tsdb" \
  --web.listen-address="127.0.0.1:$PROM" </dev/null >"$WORK/prometheus.log" 2>&1 &
PIDS+=($!)
API=http://127.0.0.1:$PROM/api/v1

query() { curl -fsS --get --data-urlencode "query=$1" "$API/query" 2>/dev/null | jq -r '.data.result | length'; }
want_targets=$(grep -c "job_name:" "$WORK/prometheus.yml")
up=0
for _ in $(seq 60); do
  up=$(curl -fsS "$API/targets" 2>/dev/null | jq '[.data.activeTargets[] | select(.health == "up")] | length' || echo 0)
  ((up == want_targets)) && break
  sleep 0.5
done
curl -fsS "$API/targets" | jq -r '.data.activeTargets[] | "\(.labels.job): \(.health) \(.lastError)"'
((up == want_targets)) || die "only $up of $want_targets targets up (logs in $WORK; KEEP_WORK=1 keeps them)"
echo "ok: all $want_targets targets up"

failures=0
for series in 'grpc_server_handled_total{service="nomination",grpc_method="CreateNomination"}' 'grpc_server_handling_seconds_bucket' \
  'redis_command_duration_seconds_bucket' 'tdkt_exemplars{state="DISCOVERED"} == 1' 'tdkt_exemplars{state="RECOGNISED"}' \
  'tdkt_open_ballots' 'tdkt_reports_expected' 'tdkt_reports_received' 'tdkt_reports_overdue' \
  'tdkt_gateway_calls_total' 'up{service="gateway"} == 1'; do
  n=0
  for _ in $(seq 20); do
    n=$(query "$series" || echo 0)
    ((n > 0)) && break
    sleep 0.5
  done
  if ((n > 0)); then echo "ok: $series"; else echo "FAIL: no series $series" >&2; failures=$((failures + 1)); fi
done
rules=$(curl -fsS "$API/rules" | jq '[.data.groups[].rules[]] | length')
((rules > 0)) && echo "ok: $rules alert rules loaded" || { echo "FAIL: no alert rules loaded" >&2; failures=$((failures + 1)); }
((failures == 0)) || die "$failures series missing (logs in $WORK)"
echo "prometheus_live_test: passed"
