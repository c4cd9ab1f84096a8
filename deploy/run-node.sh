#!/usr/bin/env bash
# Runs one tdkt node in the foreground: Redis (AOF, fsync always) plus the
# four services, with demo data loaded. Ctrl-C stops everything cleanly;
# data stays in var/ and is there again on the next run.
# Env: NODE_AGENCY (default TW), TDKT_REDIS_PORT (6380), TDKT_LISTEN_HOST
#      (127.0.0.1), TDKT_AGENCIES_FILE, BUILD_DIR (build), DEMO_DATA (1).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT"  # services resolve relative paths (e.g. var/jwt-secret) from here

VAR=$ROOT/var
NODE_AGENCY=${NODE_AGENCY:-${TDKT_NODE_AGENCY:-TW}}
HOST=${TDKT_LISTEN_HOST:-127.0.0.1}
REDIS_PORT_WANTED=${TDKT_REDIS_PORT:-6380}
TDKTCTL=$BUILD_DIR/tools/tdktctl/tdktctl

# name, binary (under BUILD_DIR), gRPC port, metrics port
SERVICES=(
  "nomination     services/nomination/tdkt-nomination 50051 9451"
  "evaluation     services/evaluation/tdkt-evaluation 50052 9452"
  "campaign-media services/campaign_media/tdkt-campaign-media        50053 9453"
  "reporting      services/reporting/tdkt-reporting   50054 9454"
)

# Unit list for the nomination service: the full 2025 list when the shared
# data sits next to the repo, else the small slice shipped in deploy/data.
if [[ -z ${TDKT_AGENCIES_FILE:-} ]]; then
  TDKT_AGENCIES_FILE=$ROOT/deploy/data/agencies-demo.json
  [[ -f $ROOT/../shared/data/units-2025.json ]] &&
    TDKT_AGENCIES_FILE=$(cd "$ROOT/../shared/data" && pwd)/units-2025.json
fi

for svc in "${SERVICES[@]}" "tdktctl tools/tdktctl/tdktctl" "gateway services/gateway/tdkt-gateway"; do
  read -r name bin _ <<<"$svc"
  [[ -x $BUILD_DIR/$bin ]] || die "$BUILD_DIR/$bin not found; run 'make build' first"
done
port_in_use "$REDIS_PORT_WANTED" &&
  die "port $REDIS_PORT_WANTED is taken (an old node still running? 'redis-cli -p $REDIS_PORT_WANTED shutdown')"

# Settings every service reads from the environment (flags below override).
export TDKT_REDIS_HOST=127.0.0.1 TDKT_REDIS_PORT=$REDIS_PORT_WANTED
export TDKT_NODE_AGENCY=$NODE_AGENCY TDKT_LISTEN_HOST=$HOST
export TDKT_JWT_SECRET_FILE=$VAR/jwt-secret

mkdir -p "$VAR/redis" "$VAR/log"
SERVICE_PIDS=()
stopped=0
# shellcheck disable=SC2317,SC2119  # called from the trap
stop_all() {
  ((stopped)) && return 0
  stopped=1
  echo "stopping services..."
  for pid in "${SERVICE_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${SERVICE_PIDS[@]}"; do stop_pid "$pid"; done
  # Redis last, so in-flight requests can still finish their writes.
  echo "stopping redis (AOF kept in $VAR/redis)..."
  stop_redis
}
trap stop_all EXIT
trap 'exit 0' INT TERM  # Ctrl-C is the normal way to stop: exit 0 after cleanup

start_redis "$REDIS_PORT_WANTED" "$VAR/redis" "$VAR/log/redis.log" ||
  { tail -n 20 "$VAR/log/redis.log" >&2; die "redis-server did not start"; }
echo "redis ready on 127.0.0.1:$REDIS_PORT (data in $VAR/redis)"

# Minting a token creates the signing key (0600) if missing. Do it before
# the services start so they all read the same key.
mint() { "$TDKTCTL" token --secret-file="$TDKT_JWT_SECRET_FILE" --ttl=86400 "$@"; }
ADMIN_TOKEN=$(mint --role=admin --agency="$NODE_AGENCY" --subject=demo-admin)
OFFICER_TOKEN=$(mint --role=officer --agency="$NODE_AGENCY" --subject=demo-officer)
REPORTING_TOKEN=$(mint --role=reporting_officer --agency="$NODE_AGENCY" --subject=demo-reporting-officer)

for svc in "${SERVICES[@]}"; do
  read -r name bin grpc metrics <<<"$svc"
  extra=()
  [[ $name == nomination ]] && extra=(--agencies-file="$TDKT_AGENCIES_FILE")
  [[ $name == campaign-media ]] && extra=(--public-http-host="$HOST" --public-http-port=8053)
  [[ $name == reporting ]] && extra=(--campaign-media-address="$HOST:50053")
  setsid "$BUILD_DIR/$bin" --grpc-port="$grpc" --metrics-port="$metrics" "${extra[@]}" \
    </dev/null >"$VAR/log/$name.log" 2>&1 &
  SERVICE_PIDS+=($!)
done

# The JSON gateway for portals (stateless; HTTP 8080, metrics 9455).
GATEWAY_PORT=${TDKT_GATEWAY_PORT:-8080}
setsid "$BUILD_DIR/services/gateway/tdkt-gateway" --listen-host="$HOST" --http-port="$GATEWAY_PORT" --metrics-port=9455 \
  --public-site-address="$HOST:8053" --cors-origins="${TDKT_CORS_ORIGINS:-}" </dev/null >"$VAR/log/gateway.log" 2>&1 &
SERVICE_PIDS+=($!)
GATEWAY_PID=$!

# Wait (up to 30 s each) until every service reports SERVING.
i=0
for svc in "${SERVICES[@]}"; do
  read -r name _ grpc _ <<<"$svc"
  wait_grpc_healthy "${SERVICE_PIDS[i++]}" "$HOST:$grpc" "$VAR/log/$name.log" "$name"
  echo "$name serving on $HOST:$grpc"
done
for _ in $(seq 100); do
  curl -fsS "http://$HOST:$GATEWAY_PORT/healthz" >/dev/null 2>&1 && break
  alive "$GATEWAY_PID" || { tail -n 20 "$VAR/log/gateway.log" >&2; die "tdkt-gateway did not start"; }
  sleep 0.1
done
echo "gateway serving on http://$HOST:$GATEWAY_PORT"

# Demo data uses fixed request ids, so loading it again changes nothing.
if [[ ${DEMO_DATA:-1} == 1 ]]; then
  "$TDKTCTL" demo-data --addr="$HOST:50051" --evaluation-addr="$HOST:50052" --reporting-addr="$HOST:50054" \
    --campaign-media-addr="$HOST:50053" \
    --secret-file="$TDKT_JWT_SECRET_FILE" --agency="$NODE_AGENCY" >>"$VAR/log/demo-data.log" 2>&1 &&
    echo "demo data loaded" ||
    echo "WARNING: demo data failed to load, see $VAR/log/demo-data.log" >&2
fi

CTL=${TDKTCTL#"$ROOT"/}
YEAR=$(TZ=Asia/Ho_Chi_Minh date +%Y)  # report years are Vietnam time
# The demo's inspections, trainings and budget belong to Khánh Hòa: show its
# report when the node's subtree holds it.
REPORT_AGENCY=$NODE_AGENCY
[[ $NODE_AGENCY == TW ]] && REPORT_AGENCY=56
cat <<EOF

tdkt node ready (agency $NODE_AGENCY, units from $TDKT_AGENCIES_FILE)
  gRPC      nomination     $HOST:50051
            evaluation     $HOST:50052
            campaign-media $HOST:50053
            reporting      $HOST:50054
  gateway   http://$HOST:$GATEWAY_PORT/v1/<package.Service>/<Method>   (JSON for portals; POST, same token)
            http://$HOST:$GATEWAY_PORT/v1/openapi.json   http://$HOST:$GATEWAY_PORT/public/...
  metrics   http://$HOST:9451/metrics .. http://$HOST:9454/metrics, gateway http://$HOST:9455/metrics
  public    http://$HOST:8053/public/$NODE_AGENCY/reader.html   (campaign-media's site for portals, no token)
            http://$HOST:8053/public/$NODE_AGENCY/feed.atom     http://$HOST:8053/public/$NODE_AGENCY/items.json
            http://$HOST:8053/public/$NODE_AGENCY/epublication/$YEAR.html   (printable e-publication)
  redis     127.0.0.1:$REDIS_PORT (AOF, appendfsync always; data in $VAR/redis)
  logs      $VAR/log/
  jwt key   $TDKT_JWT_SECRET_FILE

Tokens, valid 24 h (paste into your shell):
ADMIN_TOKEN=$ADMIN_TOKEN
OFFICER_TOKEN=$OFFICER_TOKEN
REPORTING_TOKEN=$REPORTING_TOKEN

Try (in another terminal, from $ROOT):
  export TDKT_TOKEN=\$OFFICER_TOKEN        # tdktctl reads the token from here
  $CTL list --text="nguyen" | jq '.nominations[].details.name'
  $CTL get nom-...                        # an id from the list
  $CTL history nom-...
  $CTL list --agency=56 --state=replicating
  $CTL agencies --parent=56 --text="nha trang"
  $CTL call tdkt.nomination.v1.NominationService/GetNomination '{"id":"nom-..."}'
  $CTL token --role=council_secretary --agency=56 --subject=thu-ky --secret-file=var/jwt-secret
  $CTL call --addr=$HOST:50054 --token=\$REPORTING_TOKEN tdkt.reporting.v1.ReportService/BuildReport '{"agency_id":"$REPORT_AGENCY","year":$YEAR}'
  curl -s http://$HOST:9451/metrics | grep grpc_server_handled_total
  curl -s -X POST -H "Authorization: Bearer \$OFFICER_TOKEN" -d '{"agency_id":"56"}' \
    http://$HOST:$GATEWAY_PORT/v1/tdkt.nomination.v1.AgencyService/ListFields | jq .

Council evaluation demo (Khánh Hòa): ward 22333's council held a closed session (one nominee
recognised, one returned); province 56's session is open for ballots (members hd56-chu-tich,
hd56-pho-chu-tich, hd56-thu-ky, hd56-uy-vien-1, hd56-uy-vien-2):
  $CTL call --addr=$HOST:50052 tdkt.evaluation.v1.CouncilService/ListCouncils '{"agency_id":"56"}'
  $CTL call --addr=$HOST:50052 tdkt.evaluation.v1.SessionService/ListSessions '{"council_id":"hd-56-..."}'
  TDKT_TOKEN=\$($CTL token --role=council_member --agency=56 --subject=hd56-chu-tich --secret-file=var/jwt-secret) \\
    $CTL call --addr=$HOST:50052 tdkt.evaluation.v1.SessionService/CastBallot \\
    '{"session_id":"ses-56-...","nomination_id":"nom-...","choice":"AGREE"}'

Press Ctrl-C to stop (data is kept).
EOF

# Stay up until Ctrl-C/SIGTERM (trap above) or until a process dies.
wait -n "${SERVICE_PIDS[@]}" "$REDIS_PID" || true
die "a service or redis exited unexpectedly; see $VAR/log/"
