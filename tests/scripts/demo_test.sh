#!/usr/bin/env bash
# `make demo` end to end: deploy/run-demo.sh runs the three-level federation
# (four nodes, sixteen services, four redis-servers) non-interactively and
# must exit 0, print the central roll-up naming the province and both wards,
# and leave no process or listening port behind.
# Env: BUILD_DIR (set by ctest).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/../../deploy/lib.sh"

WORK=$(mktemp -d -t tdkt-demo.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
# Its own folder and ports, away from a `make demo` someone may be running.
export DEMO_VAR=$WORK/demo DEMO_PORT_BASE=25000 DEMO_KEEP=0

rc=0
timeout 500 "$ROOT/deploy/run-demo.sh" </dev/null >"$WORK/out" 2>&1 || rc=$?
cat "$WORK/out"
fail() {
  echo "--- last calls:" >&2
  tail -n 40 "$DEMO_VAR/calls.log" 2>/dev/null >&2 || true
  die "$*"
}
((rc == 0)) || fail "run-demo.sh exited $rc"

# Every part ran: forwarding and reporting are in this build, nothing may be skipped.
if grep -q "skipped:" "$WORK/out"; then fail "parts of the demo were skipped: $(grep "skipped:" "$WORK/out")"; fi
grep -q "the centre's decision reached the province" "$WORK/out" ||
  fail "the centre's decision did not come back down to the province"
grep -q "and the ward that first proposed it: .* upward RECOGNISED" "$WORK/out" ||
  fail "the centre's decision was not relayed down to the ward"
rollup=$(sed -n '/Central roll-up/,$p' "$WORK/out")
for name in "Tỉnh Khánh Hòa" "Phường Bắc Nha Trang" "Phường Nha Trang"; do
  grep -qF "$name" <<<"$rollup" || fail "the roll-up does not name $name"
done
grep -q "province uplink queue depth while the centre is down: [1-9]" "$WORK/out" ||
  fail "the province's uplink queue did not fill while the centre was down"

# Nothing left: no process started with the demo's files, no port listening.
if pgrep -f -- "$DEMO_VAR" >/dev/null; then
  pgrep -af -- "$DEMO_VAR" >&2
  die "processes of the demo are still running"
fi
for n in 1 2 3 4; do
  for off in 51 52 53 54 379 451 452 453 454; do
    p=$((DEMO_PORT_BASE + 1000 * n + off))
    port_in_use "$p" && die "port $p still listens after the demo"
  done
done
echo "ok: demo ran, roll-up printed, nothing left running"
