#!/usr/bin/env bash
# Runs build/bench/tdkt-bench against a throwaway Redis on a free port.
# Then runs build/bench/tdkt-federation-bench (upward drain, yearly report,
# central roll-up) on the same Redis, then build/bench/tdkt-feed-bench (the
# public site's feeds against GET /healthz of the same HTTP server).
# Env: BENCH_ARGS (passed to tdkt-bench, word-split), FEDERATION_BENCH_ARGS
#      (passed to tdkt-federation-bench), FEED_BENCH_ARGS (passed to
#      tdkt-feed-bench), BUILD_DIR, BENCH_APPENDFSYNC
#      (default everysec).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/lib.sh"

BENCH=$BUILD_DIR/bench/tdkt-bench
FEDERATION_BENCH=$BUILD_DIR/bench/tdkt-federation-bench
FEED_BENCH=$BUILD_DIR/bench/tdkt-feed-bench
for b in "$BENCH" "$FEDERATION_BENCH" "$FEED_BENCH"; do [[ -x $b ]] || die "$b not found; run 'make build' first"; done
read -ra bench_args <<<"${BENCH_ARGS:-}"
read -ra federation_args <<<"${FEDERATION_BENCH_ARGS:-}"
read -ra feed_args <<<"${FEED_BENCH_ARGS:-}"

SCRATCH=$(mktemp -d -t tdkt-bench.XXXXXX)
# shellcheck disable=SC2317  # called from the trap
cleanup() { stop_redis nosave; rm -rf "$SCRATCH"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# AOF on, as in production, but fsync once a second by default: with
# "always" the numbers mostly measure this machine's disk. Set
# BENCH_APPENDFSYNC=always to measure the 'make run' setting.
FSYNC=${BENCH_APPENDFSYNC:-everysec}
start_scratch_redis "$SCRATCH/redis" --appendonly yes --appendfsync "$FSYNC"
export TDKT_BENCH_REDIS_PORT=$REDIS_PORT
export_shared_data_dir
echo "run-bench: redis on 127.0.0.1:$REDIS_PORT, appendonly yes, appendfsync $FSYNC"

rc=0
"$BENCH" "${bench_args[@]}" "$@" || rc=$?
echo "run-bench: federation phases (drain, report, rollup)"
"$FEDERATION_BENCH" "${federation_args[@]}" || rc=$?
echo "run-bench: public feeds (feed.atom, items.json vs /healthz)"
"$FEED_BENCH" "${feed_args[@]}" || rc=$?
exit "$rc"
