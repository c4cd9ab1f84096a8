#!/usr/bin/env bash
# Checks the monitoring configuration of a node (issue 6):
#   deploy/prometheus/prometheus.yml  promtool check config
#   deploy/prometheus/alerts.yml      promtool check rules + promtool test rules alerts_test.yml
#   deploy/grafana/tdkt-node.json     valid JSON, the expected panels and variables, and
#                                     every panel query parses as PromQL (promtool check rules)
# Needs promtool (Debian package `prometheus`, installed by deploy/install-deps.sh) and jq.
# Fails, never skips, when one is missing. Exits non-zero on any failure.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT" || exit 1
PROM=deploy/prometheus
DASH=deploy/grafana/tdkt-node.json

for tool in promtool jq; do
  if ! command -v "$tool" >/dev/null; then
    echo "monitoring_config_test: FAIL: '$tool' not found; install it with deploy/install-deps.sh" \
         "(Debian package $([[ $tool == promtool ]] && echo prometheus || echo jq))" >&2
    exit 1
  fi
done

failures=0
step() {  # step NAME COMMAND...: runs COMMAND, reports PASS/FAIL
  local name=$1; shift
  local out
  if out=$("$@" 2>&1); then
    echo "PASS: $name"
  else
    echo "FAIL: $name"; echo "$out" | sed 's/^/    /'
    failures=$((failures + 1))
  fi
}

step "promtool check config $PROM/prometheus.yml" promtool check config "$PROM/prometheus.yml"
step "promtool check rules $PROM/alerts.yml" promtool check rules "$PROM/alerts.yml"
step "promtool test rules $PROM/alerts_test.yml" promtool test rules "$PROM/alerts_test.yml"

# Every alert the issue asks for is defined, with severity and bilingual annotations.
for alert in TdktServiceDown TdktHighErrorRatio TdktSlowRpcs TdktRedisSlow TdktUplinkBacklog \
             TdktUplinkStale TdktDeadLetters TdktWatchStale TdktReportsOverdue; do
  step "alert $alert defined with severity, summary and description" \
    awk -v a="$alert" '
      $0 ~ "- alert: " a "$" {in_rule=1; next}
      in_rule && /- alert:/ {exit}
      in_rule && /severity:/ {s=1}
      in_rule && /summary:/ {m=1}
      in_rule && /description:/ {d=1}
      END {exit !(s && m && d)}' "$PROM/alerts.yml"
done

step "$DASH is valid JSON" jq -e . "$DASH"
step "dashboard schemaVersion >= 37" jq -e '.schemaVersion >= 37' "$DASH"
step "dashboard has datasource variable DS_PROMETHEUS and query variable service" jq -e '
  ([.templating.list[] | select(.name == "DS_PROMETHEUS" and .type == "datasource")] | length == 1) and
  ([.templating.list[] | select(.name == "service" and .type == "query")] | length == 1)' "$DASH"
step "every dashboard panel uses \${DS_PROMETHEUS}" jq -e '
  [.panels[] | select(.type != "row") | .datasource.uid == "${DS_PROMETHEUS}"] | all' "$DASH"
for title in "RPC rate per service and method" "RPC error ratio (server errors)" \
             "RPC latency p50 / p99 per service and method" "Redis p99 latency by command" \
             "Uplink queue depth" "Uplink oldest entry age" "Uplink dead letters" \
             "Exemplars by stage" "Open ballots" "Report completeness" "Public site requests"; do
  step "dashboard panel '$title'" jq -e --arg t "$title" '[.panels[] | select(.title == $t)] | length == 1' "$DASH"
done

# The panel queries are PromQL: wrap each, with Grafana's variables replaced, as
# a recording rule and let promtool parse them.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if jq -r '
    "groups:", "  - name: dashboard", "    rules:",
    ([.panels[] | .targets[]?.expr] | to_entries[] |
      "      - record: dashboard_expr_\(.key)", "        expr: \(.value | tojson)")
  ' "$DASH" | sed -e 's/\$__rate_interval/5m/g' -e 's/\$service/.*/g' > "$tmp/dashboard_rules.yml"; then
  step "dashboard queries parse as PromQL ($(grep -c 'record:' "$tmp/dashboard_rules.yml") queries)" \
    promtool check rules "$tmp/dashboard_rules.yml"
else
  echo "FAIL: could not extract the dashboard queries"; failures=$((failures + 1))
fi

if ((failures > 0)); then
  echo "monitoring_config_test: $failures check(s) FAILED"
  exit 1
fi
echo "monitoring_config_test: all checks passed"
