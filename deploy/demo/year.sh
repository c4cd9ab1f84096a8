# shellcheck shell=bash
# shellcheck disable=SC2016  # jq programs: their $vars are jq's, not the shell's
# The scripted year of the demo, one step per function, every step an RPC
# through `tdktctl call` (sourced by deploy/run-demo.sh after nodes.sh).
# Request ids are fixed ("demo-fed-..."), so a step that is run again after a
# failure returns its first result instead of doing it twice.

CONTENT=$ROOT/deploy/demo/content.json
CALL_LOG=$DEMO_VAR/calls.log

say() { printf '\n== %s\n' "$*"; }
note() { printf '   %s\n' "$*"; }

# rpc NODE SERVICE TOKEN METHOD JSON: one call; the reply (JSON) on stdout.
# Every call and its answer go to var/demo/calls.log; a failure shows the
# error and stops the demo.
rpc() {
  local node=$1 svc=$2 token=$3 method=$4 body=$5 out err
  err=$(mktemp)
  printf '>> %s %s %s\n%s\n' "$node" "$svc" "$method" "$body" >>"$CALL_LOG"
  if ! out=$("$TDKTCTL" call --addr="$(addr "$node" "$svc")" --token="$token" --timeout-ms=15000 \
    "tdkt.$method" "$body" 2>"$err"); then
    cat "$err" >>"$CALL_LOG"
    echo "failed: $method at node $node: $(cat "$err")" >&2
    rm -f "$err"
    return 1
  fi
  rm -f "$err"
  printf '%s\n' "$out" >>"$CALL_LOG"
  printf '%s\n' "$out"
}

officer() { mint "$1" officer "$1" "can-bo-tdkt-$1"; }
content() { jq -c "$@" "$CONTENT"; }

# Creates the council of NODE from content.json; prints its id.
create_council() {
  local node=$1 body
  body=$(content --arg n "$node" '{request_id: ("demo-fed-council-" + $n),
    council: (.councils[$n] + {agency_id: $n, term_start: "2025-07-01", term_end: "2030-12-31"})}')
  rpc "$node" evaluation "$(officer "$node")" evaluation.v1.CouncilService/CreateCouncil "$body" | jq -r .id
}

# A candidate of content.json discovered, fostered (plan and a follow-up) and
# submitted to the council, as the unit's emulation officer. Prints its id.
candidate_to_council() {
  local node=$1 c=$2 tok id v key rid
  tok=$(officer "$node")
  key=$(jq -r .key <<<"$c")
  rid=demo-fed-$node-$key
  id=$(rpc "$node" nomination "$tok" nomination.v1.NominationService/CreateNomination \
    "$(jq -c --arg n "$node" --arg r "$rid-create" '{request_id: $r, details: {name, kind, agency_id: $n,
      fields, achievements, discovered_by}}' <<<"$c")" | jq -r .id) || return 1
  v=$(rpc "$node" nomination "$tok" nomination.v1.NominationService/TransitionNomination \
    "{\"request_id\":\"$rid-foster\",\"id\":\"$id\",\"expected_version\":1,\"to_state\":\"FOSTERING\"}" | jq -r .version) || return 1
  v=$(rpc "$node" nomination "$tok" nomination.v1.NominationService/SetFosteringPlan \
    "$(jq -c --arg r "$rid-plan" --arg id "$id" --argjson v "$v" --arg d "$DEMO_YEAR-10-31" \
      '{request_id: $r, id: $id, expected_version: $v, plan: {support_measures: .measures,
        shortcomings: .shortcomings, responsible: "Phó Chủ tịch UBND phường", target_date: $d}}' <<<"$c")" |
    jq -r .version) || return 1
  v=$(rpc "$node" nomination "$tok" nomination.v1.NominationService/AddFollowUp \
    "$(jq -c --arg r "$rid-follow-up" --arg id "$id" --argjson v "$v" --arg d "$DEMO_YEAR-10-20" \
      '{request_id: $r, id: $id, expected_version: $v, follow_up: {date: $d, note: .follow_up}}' <<<"$c")" |
    jq -r .version) || return 1
  rpc "$node" nomination "$tok" nomination.v1.NominationService/TransitionNomination \
    "{\"request_id\":\"$rid-submit\",\"id\":\"$id\",\"expected_version\":$v,\"to_state\":\"SUBMITTED\"}" >/dev/null || return 1
  echo "$id"
}

# member_token NODE SUBJECT: the council member's own token (the secretary's
# role is council_secretary).
member_token() {
  local node=$1 subject=$2 position
  position=$(content -r --arg n "$node" --arg s "$subject" '.councils[$n].members[] | select(.subject == $s) | .position')
  if [[ $position == SECRETARY ]]; then mint "$node" council_secretary "$node" "$subject"
  else mint "$node" council_member "$node" "$subject"; fi
}

# council_session NODE COUNCIL_ID KEY TITLE_CODE TITLE_NAME NOMINATION_IDS...:
# the secretary opens a session with every member present, each member casts
# a secret ballot (AGREE) on each nominee, the secretary closes it. Prints
# the session id; the tally is in var/demo/calls.log (GetResults).
council_session() {
  local node=$1 council=$2 key=$3 code=$4 name=$5
  shift 5
  local secretary subjects sec_tok sid nom s deadline present
  secretary=$(content -r --arg n "$node" '.councils[$n].members[] | select(.position == "SECRETARY") | .subject')
  subjects=$(content -r --arg n "$node" '.councils[$n].members[].subject')
  present=$(content --arg n "$node" '[.councils[$n].members[].subject]')
  sec_tok=$(member_token "$node" "$secretary")
  deadline=$(date -u -d '+2 days' +%Y-%m-%dT%H:%M:%SZ)
  sid=$(rpc "$node" evaluation "$sec_tok" evaluation.v1.SessionService/CreateSession \
    "{\"request_id\":\"demo-fed-$key\",\"council_id\":\"$council\",\"title\":\"Phiên họp bình xét thi đua, khen thưởng năm $DEMO_YEAR\",\"written_vote_deadline\":\"$deadline\"}" |
    jq -r .id) || return 1
  for nom in "$@"; do
    rpc "$node" evaluation "$sec_tok" evaluation.v1.SessionService/AddAgendaItem \
      "{\"request_id\":\"demo-fed-$key-$nom\",\"session_id\":\"$sid\",\"nomination_id\":\"$nom\",\"title_code\":\"$code\",\"title_name\":\"$name\"}" >/dev/null || return 1
  done
  rpc "$node" evaluation "$sec_tok" evaluation.v1.SessionService/OpenSession \
    "{\"session_id\":\"$sid\",\"present\":$present}" >/dev/null || return 1
  for s in $subjects; do
    local tok
    tok=$(member_token "$node" "$s")
    for nom in "$@"; do
      rpc "$node" evaluation "$tok" evaluation.v1.SessionService/CastBallot \
        "{\"session_id\":\"$sid\",\"nomination_id\":\"$nom\",\"choice\":\"AGREE\"}" >/dev/null || return 1
    done
  done
  rpc "$node" evaluation "$sec_tok" evaluation.v1.SessionService/CloseSession "{\"session_id\":\"$sid\"}" >/dev/null || return 1
  rpc "$node" evaluation "$(officer "$node")" evaluation.v1.SessionService/GetResults "{\"session_id\":\"$sid\"}" >/dev/null || return 1
  echo "$sid"
}

# Tally of one nominee of a closed session, e.g. "3/3 agree (needed 90%)".
tally_line() {
  rpc "$1" evaluation "$(officer "$1")" evaluation.v1.SessionService/GetResults "{\"session_id\":\"$2\"}" |
    jq -r --arg n "$3" '.items[] | select(.nomination_id == $n) | .tally |
      "\(.agree // 0) agree, \(.disagree // 0) disagree, \(.abstain // 0) abstain (needs \(.percent_needed)%): \(if .passed then "passed" else "failed" end)"'
}

appraise() {
  local node=$1 sid=$2 nom=$3
  rpc "$node" evaluation "$(officer "$node")" evaluation.v1.DecisionService/Appraise \
    "{\"request_id\":\"demo-fed-appraise-$nom\",\"appraisal\":{\"session_id\":\"$sid\",\"nomination_id\":\"$nom\",
      \"checklist\":[{\"text\":\"Hồ sơ đủ thành phần theo quy định\",\"satisfied\":true},
                     {\"text\":\"Thành tích có xác nhận của cơ quan, đơn vị\",\"satisfied\":true},
                     {\"text\":\"Không vi phạm chủ trương, chính sách, pháp luật\",\"satisfied\":true}],
      \"result\":\"APPRAISAL_PASSED\",\"comments\":\"Đủ điều kiện.\"}}" >/dev/null
}

# decide NODE SESSION NOMINATION RECOGNISE|PROPOSE [DECISION_NUMBER]
decide() {
  local node=$1 sid=$2 nom=$3 outcome=$4 number=${5:-} extra=""
  [[ $outcome == RECOGNISE ]] &&
    extra=",\"decision_number\":\"$number\",\"decision_date\":\"$(TZ=Asia/Ho_Chi_Minh date +%F)\""
  rpc "$node" evaluation "$(officer "$node")" evaluation.v1.DecisionService/Decide \
    "{\"request_id\":\"demo-fed-decide-$nom\",\"decision\":{\"session_id\":\"$sid\",\"nomination_id\":\"$nom\",\"outcome\":\"$outcome\"$extra}}" >/dev/null
}

# Decisions going to the provincial level or above need the list of
# proposed exemplars public for 10 working days first (Decree 98/2023,
# Art. 46(2)). The demo cannot wait that long: it restarts the node's
# evaluation service with its clock 16 days back, publishes the list, and
# restarts it on the real clock, so the period has run when it decides.
publish_disclosure_backdated() {
  local node=$1 sid=$2
  shift 2
  local ids
  ids=$(printf '%s\n' "$@" | jq -R . | jq -sc .)
  restart_service "$node" evaluation --clock-offset-days=-16
  rpc "$node" evaluation "$(officer "$node")" evaluation.v1.DecisionService/PublishDisclosure \
    "{\"request_id\":\"demo-fed-disclose-$sid\",\"session_id\":\"$sid\",\"nomination_ids\":$ids}" |
    jq -r '"   public list \(.id): published \(.starts_at) (back-dated 16 days by the demo), open for objections until \(.ends_at)"' || return 1
  restart_service "$node" evaluation
}

# The ward's year: its candidates to the council, the vote, recognitions at
# the ward, and one proposal to the province.
commune_year() {
  local node=$1 council ids=() c id sid i=0 outcomes=() numbers=() names=()
  say "${NODE_NAME[$node]} ($node): discovery, fostering, council vote"
  council=$(create_council "$node") || return 1
  note "council $council: $(content -r --arg n "$node" '.councils[$n].name')"
  while IFS= read -r c; do
    id=$(candidate_to_council "$node" "$c") || return 1
    ids+=("$id")
    names+=("$(jq -r .name <<<"$c")")
    outcomes+=("$(jq -r .outcome <<<"$c")")
    numbers+=("$(jq -r '.decision_number // ""' <<<"$c")")
    note "$id ${names[-1]}: discovered -> fostering (plan, follow-up) -> submitted"
  done < <(content --arg n "$node" '.candidates[$n][]')
  sid=$(council_session "$node" "$council" "ses-$node" "$(content -r .titles.commune.code)" \
    "$(content -r .titles.commune.name)" "${ids[@]}") || return 1
  note "session $sid closed; secret ballots of $(content --arg n "$node" '.councils[$n].members | length') members"
  local proposed=() recognised=()
  for i in "${!ids[@]}"; do
    note "  ${names[i]}: $(tally_line "$node" "$sid" "${ids[i]}")"
    appraise "$node" "$sid" "${ids[i]}" || return 1
    if [[ ${outcomes[i]} == RECOGNISE ]]; then
      decide "$node" "$sid" "${ids[i]}" RECOGNISE "${numbers[i]}" || return 1
      note "  ${names[i]}: recognised, decision ${numbers[i]}"
      recognised+=("${ids[i]}")
    else
      proposed+=("${ids[i]}")
    fi
  done
  if ((${#proposed[@]})); then
    publish_disclosure_backdated "$node" "$sid" "${proposed[@]}" || return 1
    for id in "${proposed[@]}"; do
      decide "$node" "$sid" "$id" PROPOSE || return 1
      note "  $id: PROPOSED to ${NODE_NAME[${NODE_PARENT[$node]}]}$( ((FORWARDING)) && echo " (queued upward)")"
    done
  fi
  COMMUNE_PROPOSED+=("${proposed[@]}")
  if [[ $node == "$MEDIA_WARD" ]] && ((${#recognised[@]})); then ward_propagation "$node" "${recognised[0]}" || return 1; fi
}

# Propagation (tuyên truyền, nhân rộng điển hình) in the campaign-media
# service: what the reporting service counts in the yearly report's media
# section and against the exchange-event quota. One ward does it all; the
# province holds one exchange event (province_year).
MEDIA_WARD=22333
editor() { mint "$1" media_editor "$1" "bien-tap-$1"; }
vn_today() { TZ=Asia/Ho_Chi_Minh date +%F; }

# exchange_event NODE EXEMPLAR_ID TITLE ATTENDANCE: an EXCHANGE event today
# with the exemplar present, recorded by the node's officer.
exchange_event() {
  local node=$1 exemplar=$2 title=$3 attendance=$4
  rpc "$node" campaign-media "$(officer "$node")" campaign_media.v1.OutreachService/RecordExchangeEvent \
    "$(jq -nc --arg r "demo-fed-event-$node" --arg n "$node" --arg e "$exemplar" --arg t "$title" \
      --arg d "$(vn_today)" --argjson a "$attendance" '{request_id: $r, event: {agency_id: $n, kind: "EXCHANGE",
        title: $t, date: $d, mode: "IN_PERSON", audience: ["residents", "youth"], exemplar_ids: [$e],
        attendance: $a, place: "Hội trường UBND"}}')" |
    jq -r '"   exchange event (giao lưu điển hình) \(.id): \(.title), \(.date), \(.attendance // 0) attending"'
}

# ward_propagation NODE EXEMPLAR_ID: an article about the exemplar whose
# every claim cites a recorded achievement (ListExemplarAchievements),
# written by the media editor, reviewed, approved by an officer (not its
# writer) and published on the portal, then shown in the public feed; an
# item with an unsupported claim refused at approval; an exchange event with
# the exemplar; another unit adopting the exemplar's model.
ward_propagation() {
  local node=$1 exemplar=$2 ed off known name item id v body err url feed
  ed=$(editor "$node")
  off=$(officer "$node")
  say "${NODE_NAME[$node]} ($node): propagating a recognised exemplar (campaign-media)"
  known=$(rpc "$node" campaign-media "$ed" campaign_media.v1.MediaItemService/ListExemplarAchievements \
    "{\"exemplar_id\":\"$exemplar\"}") || return 1
  name=$(jq -r .name <<<"$known")
  note "$exemplar $name ($(jq -r .state <<<"$known")): recorded achievements $(jq -r '[.achievements[].ref] | join(", ")' <<<"$known")"
  body=$(jq -c --arg r "demo-fed-item-$node" --arg n "$node" --arg e "$exemplar" '{request_id: $r, item: {
      agency_id: $n, kind: "article", exemplar_ids: [$e], channel: "portal",
      title: ("Gương sáng " + .name + " – điển hình tiên tiến của phường"),
      summary: ("Những việc làm đã được ghi nhận của " + .name + "."),
      body: ([.achievements[].text] | join("\n\n")),
      claims: [.achievements[] | {exemplar_id: $e, text, achievement_ref: .ref}]}}' <<<"$known")
  item=$(rpc "$node" campaign-media "$ed" campaign_media.v1.MediaItemService/CreateItem "$body") || return 1
  id=$(jq -r .id <<<"$item")
  v=$(rpc "$node" campaign-media "$ed" campaign_media.v1.MediaItemService/TransitionItem \
    "{\"request_id\":\"demo-fed-item-$node-review\",\"id\":\"$id\",\"expected_version\":1,\"to_state\":\"IN_REVIEW\"}" |
    jq -r .version) || return 1
  note "item $id \"$(jq -r .title <<<"$item")\" by bien-tap-$node: $(rpc "$node" campaign-media "$off" \
    campaign_media.v1.MediaItemService/ReviewItem "{\"id\":\"$id\"}" |
    jq -r '"\(.checks | length) claims, \(.unsupported // 0) unsupported, approvable \(.approvable // false)"')"
  v=$(rpc "$node" campaign-media "$off" campaign_media.v1.MediaItemService/TransitionItem \
    "{\"request_id\":\"demo-fed-item-$node-approve\",\"id\":\"$id\",\"expected_version\":$v,\"to_state\":\"APPROVED\"}" |
    jq -r .version) || return 1
  rpc "$node" campaign-media "$ed" campaign_media.v1.MediaItemService/TransitionItem \
    "{\"request_id\":\"demo-fed-item-$node-publish\",\"id\":\"$id\",\"expected_version\":$v,\"to_state\":\"PUBLISHED\"}" |
    jq -r '"   approved by can-bo-tdkt-'"$node"' (not its writer), \(.state) on the portal at \(.published_at)"' || return 1
  # The same exemplar, one claim citing nothing recorded: approval is refused.
  body=$(jq -nc --arg r "demo-fed-item-$node-unsupported" --arg n "$node" --arg e "$exemplar" --arg name "$name" '{request_id: $r,
    item: {agency_id: $n, kind: "article", exemplar_ids: [$e], channel: "portal", title: ("Chuyện về " + $name),
      body: "Bản thảo.", claims: [{exemplar_id: $e, text: "Được cả nước biết đến qua nhiều giải thưởng quốc tế."}]}}')
  item=$(rpc "$node" campaign-media "$ed" campaign_media.v1.MediaItemService/CreateItem "$body") || return 1
  id=$(jq -r .id <<<"$item")
  rpc "$node" campaign-media "$ed" campaign_media.v1.MediaItemService/TransitionItem \
    "{\"request_id\":\"demo-fed-item-$node-unsupported-review\",\"id\":\"$id\",\"expected_version\":1,\"to_state\":\"IN_REVIEW\"}" >/dev/null || return 1
  if err=$(rpc "$node" campaign-media "$off" campaign_media.v1.MediaItemService/TransitionItem \
    "{\"request_id\":\"demo-fed-item-$node-unsupported-approve\",\"id\":\"$id\",\"expected_version\":2,\"to_state\":\"APPROVED\"}" 2>&1); then
    echo "item $id with an unsupported claim was approved" >&2
    return 1
  fi
  note "item $id with a claim citing no recorded achievement, approval refused: ${err#*error: }"
  url="http://127.0.0.1:$(public_port "$node")/public/$node/feed.atom"
  feed=$(curl -sf --max-time 5 "$url") || { echo "no public feed at $url" >&2; return 1; }
  note "public feed $url (curl):"
  sed -n 's|^ *<title type="text">\(.*\)</title>$|     entry: \1|p' <<<"$feed"
  exchange_event "$node" "$exemplar" "Giao lưu điển hình tiên tiến: $name với đoàn viên, nhân dân phường" 150 || return 1
  rpc "$node" campaign-media "$off" campaign_media.v1.OutreachService/RecordReplication \
    "$(jq -nc --arg r "demo-fed-repl-$node" --arg n "$node" --arg e "$exemplar" --arg d "$(vn_today)" '{request_id: $r,
      replication: {agency_id: $n, exemplar_id: $e, adopting_agency_id: "22366", adopted_date: $d,
        evidence_title: "Kế hoạch nhân rộng mô hình của UBND phường Nha Trang"}}')" |
    jq -r --arg a "${NODE_NAME[22366]}" '"   replication (nhân rộng) \(.id): \($a) (\(.adopting_agency_id)) adopted the model on \(.adopted_date)"' || return 1
}

# received_proposals NODE: ids of SUBMITTED records this node received
# from its children (with an origin), one a line.
received_proposals() {
  rpc "$1" nomination "$(officer "$1")" nomination.v1.NominationService/ListNominations \
    "{\"agency_id\":\"$1\",\"state\":\"SUBMITTED\",\"page_size\":200}" |
    jq -r '.nominations[]? | select(.origin.child_agency != null) | .id'
}

# wait_for_received NODE COUNT [SECONDS]: until NODE holds COUNT received proposals.
wait_for_received() {
  local node=$1 want=$2 limit=${3:-60} got=0 t
  for ((t = 0; t < limit * 2; t++)); do
    got=$(received_proposals "$node" | wc -l) || got=0
    ((got >= want)) && return 0
    sleep 0.5
  done
  echo "only $got of $want proposals reached $node within ${limit}s" >&2
  local c
  for c in "${DEMO_NODES[@]}"; do
    [[ ${NODE_PARENT[$c]} == "$node" ]] && echo "  uplink queue depth at $c: $(uplink_depth "$c")" >&2
  done
  return 1
}

# wait_drained NODES... [--timeout=S]: until every uplink queue of the nodes is empty.
wait_drained() {
  local limit=90 nodes=() n t total
  for n in "$@"; do [[ $n == --timeout=* ]] && limit=${n#--timeout=} || nodes+=("$n"); done
  for ((t = 0; t < limit * 2; t++)); do
    total=0
    for n in "${nodes[@]}"; do total=$((total + $(uplink_depth "$n"))); done
    ((total == 0)) && return 0
    sleep 0.5
  done
  echo "uplink queues of ${nodes[*]} still hold $total entries after ${limit}s" >&2
  return 1
}

# submit_report NODE: the node's reporting officer freezes the yearly report
# and queues it to the parent.
submit_report() {
  local node=$1
  rpc "$node" reporting "$(mint "$node" reporting_officer "$node" "bao-cao-$node")" reporting.v1.ReportService/SubmitReport \
    "{\"request_id\":\"demo-fed-report-$node-$DEMO_YEAR\",\"year\":$DEMO_YEAR}" |
    jq -r --arg n "${NODE_NAME[$node]}" '"   \($n): report \(.year) version \(.version) frozen, \(.report.exemplars // 0) exemplars, \(.report.recognitions // 0) recognitions"'
}

# council_on_proposals NODE LEVEL ID...: NODE's council votes on the
# proposals IDs for the title of LEVEL (province or central) in a closed
# session, the office appraises each and the list is published (back-dated,
# so its disclosure period has passed). Sets COUNCIL_SESSION.
council_on_proposals() {
  local node=$1 level=$2 council sid id
  shift 2
  council=$(create_council "$node") || return 1
  sid=$(council_session "$node" "$council" "ses-$node" "$(content -r ".titles.$level.code")" \
    "$(content -r ".titles.$level.name")" "$@") || return 1
  note "session $sid closed"
  for id in "$@"; do
    note "  $id: $(tally_line "$node" "$sid" "$id")"
    appraise "$node" "$sid" "$id" || return 1
  done
  publish_disclosure_backdated "$node" "$sid" "$@" || return 1
  COUNCIL_SESSION=$sid
}

# The province's council on the proposals the wards sent: both on the
# public list, the first recognised at the province, the second proposed
# to the centre (queued while the centre is down).
province_year() {
  local node=56 sid id
  say "${NODE_NAME[$node]} ($node): the council on the wards' proposals, while the centre is unreachable"
  council_on_proposals "$node" province "$@" || return 1
  sid=$COUNCIL_SESSION
  local first=$1
  shift
  decide "$node" "$sid" "$first" RECOGNISE "2150/QĐ-UBND" || return 1
  note "  $first: recognised at the province, decision 2150/QĐ-UBND ($(content -r .titles.province.name))"
  exchange_event "$node" "$first" "Giao lưu điển hình tiên tiến tỉnh Khánh Hòa năm $DEMO_YEAR" 300 || return 1
  for id in "$@"; do
    decide "$node" "$sid" "$id" PROPOSE || return 1
    note "  $id: PROPOSED to ${NODE_NAME[TW]} (queued: the centre is down)"
    PROVINCE_PROPOSED+=("$id")
  done
}

# Parts of the demo that need other services' work: probed, not assumed, so
# that a build without them still runs the rest of the year.
skipped() { note "skipped: $*"; }

# True when NODE's nomination service forwards upward (it exposes the
# uplink queue series on /metrics).
have_forwarding() {
  local page
  page=$(curl -sf --max-time 2 "http://127.0.0.1:$(metrics_port "$1" nomination)/metrics") || return 1
  grep -q '^tdkt_uplink_queue_depth' <<<"$page"
}

# True when NODE's reporting service serves tdkt.reporting.v1.ReportService.
have_reporting() {
  local err
  err=$("$TDKTCTL" call --addr="$(addr "$1" reporting)" --token="$(mint "$1" reporting_officer "$1" probe)" \
    tdkt.reporting.v1.ReportService/BuildReport "{\"year\":$DEMO_YEAR}" 2>&1 >/dev/null) && return 0
  [[ $err != *UNIMPLEMENTED* && $err != *"unknown method"* && $err != *"not found"* ]]
}

# The centre's council on what the province proposed: recognised with the
# Prime Minister's certificate of merit; the outcome flows back down.
central_year() {
  local node=TW sid id
  say "${NODE_NAME[$node]}: the central council on the province's proposal"
  council_on_proposals "$node" central "$@" || return 1
  sid=$COUNCIL_SESSION
  for id in "$@"; do
    decide "$node" "$sid" "$id" RECOGNISE "1520/QĐ-TTg" || return 1
    note "  $id: recognised at the centre, decision 1520/QĐ-TTg ($(content -r .titles.central.name))"
  done
}

# wait_upward NODE ID STATE [SECONDS]: until the record's upward status at
# NODE (the child) reads STATE, i.e. the parent's outcome came back down.
wait_upward() {
  local node=$1 id=$2 want=$3 limit=${4:-30} t state=""
  for ((t = 0; t < limit * 2; t++)); do
    state=$(rpc "$node" nomination "$(officer "$node")" nomination.v1.NominationService/GetNomination \
      "{\"id\":\"$id\"}" | jq -r '.upward.state // ""') || state=""
    [[ $state == "$want" ]] && return 0
    sleep 0.5
  done
  echo "the upward status of $id at $node is '${state}', not $want, after ${limit}s" >&2
  return 1
}

# wait_reports NODE COUNT [SECONDS]: until NODE's roll-up holds a report of
# COUNT children (checked at the receiver: a queue gauge may lag a moment).
wait_reports() {
  local node=$1 want=$2 limit=${3:-60} t got=0
  for ((t = 0; t < limit * 2; t++)); do
    got=$(rpc "$node" reporting "$(mint "$node" reporting_officer "$node" "bao-cao-$node")" \
      reporting.v1.ReportService/GetRollup "{\"year\":$DEMO_YEAR}" | jq '[.children[]? | select(.received)] | length') || got=0
    ((got >= want)) && return 0
    sleep 0.5
  done
  echo "only $got of $want reports reached $node within ${limit}s" >&2
  return 1
}
