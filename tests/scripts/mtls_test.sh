#!/usr/bin/env bash
# Mutual TLS between nodes, on the real binaries: `make certs` material
# (deploy/make-certs.sh) for Khánh Hòa (56) and its wards, the nomination and
# reporting services of node 56 with --tls-* and their peer ports, tdktctl as
# the calling node. Checks: a ward's certificate gets through; a certificate
# from another CA and no certificate at all are refused at the handshake; the
# plaintext port stays for the node's own clients; a ward whose certificate
# says 22366 cannot speak for 22333 (PERMISSION_DENIED naming both), while its
# own agency passes the certificate check (and is then judged on its
# envelope's signature, as without TLS).
# Env: BUILD_DIR (set by ctest); KEEP_WORK=1 keeps the scratch directory.
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/../../deploy/lib.sh"

TDKTCTL=$BUILD_DIR/tools/tdktctl/tdktctl
WORK=$(mktemp -d -t tdkt-mtls.XXXXXX)
PIDS=()
# shellcheck disable=SC2317  # called from the trap
cleanup() {
  local i
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[i]}"; done
  stop_redis nosave
  if [[ -n ${KEEP_WORK:-} ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
failures=0
check() {
  local what=$1
  shift
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what" >&2; failures=$((failures + 1)); fi
}

CERTS_DIR=$WORK/certs CERTS_AGENCIES="56 22333 22366" "$ROOT/deploy/make-certs.sh" >"$WORK/make-certs.log"
C=$WORK/certs
start_scratch_redis "$WORK/redis"
export TDKT_REDIS_HOST=127.0.0.1 TDKT_REDIS_PORT=$REDIS_PORT TDKT_NODE_AGENCY=56 TDKT_LISTEN_HOST=127.0.0.1
export TDKT_JWT_SECRET_FILE=$WORK/jwt-secret
"$TDKTCTL" token --secret-file="$TDKT_JWT_SECRET_FILE" --role=admin --agency=56 --subject=setup >/dev/null

PORTS=()
while ((${#PORTS[@]} < 6)); do
  p=$(free_port)
  [[ " ${PORTS[*]} " == *" $p "* ]] || PORTS+=("$p")
done
read -r NOM NOM_PEER NOM_M REP REP_PEER REP_M <<<"${PORTS[*]}"
TLS=(--tls-ca="$C/ca.pem" --tls-cert="$C/56.pem" --tls-key="$C/56.key" --peer-host=127.0.0.1)
setsid "$BUILD_DIR/services/nomination/tdkt-nomination" --grpc-port="$NOM" --peer-port="$NOM_PEER" \
  --metrics-port="$NOM_M" "${TLS[@]}" --agencies-file="$ROOT/deploy/data/agencies-demo.json" \
  </dev/null >"$WORK/nomination.log" 2>&1 &
PIDS+=($!)
wait_grpc_healthy "$!" "127.0.0.1:$NOM" "$WORK/nomination.log" tdkt-nomination
setsid "$BUILD_DIR/services/reporting/tdkt-reporting" --grpc-port="$REP" --peer-port="$REP_PEER" \
  --metrics-port="$REP_M" "${TLS[@]}" --nomination-address="127.0.0.1:$NOM" --campaign-media-address= \
  </dev/null >"$WORK/reporting.log" 2>&1 &
PIDS+=($!)
wait_grpc_healthy "$!" "127.0.0.1:$REP" "$WORK/reporting.log" tdkt-reporting

as() {  # as AGENCY|rogue|none ADDRESS tdktctl-args...: calls over mutual TLS with that certificate.
  local who=$1 addr=$2
  shift 2
  local tls=()
  case $who in
    none) tls=() ;;
    rogue) tls=(--tls-ca="$C/ca.pem" --tls-cert="$C/rogue.pem" --tls-key="$C/rogue.key") ;;
    *) tls=(--tls-ca="$C/ca.pem" --tls-cert="$C/$who.pem" --tls-key="$C/$who.key") ;;
  esac
  "$TDKTCTL" "$@" --addr="$addr" --timeout-ms=3000 "${tls[@]}" 2>&1 || true
}
check "a ward's certificate gets through to the peer port" eval '[[ $(as 22333 127.0.0.1:$NOM_PEER health) == *SERVING* && $(as 22333 127.0.0.1:$NOM_PEER health) != *NOT_SERVING* ]]'
check "a certificate from another CA is refused" eval '[[ $(as rogue 127.0.0.1:$NOM_PEER health) != *\"SERVING* && $(as rogue 127.0.0.1:$NOM_PEER health) == *UNAVAILABLE* ]]'
check "no certificate at all is refused" eval '[[ $(as none 127.0.0.1:$NOM_PEER health) == *UNAVAILABLE* ]]'
check "the plaintext port still serves the node's own clients" eval '[[ $(as none 127.0.0.1:$NOM health) == *SERVING* ]]'

envelope() { echo "{\"message_id\":\"$1/proposals/1-0\",\"sender_agency\":\"$1\",\"recipient_agency\":\"56\",\"kind\":\"proposal\",\"signed_at_unix_ms\":\"$(date +%s%3N)\"}"; }
out=$(as 22366 "127.0.0.1:$NOM_PEER" call tdkt.nomination.v1.NominationFederationService/ReceiveProposal "$(envelope 22333)")
check "cert 22366 claiming 22333 (proposal): PERMISSION_DENIED naming both ($out)" eval '[[ $out == *PERMISSION_DENIED* && $out == *22366* && $out == *22333* ]]'
out=$(as 22366 "127.0.0.1:$REP_PEER" call tdkt.reporting.v1.ReportFederationService/ReceiveReport "$(envelope 22333)")
check "cert 22366 claiming 22333 (report): PERMISSION_DENIED ($out)" eval '[[ $out == *PERMISSION_DENIED* && $out == *22366* ]]'
out=$(as 22333 "127.0.0.1:$NOM_PEER" call tdkt.nomination.v1.NominationFederationService/ReceiveProposal "$(envelope 22333)")
check "cert 22333 as 22333 passes the certificate check, then the signature decides ($out)" eval '[[ $out == error:* && $out != *certificate* && $out != *"unknown command"* ]]'

((failures == 0)) || die "$failures check(s) failed (logs in $WORK; KEEP_WORK=1 keeps them)"
echo "mtls_test: all checks passed"
