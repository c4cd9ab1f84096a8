# shellcheck shell=bash
# shellcheck disable=SC2016  # jq programs: their $vars are jq's, not the shell's
# What the demo prints at the end: queues, the central roll-up as tables
# (exemplar quotas, propagation figures and exchange-event quotas), where
# the proposals stand, where to look (sourced by deploy/run-demo.sh).

# pad TEXT WIDTH: TEXT left-aligned in WIDTH characters (not bytes:
# Vietnamese letters take two or three bytes in UTF-8).
pad() {
  local s=$1 w=$2
  LC_ALL=C.UTF-8 printf -v PADDED '%s%*s' "$s" $((w > ${#s} ? w - ${#s} : 0)) ''
  printf '%s' "$PADDED"
}
# row W1 W2 ... -- CELL1 CELL2 ...: one table row, cells padded.
row() {
  local widths=() w line="   "
  while [[ $1 != -- ]]; do widths+=("$1"); shift; done
  shift
  for w in "${widths[@]}"; do line+="$(pad "${1:-}" "$w") "; shift || true; done
  printf '%s\n' "${line%"${line##*[! ]}"}"
}

demo_nodes_json() { printf '%s\n' "${DEMO_NODES[@]}" | jq -R . | jq -sc .; }

# quota_table JSON PATH: the quota lines of the demo's units in the report at PATH.
quota_table() {
  local a n t x g
  row 8 40 7 7 7 -- "unit" "name" "target" "actual" "gap"
  while IFS=$'\t' read -r a n t x g; do row 8 40 7 7 7 -- "$a" "$n" "$t" "$x" "$g"; done < <(
    jq -r --argjson ours "$(demo_nodes_json)" "$2"'.quotas[]? | select(.agency_id as $a | $ours | index($a)) |
       [.agency_id, .name, ((.target // 0) | tostring), ((.actual // 0) | tostring), ((.gap // 0) | tostring)] | @tsv' <<<"$1")
}

# media_line JSON PATH WHOSE: the propagation figures of the media section of
# the report at PATH (from campaign-media), with Vietnamese labels.
media_line() {
  jq -r --arg w "$3" "$2"'.media // {} |
    "   Tuyên truyền điển hình, \($w): tác phẩm đã đăng \(.articles // 0), buổi giao lưu điển hình \(.exchange_events // 0), lượt nhân rộng \(.replications // 0)" +
    ([.exchange_events_by_agency[]? | "\(.label // .key) \(.count)"] | if length > 1 then " (giao lưu theo đơn vị: " + join(", ") + ")" else "" end) +
    (if .available then "" else " (chưa đủ số liệu: \(.note // "campaign-media không trả lời"))" end)' <<<"$1"
}

# exchange_table JSON PATH: the exchange-event quota (giao lưu điển hình) of
# the demo's units in the report at PATH: target, held, still missing.
exchange_table() {
  local a n t x g
  echo "   Giao lưu điển hình so với chỉ tiêu năm:"
  row 8 40 9 10 9 -- "đơn vị" "tên" "chỉ tiêu" "đã tổ chức" "còn thiếu"
  while IFS=$'\t' read -r a n t x g; do row 8 40 9 10 9 -- "$a" "$n" "$t" "$x" "$g"; done < <(
    jq -r --argjson ours "$(demo_nodes_json)" "$2"'.quotas[]? | select(.agency_id as $a | $ours | index($a)) |
       [.agency_id, .name, ((.exchange_events_target // 0) | tostring), ((.exchange_events_actual // 0) | tostring),
        ((.exchange_events_gap // 0) | tostring)] | @tsv' <<<"$1")
}

# The node's uplink queues, per queue, from its /metrics.
show_queue() {
  local node=$1 svc
  for svc in nomination reporting; do
    curl -sf --max-time 2 "http://127.0.0.1:$(metrics_port "$node" "$svc")/metrics" |
      awk -v s="$svc" '/^tdkt_uplink_queue_depth/ { printf "     %-10s %s\n", s, $0 }' || true
  done
}

# print_rollup NODE: completeness of the children's reports, the merged
# figures and the quota gaps of the demo's units.
print_rollup() {
  local node=$1 r line
  r=$(rpc "$node" reporting "$(mint "$node" reporting_officer "$node" "bao-cao-$node")" \
    reporting.v1.ReportService/GetRollup "{\"year\":$DEMO_YEAR}") || return 1
  printf '%s\n' "$r" >"$DEMO_VAR/rollup-$node.json"
  jq -r '"   \(.merged.agency_name // "") \(.merged.year // ""): \(.merged.exemplars // 0) exemplars, \(.merged.recognitions // 0) recognitions; proposals sent up \(.merged.proposals.sent // 0), received from below \(.merged.received.received // 0)"' <<<"$r"
  echo
  jq -r '"   Reports of the units below (due \(.due_date // "?")): expected \(.expected // 0), on time \(.reported // 0), late \(.late // 0), not yet \(.not_reported // 0)"' <<<"$r"
  row 8 40 14 8 -- "unit" "name" "state" "version"
  while IFS=$'\t' read -r a n s v; do row 8 40 14 8 -- "$a" "$n" "$s" "$v"; done < <(
    jq -r '.children[]? | [.agency_id, .name, (.state // "NOT_REPORTED"), ((.version // 0) | tostring)] | @tsv' <<<"$r")
  echo
  echo "   Exemplars recognised in $DEMO_YEAR against the yearly quotas ($(jq -r '.merged.plan_period // "built-in rules"' <<<"$r")):"
  quota_table "$r" .merged
  jq -r --argjson ours "$(demo_nodes_json)" '
    [.merged.quotas[]? | select(.agency_id as $a | $ours | index($a) | not)] as $rest |
    if ($rest | length) > 0 then
      "   ... and \($rest | length) other units\(if .merged.quotas_truncated then " shown (list truncated)" else "" end), together \($rest | map(.gap // 0 | tonumber) | add) exemplars short"
    else empty end' <<<"$r"
  echo
  media_line "$r" .merged "toàn bộ cây (gộp tại $node)"
  exchange_table "$r" .merged
  # The wards appear in the province's report, which the centre holds.
  local child
  for child in $(jq -r '.children[]? | select(.received) | .agency_id' <<<"$r"); do
    local v
    v=$(rpc "$node" reporting "$(mint "$node" reporting_officer "$node" "bao-cao-$node")" \
      reporting.v1.ReportService/GetReport "{\"agency_id\":\"$child\",\"year\":$DEMO_YEAR}") || return 1
    echo
    jq -r '"   Report of \(.report.agency_name) as the centre received it (version \(.version), message \(.message_id // "")):"' <<<"$v"
    quota_table "$v" .report
    jq -r '.report.received | "   proposals received from its wards: \(.received // 0)\([.by_child[]? | "\(.label // .key) \(.count)"] | if length > 0 then " (" + join(", ") + ")" else "" end), recognised there \(.recognised // 0)"' <<<"$v"
    media_line "$v" .report "báo cáo của $(jq -r .report.agency_name <<<"$v")"
    exchange_table "$v" .report
  done
  # The ward that propagated its exemplar, in its own report as its parent holds it.
  local ward=${MEDIA_WARD:-} parent
  if [[ -n $ward && -n ${NODE_PARENT[$ward]:-} ]]; then
    parent=${NODE_PARENT[$ward]}
    v=$(rpc "$parent" reporting "$(mint "$parent" reporting_officer "$parent" "bao-cao-$parent")" \
      reporting.v1.ReportService/GetReport "{\"agency_id\":\"$ward\",\"year\":$DEMO_YEAR}") || return 1
    printf '%s\n' "$v" >"$DEMO_VAR/report-$ward.json"
    echo
    media_line "$v" .report "báo cáo của ${NODE_NAME[$ward]} (tại ${NODE_NAME[$parent]})"
  fi
  note "(whole answer: $DEMO_VAR/rollup-$node.json)"
}

# Where each ward's proposal stands, as the ward knows it (upward status).
print_upward_status() {
  local id node
  echo
  echo "   The wards' proposals, as the wards see them now:"
  for id in "${COMMUNE_PROPOSED[@]}"; do
    node=${id#nom-}
    node=${node%%-*}
    rpc "$node" nomination "$(officer "$node")" nomination.v1.NominationService/GetNomination "{\"id\":\"$id\"}" |
      jq -r '"     \(.id) \(.details.name): \(.state), upward \(.upward.state // "not reported yet")\(if .upward.parent_record_id then " as " + .upward.parent_record_id else "" end)"' ||
      true
  done
}

where_to_look() {
  local node svc
  for node in "${DEMO_NODES[@]}"; do
    echo "  $node ${NODE_NAME[$node]}  (var/demo/$node/: log/, federation.json, node-key.pem, jwt-secret)"
    for svc in "${DEMO_SERVICES[@]}"; do
      printf '    %-15s %s   http://127.0.0.1:%s/metrics\n' "$svc" "$(addr "$node" "$svc")" "$(metrics_port "$node" "$svc")"
    done
    echo "    redis           127.0.0.1:$(redis_port "$node")"
  done
  local ctl=${TDKTCTL#"$ROOT"/}
  cat <<EOF
  every call of the year and its answer: var/demo/calls.log
  e.g. T=\$($ctl token --role=officer --agency=56 --subject=me --secret-file=${DEMO_VAR#"$ROOT"/}/56/jwt-secret)
       $ctl call --addr=$(addr 56 nomination) --token=\$T tdkt.nomination.v1.NominationService/ListNominations '{"agency_id":"56"}'
EOF
}
