#!/usr/bin/env bash
# `make demo`: a three-level federation on 127.0.0.1 plays one year.
#   Ban Thi đua - Khen thưởng Trung ương (TW)
#     └ Tỉnh Khánh Hòa (56)
#         ├ Phường Bắc Nha Trang (22333)
#         └ Phường Nha Trang (22366)
# Each node has its own redis-server (AOF), its four services, its own node
# key (Ed25519) and access-token key. The wards discover, foster and submit
# candidates, their councils vote in secret, recognise two each and propose
# one to the province; the province's council recognises one and proposes
# the other to the centre while the centre is down (the province keeps
# working, its uplink queue fills); the centre comes back, the queues drain,
# and the centre's roll-up shows the reports of the whole tree and the
# quota gaps. Propagation (campaign-media): ward 22333 publishes an article
# on its recognised exemplar (every claim cites a recorded achievement; one
# with an unsupported claim is refused), shown in its public Atom feed, holds
# an exchange event and records a replication; the province holds an
# exchange event. The reports carry these figures (media section, exchange-
# event quota), each counted once in the roll-up.
#
# Everything lives in var/demo/ (wiped at start); every process started is
# stopped on exit. Exit 0 on success.
# Env: BUILD_DIR (build), DEMO_PORT_BASE (20000, see deploy/demo/nodes.sh),
#      DEMO_VAR (var/demo; must be named demo),
#      DEMO_KEEP=1 keeps the nodes running after the year until Ctrl-C,
#      DEMO_FORWARDING=0 leaves out the proposals' journey upward.
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

DEMO_VAR=$(realpath -m "${DEMO_VAR:-$ROOT/var/demo}")
# It is wiped at start: only ever a folder named "demo".
[[ $(basename "$DEMO_VAR") == demo ]] || die "DEMO_VAR must be a folder named demo (it is wiped), not $DEMO_VAR"
TDKTCTL=$BUILD_DIR/tools/tdktctl/tdktctl
DEMO_YEAR=$(TZ=Asia/Ho_Chi_Minh date +%Y)
DEMO_AGENCIES_FILE=$ROOT/deploy/data/agencies-demo.json
[[ -f $ROOT/../shared/data/units-2025.json ]] &&
  DEMO_AGENCIES_FILE=$(cd "$ROOT/../shared/data" && pwd)/units-2025.json
COMMUNE_PROPOSED=() PROVINCE_PROPOSED=()
# shellcheck source=deploy/demo/nodes.sh
source "$ROOT/deploy/demo/nodes.sh"
# shellcheck source=deploy/demo/year.sh
source "$ROOT/deploy/demo/year.sh"
# shellcheck source=deploy/demo/report.sh
source "$ROOT/deploy/demo/report.sh"

[[ -x $TDKTCTL ]] || die "$TDKTCTL not found; run 'make build' first"
for svc in "${DEMO_SERVICES[@]}"; do svc_binary "$svc" >/dev/null; done
for tool in jq curl openssl redis-server redis-cli; do
  command -v "$tool" >/dev/null || die "$tool is missing (make deps installs it)"
done
check_ports_free

stopped=0
# shellcheck disable=SC2317  # called from the trap
finish() {
  local rc=$?
  ((stopped)) && return 0
  stopped=1
  echo
  echo "stopping the demo nodes..."
  stop_all_nodes
  ((rc == 0)) || echo "demo FAILED (exit $rc); calls and answers: $DEMO_VAR/calls.log, logs: $DEMO_VAR/<node>/log/" >&2
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$DEMO_VAR"
mkdir -p "$DEMO_VAR"
start_time=$SECONDS

say "Four nodes, each with its own Redis, services, node key and token key (year $DEMO_YEAR)"
for node in "${DEMO_NODES[@]}"; do make_keys "$node"; done
for node in "${DEMO_NODES[@]}"; do write_federation_file "$node"; done
for node in "${DEMO_NODES[@]}"; do
  start_node "$node"
  note "$(pad "$node" 6) $(pad "${NODE_NAME[$node]}" 37) $(printf 'gRPC %s-%s  metrics %s-%s  redis %s' \
    "$(grpc_port "$node" nomination)" "$(grpc_port "$node" reporting)" \
    "$(metrics_port "$node" nomination)" "$(metrics_port "$node" reporting)" "$(redis_port "$node")")"
done
note "(gRPC order: nomination, evaluation, campaign-media, reporting; parent links in $DEMO_VAR/<node>/federation.json)"

FORWARDING=0 REPORTING=0
have_forwarding 22333 && FORWARDING=1
[[ ${DEMO_FORWARDING:-1} == 0 ]] && FORWARDING=0  # leave the proposals' journey out
have_reporting 22333 && REPORTING=1

# 1. The wards' year.
for node in 22333 22366; do commune_year "$node"; done

# 2. Their proposals travel up to the province.
RECEIVED=()
say "Proposals travel up: ${NODE_NAME[22333]} and ${NODE_NAME[22366]} -> ${NODE_NAME[56]}"
if ((FORWARDING)); then
  wait_for_received 56 "${#COMMUNE_PROPOSED[@]}" 60
  mapfile -t RECEIVED < <(received_proposals 56 | sort)
  for id in "${RECEIVED[@]}"; do
    note "$(rpc 56 nomination "$(officer 56)" nomination.v1.NominationService/GetNomination "{\"id\":\"$id\"}" |
      jq -r '"\(.id) \(.details.name): received from \(.origin.child_agency) (\(.origin.child_record_id)), state \(.state)"')"
  done
else
  skipped "upward forwarding of proposals is not available in this build (no tdkt_uplink_queue_depth on /metrics)"
fi

# 3. The wards report their year to the province.
say "Yearly reports of the wards to the province"
if ((REPORTING)); then
  for node in 22333 22366; do submit_report "$node"; done
  wait_reports 56 2 60
  note "the province holds both wards' reports"
else
  skipped "the reporting service (tdkt.reporting.v1.ReportService) is not available in this build"
fi

# 4. The link to the centre goes down; the province keeps working.
say "The centre's nomination and reporting services stop: the link 56 -> TW is down"
stop_service TW nomination
stop_service TW reporting
if ((${#RECEIVED[@]})); then
  province_year "${RECEIVED[@]}"
else
  skipped "the province's council has no proposals from the wards to decide on"
fi
((REPORTING)) && submit_report 56
if ((FORWARDING || REPORTING)); then
  sleep 1.5  # a delivery attempt or two fails meanwhile
  note "province uplink queue depth while the centre is down: $(uplink_depth 56)" \
    "(curl -s http://127.0.0.1:$(metrics_port 56 nomination)/metrics | grep tdkt_uplink_queue_depth)"
  show_queue 56
else
  skipped "no uplink queue to show"
fi

# 5. The link is back; the queues drain.
say "The centre's services start again on the same ports"
start_service TW nomination
start_service TW reporting
if ((FORWARDING || REPORTING)); then
  ((REPORTING)) && wait_reports TW 1 90
  wait_drained 56 22333 22366 --timeout=90
  note "every uplink queue is empty again (province depth $(uplink_depth 56))"
fi
if ((FORWARDING)); then
  if ((${#RECEIVED[@]} > 1)); then
    wait_for_received TW $((${#RECEIVED[@]} - 1)) 60
    mapfile -t AT_CENTRE < <(received_proposals TW)
    for id in "${AT_CENTRE[@]}"; do
      note "$(rpc TW nomination "$(officer TW)" nomination.v1.NominationService/GetNomination "{\"id\":\"$id\"}" |
        jq -r '"at the centre: \(.id) \(.details.name) from \(.origin.child_agency), state \(.state)"')"
    done
    central_year "${AT_CENTRE[@]}"
    for id in "${PROVINCE_PROPOSED[@]}"; do
      wait_upward 56 "$id" RECOGNISED 30
      note "the centre's decision reached the province: $id upward RECOGNISED"
      # The province relays it to the ward that first proposed the candidate.
      read -r ward ward_id < <(rpc 56 nomination "$(officer 56)" nomination.v1.NominationService/GetNomination \
        "{\"id\":\"$id\"}" | jq -r '"\(.origin.child_agency) \(.origin.child_record_id)"')
      if [[ -n ${ward:-} && $ward != null ]]; then
        wait_upward "$ward" "$ward_id" RECOGNISED 30
        note "and the ward that first proposed it: $ward_id upward RECOGNISED"
      fi
    done
  fi
else
  skipped "no proposal can reach the centre without upward forwarding"
fi

# 6. The centre's roll-up of the whole tree.
if ((REPORTING)); then
  say "The centre freezes its own report (the top of the tree sends it nowhere)"
  submit_report TW
fi
say "Central roll-up for $DEMO_YEAR (ReportService.GetRollup at TW)"
if ((REPORTING)); then
  print_rollup TW
else
  skipped "the central roll-up needs the reporting service"
fi
((FORWARDING)) && print_upward_status

say "Done in $((SECONDS - start_time)) s. Where to look (while DEMO_KEEP=1 keeps the nodes up):"
where_to_look
if [[ ${DEMO_KEEP:-0} == 1 ]]; then
  echo "Nodes keep running; press Ctrl-C to stop them."
  trap 'exit 0' INT TERM  # the normal way to stop here
  while :; do sleep 1; done
fi
