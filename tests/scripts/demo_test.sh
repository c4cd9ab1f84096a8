#!/usr/bin/env bash
# `make demo` end to end: deploy/run-demo.sh runs the three-level federation
# (four nodes, sixteen services, four redis-servers) non-interactively and
# must exit 0, print the central roll-up naming the province and both wards
# with the propagation figures (media section, exchange-event quota) counted
# once up the tree, show the ward's public feed, and leave no process or
# listening port behind.
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

# Propagation in campaign-media reaches the yearly reports, each child's
# report counted once up the tree: one article published at the ward, an
# exchange event at the ward and one at the province, one replication.
grep -q "^     entry: Gương sáng " "$WORK/out" || fail "the ward's public feed does not list the published item"
grep -q "with a claim citing no recorded achievement, approval refused: INVALID_ARGUMENT" "$WORK/out" ||
  fail "an item with an unsupported claim was not refused at approval"
grep -q "Tuyên truyền điển hình, báo cáo của Phường Bắc Nha Trang (tại Tỉnh Khánh Hòa): tác phẩm đã đăng 1, buổi giao lưu điển hình 1, lượt nhân rộng 1" <<<"$rollup" ||
  fail "the ward's report does not carry its published item, exchange event and replication"
grep -q "Tuyên truyền điển hình, toàn bộ cây (gộp tại TW): tác phẩm đã đăng 1, buổi giao lưu điển hình 2, lượt nhân rộng 1" <<<"$rollup" ||
  fail "the central roll-up does not count the ward's and the province's propagation exactly once"
# exchange_actual AGENCY: "đã tổ chức" of AGENCY's line in the exchange table
# of the province's report as the centre printed it.
exchange_actual() {
  sed -n '/Tuyên truyền điển hình, báo cáo của Tỉnh Khánh Hòa:/,/^$/p' <<<"$rollup" |
    awk -v a="$1" '$1 == a { print $(NF - 1) }'
}
for unit in 22333 56; do
  actual=$(exchange_actual "$unit")
  if ! [[ $actual =~ ^[0-9]+$ ]] || ((actual < 1)); then
    fail "exchange-event quota line of $unit shows '${actual}' held, want >= 1"
  fi
done
jq -e '.merged.media.available and (.merged.media.articles | tonumber) == 1 and
  ([.merged.media.exchange_events_by_agency[] | select(.key == "22333") | .count | tonumber] == [1]) and
  ([.merged.quotas[] | select(.agency_id == "56") | .exchange_events_actual | tonumber] == [2])' \
  "$DEMO_VAR/rollup-TW.json" >/dev/null || fail "the roll-up at TW ($DEMO_VAR/rollup-TW.json) does not hold the media figures once"

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
echo "ok: demo ran, roll-up printed with the propagation figures, nothing left running"
