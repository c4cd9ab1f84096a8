# shellcheck shell=bash
# The four demo nodes on 127.0.0.1 (sourced by deploy/run-demo.sh after
# deploy/lib.sh): their ports, keys, federation files, processes.
#
# Port plan: node n (1 = TW, 2 = province 56, 3 and 4 = its wards) uses
#   base = DEMO_PORT_BASE (20000) + 1000 * n
#   gRPC    base+51 nomination, base+52 evaluation, base+53 campaign-media, base+54 reporting
#   metrics base+451 .. base+454, same order
#   public  base+80 campaign-media's public site (feeds, e-publication; HTTP, no token)
#   redis   base+379
# e.g. TW: gRPC 21051-21054, metrics 21451-21454, redis 21379. All below
# Linux's ephemeral range, so no outgoing connection can hold them.

DEMO_NODES=(TW 56 22333 22366)
DEMO_SERVICES=(nomination evaluation campaign-media reporting)
# shellcheck disable=SC2034  # used by the scripts that source this one
declare -A NODE_NAME=(
  [TW]="Ban Thi đua - Khen thưởng Trung ương"
  [56]="Tỉnh Khánh Hòa"
  [22333]="Phường Bắc Nha Trang"
  [22366]="Phường Nha Trang"
)
declare -A NODE_PARENT=([TW]="" [56]=TW [22333]=56 [22366]=56)
declare -A SVC_PID=()    # "node/service" -> pid
declare -A REDIS_PIDS=() # node -> pid
declare -A PUBKEY=()     # node -> base64 raw Ed25519 public key

node_index() {
  local i
  for i in "${!DEMO_NODES[@]}"; do [[ ${DEMO_NODES[i]} == "$1" ]] && { echo $((i + 1)); return; }; done
  die "unknown demo node $1"
}
svc_index() {
  case $1 in nomination) echo 1 ;; evaluation) echo 2 ;; campaign-media) echo 3 ;; reporting) echo 4 ;;
    *) die "unknown service $1" ;; esac
}
node_base() { echo $((${DEMO_PORT_BASE:-20000} + 1000 * $(node_index "$1"))); }
grpc_port() { echo $(($(node_base "$1") + 50 + $(svc_index "$2"))); }
metrics_port() { echo $(($(node_base "$1") + 450 + $(svc_index "$2"))); }
redis_port() { echo $(($(node_base "$1") + 379)); }
public_port() { echo $(($(node_base "$1") + 80)); }
addr() { echo "127.0.0.1:$(grpc_port "$1" "$2")"; }
node_dir() { echo "$DEMO_VAR/$1"; }

# Binary of a service under BUILD_DIR: the reporting and campaign-media
# binaries live in services/ or, once they grow a folder, services/<name>/.
svc_binary() {
  local name=tdkt-$1 dir=${1//-/_} candidate
  for candidate in "services/$dir/$name" "services/$name"; do
    [[ -x $BUILD_DIR/$candidate ]] && { echo "$BUILD_DIR/$candidate"; return; }
  done
  die "$name not found under $BUILD_DIR/services; run 'make build' first"
}

# Every port the demo needs must be free before anything starts.
check_ports_free() {
  local node svc p
  for node in "${DEMO_NODES[@]}"; do
    for p in $(redis_port "$node") $(public_port "$node") $(for svc in "${DEMO_SERVICES[@]}"; do grpc_port "$node" "$svc"; metrics_port "$node" "$svc"; done); do
      port_in_use "$p" && die "port $p is taken (another demo running? set DEMO_PORT_BASE to move the demo)"
    done
  done
  return 0
}

# Node key (Ed25519, PEM) and the raw public key (32 bytes, base64) that
# its parent and children put in their federation files; the HS256 access
# token key of the node (its own, created by the first token minted).
make_keys() {
  local node=$1 dir
  dir=$(node_dir "$node")
  mkdir -p "$dir/log"
  openssl genpkey -algorithm ed25519 -out "$dir/node-key.pem" 2>/dev/null || die "openssl genpkey failed"
  chmod 600 "$dir/node-key.pem"
  PUBKEY[$node]=$(openssl pkey -in "$dir/node-key.pem" -pubout -outform DER | tail -c 32 | base64)
  mint "$node" admin "$node" demo-setup >/dev/null
}

# The node's place in the federation (format: common/federation/federation_config.h).
# Short backoff so that the demo's queues drain soon after the link is back.
write_federation_file() {
  local node=$1 parent=${NODE_PARENT[$1]} children=() c parent_json=null
  for c in "${DEMO_NODES[@]}"; do [[ ${NODE_PARENT[$c]} == "$node" ]] && children+=("$c"); done
  if [[ -n $parent ]]; then
    parent_json=$(jq -n --arg a "$parent" --arg k "${PUBKEY[$parent]}" \
      --arg n "$(addr "$parent" nomination)" --arg r "$(addr "$parent" reporting)" \
      '{agency: $a, public_key: $k, nomination_address: $n, reporting_address: $r}')
  fi
  local kids='[]'
  for c in "${children[@]}"; do
    kids=$(jq -c --arg a "$c" --arg k "${PUBKEY[$c]}" '. + [{agency: $a, public_key: $k}]' <<<"$kids")
  done
  jq -n --arg a "$node" --arg key "$(node_dir "$node")/node-key.pem" --argjson p "$parent_json" --argjson ch "$kids" \
    '{agency: $a, signing_key_file: $key} + (if $p == null then {} else {parent: $p} end) +
     {children: $ch, deadline_ms: 2000, initial_backoff_ms: 200, max_backoff_ms: 2000, max_refusals: 5}' \
    >"$(node_dir "$node")/federation.json"
}

# mint NODE ROLE AGENCY SUBJECT: an access token signed with NODE's key (2 h).
mint() {
  "$TDKTCTL" token --secret-file="$(node_dir "$1")/jwt-secret" --role="$2" --agency="$3" --subject="$4" --ttl=7200
}

start_node_redis() {
  local node=$1 dir
  dir=$(node_dir "$node")
  start_redis "$(redis_port "$node")" "$dir/redis" "$dir/log/redis.log" ||
    { tail -n 20 "$dir/log/redis.log" >&2; die "redis-server of $node did not start"; }
  REDIS_PIDS[$node]=$REDIS_PID
  REDIS_PID=""  # lib.sh's single-redis bookkeeping is not used here
}

# start_service NODE SERVICE [extra flags...]: starts it in its own session;
# log appended to var/demo/<node>/log/<service>.log. Waits for SERVING.
start_service() {
  local node=$1 svc=$2 dir bin extra=()
  shift 2
  dir=$(node_dir "$node")
  bin=$(svc_binary "$svc")
  case $svc in
    nomination) extra=(--agencies-file="$DEMO_AGENCIES_FILE") ;;
    evaluation) extra=(--nomination-address="$(addr "$node" nomination)") ;;
    reporting) extra=(--nomination-address="$(addr "$node" nomination)" --campaign-media-address="$(addr "$node" campaign-media)") ;;
    campaign-media) extra=(--nomination-address="$(addr "$node" nomination)" --public-http-port="$(public_port "$node")") ;;
  esac
  setsid "$bin" --grpc-port="$(grpc_port "$node" "$svc")" --metrics-port="$(metrics_port "$node" "$svc")" \
    --redis-port="$(redis_port "$node")" --node-agency="$node" --jwt-secret-file="$dir/jwt-secret" \
    --federation-file="$dir/federation.json" "${extra[@]}" "$@" </dev/null >>"$dir/log/$svc.log" 2>&1 &
  SVC_PID[$node/$svc]=$!
  wait_grpc_healthy "${SVC_PID[$node/$svc]}" "$(addr "$node" "$svc")" "$dir/log/$svc.log" "$node $svc"
}

stop_service() {
  local key=$1/$2
  [[ -n ${SVC_PID[$key]:-} ]] || return 0
  stop_pid "${SVC_PID[$key]}"
  unset 'SVC_PID[$key]'
}

restart_service() {
  local node=$1 svc=$2
  shift 2
  stop_service "$node" "$svc"
  start_service "$node" "$svc" "$@"
}

start_node() {
  local node=$1 svc
  start_node_redis "$node"
  for svc in "${DEMO_SERVICES[@]}"; do start_service "$node" "$svc"; done
}

# Stops every service, then every redis; safe to call twice (EXIT trap).
stop_all_nodes() {
  local key node
  for key in "${!SVC_PID[@]}"; do kill -TERM "${SVC_PID[$key]}" 2>/dev/null || true; done
  for key in "${!SVC_PID[@]}"; do stop_pid "${SVC_PID[$key]}"; unset 'SVC_PID[$key]'; done
  for node in "${!REDIS_PIDS[@]}"; do
    redis-cli -p "$(redis_port "$node")" shutdown >/dev/null 2>&1 || true
    stop_pid "${REDIS_PIDS[$node]}"
    unset 'REDIS_PIDS[$node]'
  done
}

# Entries still waiting in NODE's uplink queues (nomination proposals and
# outcomes, reporting's reports): the sum of tdkt_uplink_queue_depth.
uplink_depth() {
  local node=$1 total=0 n svc
  for svc in nomination reporting; do
    n=$(metric_sum "127.0.0.1:$(metrics_port "$node" "$svc")" tdkt_uplink_queue_depth) || n=0
    total=$((total + n))
  done
  echo "$total"
}
