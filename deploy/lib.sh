# shellcheck shell=bash
# Helpers shared by deploy/run-*.sh (sourced, not run).
# Everything starts in its own session (setsid) so that Ctrl-C in the
# terminal reaches only the script, which then stops things in order.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD_DIR=$(cd "$ROOT" && realpath -m "${BUILD_DIR:-build}")
REDIS_PID=""
REDIS_PORT=""

die() { echo "error: $*" >&2; exit 1; }

# True while process $1 runs. Not "kill -0": that also succeeds for a child
# that has exited but is not yet reaped (a zombie).
alive() {
  local stat
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]]
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port: prints a random TCP port nothing on 127.0.0.1 listens on.
# Drawn below Linux's ephemeral range (32768+), so no outgoing connection or
# TIME_WAIT socket can hold it when a server binds it a moment later, and
# outside 25000-29999, the fixed ports of demo_test's federation (a test run
# here once failed when a port drawn for an earlier test was still held).
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 7000))
    ((p >= 25000)) && p=$((p + 5000))
    port_in_use "$p" || { echo "$p"; return; }
  done
}

# render_redis_conf PORT DIR LOGFILE OUT: fills in the redis.conf template.
render_redis_conf() {
  sed -e "s|@PORT@|$1|" -e "s|@DIR@|$2|" -e "s|@LOGFILE@|$3|" \
    "$ROOT/deploy/redis/redis.conf.template" >"$4"
}

# start_redis PORT DIR LOGFILE [redis-server overrides...]
# Starts redis in the background and waits for PING. Returns 1 (with the
# process gone) if it does not come up, e.g. because the port is taken.
start_redis() {
  local port=$1 dir=$2 log=$3
  shift 3
  mkdir -p "$dir"
  render_redis_conf "$port" "$dir" "$log" "$dir/redis.conf"
  # Output before the log file is open (e.g. a bad option) lands in it too.
  setsid redis-server "$dir/redis.conf" "$@" </dev/null >>"$log" 2>&1 &
  REDIS_PID=$! REDIS_PORT=$port
  for _ in $(seq 100); do
    [[ $(redis-cli -p "$port" ping 2>/dev/null) == PONG ]] && return 0
    alive "$REDIS_PID" || break
    sleep 0.1
  done
  kill -KILL "$REDIS_PID" 2>/dev/null || true
  wait "$REDIS_PID" 2>/dev/null || true
  REDIS_PID=""
  return 1
}

# Throwaway redis for tests and benchmarks on a free random port, in DIR
# (no AOF, no snapshots unless overridden). Retries if the port races away.
start_scratch_redis() {
  local dir=$1 port
  shift
  for _ in 1 2 3 4 5; do
    port=$(free_port)
    start_redis "$port" "$dir" "$dir/redis.log" --appendonly no --save '' "$@" && return 0
  done
  [[ -f $dir/redis.log ]] && tail -n 20 "$dir/redis.log" >&2
  die "could not start a scratch redis-server"
}

# stop_pid PID: SIGTERM, wait up to 15 s, then SIGKILL; always reaps.
stop_pid() {
  local pid=$1
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 150); do
    alive "$pid" || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# stop_redis [nosave]: SHUTDOWN fsyncs and closes the AOF, so a node's data
# survives; falls back to SIGTERM (same effect) if redis-cli cannot talk.
stop_redis() {
  [[ -n $REDIS_PID ]] || return 0
  redis-cli -p "$REDIS_PORT" shutdown "$@" >/dev/null 2>&1 || true
  stop_pid "$REDIS_PID"
  REDIS_PID=""
}

# Tests and benchmarks read the public unit lists from ../shared/data when
# it sits next to the repository; tell them where (absolute path).
export_shared_data_dir() {
  if [[ -d $ROOT/../shared/data ]]; then
    TDKT_SHARED_DATA_DIR=$(cd "$ROOT/../shared/data" && pwd)
    export TDKT_SHARED_DATA_DIR
  fi
}

# wait_grpc_healthy PID HOST:PORT LOGFILE NAME: waits (up to 30 s) until the
# gRPC server reports SERVING; dies with the log's tail if process PID exits
# first or the time runs out.
wait_grpc_healthy() {
  local pid=$1 address=$2 log=$3 name=$4 try
  local ctl=${TDKTCTL:-$BUILD_DIR/tools/tdktctl/tdktctl}
  for try in $(seq 300); do
    # timeout: a health call must never hang the caller.
    timeout 5 "$ctl" health --addr="$address" >/dev/null 2>&1 && return 0
    if ! alive "$pid" || ((try == 300)); then
      tail -n 20 "$log" >&2
      die "$name did not become healthy on $address (log: $log)"
    fi
    sleep 0.1
  done
}

# metric_sum HOST:PORT NAME: sum of every series of metric NAME on that
# /metrics endpoint (0 when it has none); fails when the endpoint does not answer.
metric_sum() {
  local text
  text=$(curl -sf --max-time 2 "http://$1/metrics") || return 1
  awk -v m="$2" '$1 == m || index($1, m "{") == 1 { s += $NF } END { printf "%d\n", s }' <<<"$text"
}

# metric_labelled HOST:PORT NAME LABEL VALUE: sum of the series of metric NAME
# whose label LABEL equals VALUE, e.g. tdkt_uplink_queue_depth queue proposals
# (0 when there is none); fails when the endpoint does not answer.
metric_labelled() {
  local text
  text=$(curl -sf --max-time 2 "http://$1/metrics") || return 1
  awk -v m="$2" -v l="$3=\"$4\"" 'index($1, m "{") == 1 && (index($1, "{" l) || index($1, "," l)) { s += $NF } END { printf "%d\n", s }' <<<"$text"
}
