#!/usr/bin/env bash
# The JSON gateway on the real binaries: a scratch redis-server,
# tdkt-nomination and tdkt-campaign-media (node of Khánh Hòa, 56, with its
# public site) behind tdkt-gateway, called with curl as a portal would.
# Checks: the OpenAPI document lists every portal RPC (and no node-to-node
# one); a call without a token is 401 as over gRPC; a created candidate reads
# back in Vietnamese; a bad field is 400 naming it and changes nothing; bad
# JSON, unknown and node-to-node methods are refused; the public pages need
# no token; CORS answers only the configured origin; a second gateway with a
# tight limit answers 429 with Retry-After; the gateway's metrics are there.
# Env: BUILD_DIR (set by ctest); KEEP_WORK=1 keeps the scratch directory.
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/../../deploy/lib.sh"

NOMINATION=$BUILD_DIR/services/nomination/tdkt-nomination
CAMPAIGN_MEDIA=$BUILD_DIR/services/campaign_media/tdkt-campaign-media
GATEWAY=$BUILD_DIR/services/gateway/tdkt-gateway
TDKTCTL=$BUILD_DIR/tools/tdktctl/tdktctl
for bin in "$NOMINATION" "$CAMPAIGN_MEDIA" "$GATEWAY" "$TDKTCTL"; do
  [[ -x $bin ]] || die "$bin not found; build first"
done

WORK=$(mktemp -d -t tdkt-gateway.XXXXXX)
PIDS=()
# shellcheck disable=SC2317  # called from the trap
cleanup() {
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[i]}"; done
  stop_redis nosave
  if [[ -n ${KEEP_WORK:-} ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

failures=0
check() {  # check DESCRIPTION COMMAND...: runs the command, reports, counts failures.
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what" >&2; failures=$((failures + 1)); fi
}

start_scratch_redis "$WORK/redis"
AGENCY=56
export TDKT_REDIS_HOST=127.0.0.1 TDKT_REDIS_PORT=$REDIS_PORT TDKT_NODE_AGENCY=$AGENCY TDKT_LISTEN_HOST=127.0.0.1
export TDKT_JWT_SECRET_FILE=$WORK/jwt-secret
mint() { "$TDKTCTL" token --secret-file="$TDKT_JWT_SECRET_FILE" --ttl=3600 "$@"; }
OFFICER=$(mint --role=officer --agency=$AGENCY --subject=can-bo-tinh)  # Also creates the key file.

PORTS=()
while ((${#PORTS[@]} < 9)); do
  p=$(free_port)
  [[ " ${PORTS[*]} " == *" $p "* ]] || PORTS+=("$p")
done
read -r NOM_PORT NOM_METRICS CM_PORT CM_METRICS SITE_PORT GW_PORT GW_METRICS GW2_PORT GW2_METRICS <<<"${PORTS[*]}"
setsid "$NOMINATION" --grpc-port="$NOM_PORT" --metrics-port="$NOM_METRICS" --peer-port=-1 \
  --agencies-file="$ROOT/deploy/data/agencies-demo.json" </dev/null >"$WORK/nomination.log" 2>&1 &
PIDS+=($!)
wait_grpc_healthy "${PIDS[0]}" "127.0.0.1:$NOM_PORT" "$WORK/nomination.log" tdkt-nomination
setsid "$CAMPAIGN_MEDIA" --grpc-port="$CM_PORT" --metrics-port="$CM_METRICS" --peer-port=-1 \
  --nomination-address="127.0.0.1:$NOM_PORT" --public-http-host=127.0.0.1 --public-http-port="$SITE_PORT" \
  </dev/null >"$WORK/campaign-media.log" 2>&1 &
PIDS+=($!)
wait_grpc_healthy "${PIDS[1]}" "127.0.0.1:$CM_PORT" "$WORK/campaign-media.log" tdkt-campaign-media

ORIGIN=https://dichvucong.khanhhoa.gov.vn
start_gateway() {  # start_gateway HTTP_PORT METRICS_PORT LOG [flags...]
  local port=$1 metrics=$2 log=$3
  shift 3
  setsid "$GATEWAY" --http-port="$port" --metrics-port="$metrics" --nomination-address="127.0.0.1:$NOM_PORT" \
    --campaign-media-address="127.0.0.1:$CM_PORT" --public-site-address="127.0.0.1:$SITE_PORT" "$@" \
    </dev/null >"$log" 2>&1 &
  PIDS+=($!)
  local pid=$!
  for _ in $(seq 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    alive "$pid" || break
    sleep 0.1
  done
  tail -n 20 "$log" >&2
  die "tdkt-gateway did not start"
}
start_gateway "$GW_PORT" "$GW_METRICS" "$WORK/gateway.log" --cors-origins="$ORIGIN" --rate-limit-rps=0
GW=http://127.0.0.1:$GW_PORT

# post METHOD BODY [curl args...]: prints "<http status> <body>" on one line.
post() {
  local method=$1 body=$2
  shift 2
  curl -sS -o "$WORK/body" -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    --data-binary "$body" "$@" "$GW/v1/$method" >"$WORK/code"
  echo "$(cat "$WORK/code") $(tr -d '\n' <"$WORK/body")"
}
status_is() { [[ ${1%% *} == "$2" ]]; }
body_of() { echo "${1#* }"; }
NS=tdkt.nomination.v1.NominationService

# The OpenAPI document: one path per portal RPC, as many as the binaries offer.
curl -fsS "$GW/v1/openapi.json" >"$WORK/openapi.json"
want=$("$TDKTCTL" list-methods | jq '[.[].method | select(startswith("tdkt.") and (startswith("tdkt.bench.") | not)
  and (test("FederationService/") | not))] | length')
got=$(jq '[.paths | keys[] | select(startswith("/v1/"))] | length' "$WORK/openapi.json")
check "OpenAPI has a path for each of the $want portal RPCs (got $got)" test "$got" -eq "$want"
check "OpenAPI has no node-to-node RPC" test "$(jq '[.paths | keys[] | select(test("Federation"))] | length' "$WORK/openapi.json")" -eq 0
check "OpenAPI describes fields from the .proto comments" \
  test -n "$(jq -r '.components.schemas["tdkt.nomination.v1.NominationDetails"].properties.name.description // empty' "$WORK/openapi.json")"

# Same authentication as gRPC.
DETAILS='{"kind":"INDIVIDUAL","name":"Nguyễn Thị Huệ","agency_id":"22333","fields":["health"],"achievements":"Ba năm liền hoàn thành xuất sắc nhiệm vụ","discovered_by":"Phòng Nội vụ"}'
r=$(post "$NS/CreateNomination" "{\"request_id\":\"gw-1\",\"details\":$DETAILS}")
check "no token: 401 UNAUTHENTICATED" eval 'status_is "$r" 401 && [[ $(body_of "$r" | jq -r .status) == UNAUTHENTICATED ]]'
r=$(post "$NS/CreateNomination" "{\"request_id\":\"gw-1\",\"details\":$DETAILS}" -H "Authorization: Bearer not-a-token")
check "bad token: 401" status_is "$r" 401

# A write and a read with the officer's token.
r=$(post "$NS/CreateNomination" "{\"request_id\":\"gw-1\",\"details\":$DETAILS}" -H "Authorization: Bearer $OFFICER")
check "create: 200 with an id" eval 'status_is "$r" 200 && [[ $(body_of "$r" | jq -r .id) == nom-22333-* ]]'
ID=$(body_of "$r" | jq -r .id)
r=$(post "$NS/CreateNomination" "{\"request_id\":\"gw-1\",\"details\":$DETAILS}" -H "Authorization: Bearer $OFFICER")
check "the same request_id again returns the same candidate" eval '[[ $(body_of "$r" | jq -r .id) == "$ID" ]]'
r=$(post "$NS/GetNomination" "{\"id\":\"$ID\"}" -H "Authorization: Bearer $OFFICER")
check "get: the name reads back in Vietnamese" eval '[[ $(body_of "$r" | jq -r .details.name) == "Nguyễn Thị Huệ" ]]'

# Bad input: clear errors, nothing changed.
before=$(redis-cli -p "$REDIS_PORT" dbsize)
r=$(post "$NS/CreateNomination" "{\"request_id\":\"gw-2\",\"details\":${DETAILS/Nguyễn Thị Huệ/}}" -H "Authorization: Bearer $OFFICER")
check "empty name: 400 naming details.name" eval 'status_is "$r" 400 && [[ $(body_of "$r" | jq -r .message) == *details.name* ]] && [[ $(body_of "$r" | jq -r .status) == INVALID_ARGUMENT ]]'
r=$(post "$NS/CreateNomination" '{"request_id": "gw-3", "details": {' -H "Authorization: Bearer $OFFICER")
check "broken JSON: 400 naming the body" eval 'status_is "$r" 400 && [[ $(body_of "$r" | jq -r .message) == body:* ]]'
r=$(post "$NS/CreateNomination" '{"request_id": "gw-4", "detials": {}}' -H "Authorization: Bearer $OFFICER")
check "misspelt field: 400, not silently dropped" status_is "$r" 400
check "bad input changed nothing in Redis" test "$(redis-cli -p "$REDIS_PORT" dbsize)" -eq "$before"
r=$(post "$NS/NoSuchMethod" '{}' -H "Authorization: Bearer $OFFICER")
check "unknown method: 404" status_is "$r" 404
r=$(post tdkt.nomination.v1.NominationFederationService/ReceiveProposal '{}')
check "node-to-node method: not offered (404)" status_is "$r" 404

# Public pages: no token needed, none forwarded.
code=$(curl -sS -o "$WORK/items.json" -w '%{http_code}' "$GW/public/$AGENCY/items.json?limit=5")
check "public items.json without a token: 200 JSON" eval '[[ $code == 200 ]] && jq -e . "$WORK/items.json" >/dev/null'
code=$(curl -sS -o /dev/null -w '%{http_code}' "$GW/public/$AGENCY/epublication/2026.html")
check "public e-publication: 200" test "$code" = 200
code=$(curl -sS -o /dev/null -w '%{http_code}' "$GW/public/01/items.json")
check "public page of an agency outside the node: 404" test "$code" = 404

# CORS: the configured origin only.
curl -sS -o /dev/null -D "$WORK/preflight" -X OPTIONS -H "Origin: $ORIGIN" \
  -H 'Access-Control-Request-Method: POST' "$GW/v1/$NS/CreateNomination"
check "preflight from $ORIGIN: 204 allowing it" eval 'grep -q "^HTTP/1.1 204" "$WORK/preflight" && grep -qi "^Access-Control-Allow-Origin: $ORIGIN" "$WORK/preflight"'
code=$(curl -sS -o /dev/null -w '%{http_code}' -X OPTIONS -H 'Origin: https://evil.example' "$GW/v1/$NS/CreateNomination")
check "preflight from another origin: 403" test "$code" = 403
curl -sS -o /dev/null -D "$WORK/cors" -X POST -H "Origin: $ORIGIN" --data-binary "{\"id\":\"$ID\"}" \
  -H "Authorization: Bearer $OFFICER" "$GW/v1/$NS/GetNomination"
check "answers to $ORIGIN carry Access-Control-Allow-Origin" grep -qi "^Access-Control-Allow-Origin: $ORIGIN" "$WORK/cors"

# Rate limit: a second gateway allowing bursts of 3, then 1 a second.
start_gateway "$GW2_PORT" "$GW2_METRICS" "$WORK/gateway2.log" --rate-limit-rps=1 --rate-limit-burst=3
codes=""
for _ in 1 2 3 4 5; do
  codes+="$(curl -sS -o /dev/null -w '%{http_code}' -X POST --data-binary "{\"id\":\"$ID\"}" \
    -H "Authorization: Bearer $OFFICER" "http://127.0.0.1:$GW2_PORT/v1/$NS/GetNomination") "
done
check "burst of 3 then 429 (got: $codes)" test "$codes" = "200 200 200 429 429 "
curl -sS -o /dev/null -D "$WORK/limited" -X POST --data-binary '{}' "http://127.0.0.1:$GW2_PORT/v1/$NS/GetNomination"
check "429 says when to retry" grep -qi '^Retry-After: [0-9]' "$WORK/limited"

curl -fsS "http://127.0.0.1:$GW_METRICS/metrics" >"$WORK/metrics"
check "metrics count calls by method and code" grep -q "tdkt_gateway_calls_total{code=\"OK\",method=\"$NS/CreateNomination\"}" "$WORK/metrics"
curl -fsS "http://127.0.0.1:$GW2_METRICS/metrics" | grep -q '^tdkt_gateway_rate_limited_total [1-9]' &&
  echo "ok: refusals counted" || { echo "FAIL: tdkt_gateway_rate_limited_total" >&2; failures=$((failures + 1)); }

((failures == 0)) || die "$failures check(s) failed; logs in $WORK (KEEP_WORK=1 keeps them)"
echo "gateway_test: all checks passed"
