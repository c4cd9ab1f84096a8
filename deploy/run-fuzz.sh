#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (AddressSanitizer and UBSan on)
# into build-fuzz/ and runs each for FUZZ_SECONDS (default 60) on its seed
# corpus. Exit non-zero on the first crash; the crashing input is kept in
# build-fuzz/artifacts/.
# Env: FUZZ_SECONDS, FUZZ_BUILD_DIR (build-fuzz), JOBS (2).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/lib.sh"

FUZZ_BUILD_DIR=${FUZZ_BUILD_DIR:-$ROOT/build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
CLANG=$(command -v clang++-14 || command -v clang++ || true)
[[ -n $CLANG ]] || die "clang++ not found (apt-get install clang-14 libclang-rt-14-dev)"
HARNESSES=(gateway_request_fuzz nomination_details_fuzz)

cmake -S "$ROOT" -B "$FUZZ_BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER="$CLANG" -DTDKT_FUZZ=ON >/dev/null
cmake --build "$FUZZ_BUILD_DIR" -j"${JOBS:-2}" --target "${HARNESSES[@]}"

mkdir -p "$FUZZ_BUILD_DIR/artifacts"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:detect_container_overflow=0}
for name in "${HARNESSES[@]}"; do
  corpus=$FUZZ_BUILD_DIR/corpus/$name
  mkdir -p "$corpus"
  cp -n "$ROOT/tests/fuzz/corpus/$name/"* "$corpus/" 2>/dev/null || true
  echo "fuzz: $name for ${SECONDS_EACH}s"
  "$FUZZ_BUILD_DIR/tests/fuzz/$name" -max_total_time="$SECONDS_EACH" -print_final_stats=1 \
    -artifact_prefix="$FUZZ_BUILD_DIR/artifacts/$name-" "$corpus" 2>"$FUZZ_BUILD_DIR/$name.log" ||
    { tail -n 40 "$FUZZ_BUILD_DIR/$name.log" >&2; die "$name crashed; input in $FUZZ_BUILD_DIR/artifacts/"; }
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$FUZZ_BUILD_DIR/$name.log" | sed "s/^/  $name /"
done
echo "fuzz: no crash in ${#HARNESSES[@]} harnesses, ${SECONDS_EACH}s each"
