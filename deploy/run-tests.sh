#!/usr/bin/env bash
# Runs the ctest suite against a throwaway Redis on a free port.
# Usage: deploy/run-tests.sh [extra ctest args, e.g. -R nomination]
# Env: BUILD_DIR (default build).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/lib.sh"

[[ -f $BUILD_DIR/CTestTestfile.cmake ]] || die "no tests in $BUILD_DIR; run 'make build' first"

# A sanitizer build (make test-asan): the first report stops the process, so
# its test fails. Container-overflow checks are off: Debian's gRPC and
# protobuf are not instrumented, and mixing gives false alarms.
if grep -q '^TDKT_SANITIZE:BOOL=ON' "$BUILD_DIR/CMakeCache.txt" 2>/dev/null; then
  export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_container_overflow=0:halt_on_error=1:detect_leaks=1}
  export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$ROOT/deploy/sanitizers/lsan.supp:print_suppressions=0}
  export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
  echo "run-tests: sanitizer build ($ASAN_OPTIONS)"
fi

SCRATCH=$(mktemp -d -t tdkt-test.XXXXXX)
# shellcheck disable=SC2317  # called from the trap
cleanup() { stop_redis nosave; rm -rf "$SCRATCH"; }
trap cleanup EXIT
trap 'exit 130' INT   # turn signals into a normal exit so the EXIT trap runs
trap 'exit 143' TERM

# Tests only need a clean, fast Redis: no AOF, no snapshots.
start_scratch_redis "$SCRATCH/redis"
export TDKT_TEST_REDIS_PORT=$REDIS_PORT
export_shared_data_dir
echo "run-tests: redis on 127.0.0.1:$REDIS_PORT, shared data: ${TDKT_SHARED_DATA_DIR:-none}"

# Serial on purpose (-j1, and CTEST_PARALLEL_LEVEL ignored): all tests share
# this one Redis and flush it. A build that registers no tests is an error.
rc=0
env -u CTEST_PARALLEL_LEVEL ctest --test-dir "$BUILD_DIR" --output-on-failure \
  --no-tests=error -j1 "$@" || rc=$?
exit "$rc"
