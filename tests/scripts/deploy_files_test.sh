#!/usr/bin/env bash
# shellcheck disable=SC2015  # pass/fail always succeed: `COND && pass || fail` is an if-else
# Checks the deployment files of a node (issue 6), without deploying anything:
#   deploy/make-certs.sh  into a temp dir: node certs verify against the dev CA,
#                         the rogue one does not, SAN/EKU/key modes, re-run keeps files
#   deploy/systemd/       systemd-analyze verify (ExecStart pointed at stubs, so a
#                         "binary missing" message cannot hide a real one) + hardening
#   deploy/k8s, compose   every YAML parses; probes, ports, Redis persistence, and every
#                         TDKT_* setting is a real flag of some binary (--help)
#   docker compose config -q, only where docker compose exists.
# Needs openssl and python3 with PyYAML (deploy/install-deps.sh: python3-yaml).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/../../deploy/lib.sh"
cd "$ROOT"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() {  # check NAME COMMAND...: PASS when COMMAND succeeds
  local name=$1; shift
  if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name"; fi
}

# --- make-certs -------------------------------------------------------------
CERTS=$TMP/certs
CERTS_DIR=$CERTS CERTS_AGENCIES="TW 56" bash deploy/make-certs.sh >"$TMP/certs.log" 2>&1 ||
  { cat "$TMP/certs.log"; fail "make-certs.sh ran"; }
for a in TW 56; do
  check "cert $a verifies against the dev CA" openssl verify -CAfile "$CERTS/ca.pem" "$CERTS/$a.pem"
  san=$(openssl x509 -in "$CERTS/$a.pem" -noout -ext subjectAltName 2>/dev/null || true)
  [[ $san == *"URI:tdkt:agency:$a"* && $san == *"DNS:localhost"* && $san == *"IP Address:127.0.0.1"* ]] &&
    pass "cert $a has SAN URI:tdkt:agency:$a, localhost, 127.0.0.1" || fail "cert $a SAN: $san"
  eku=$(openssl x509 -in "$CERTS/$a.pem" -noout -ext extendedKeyUsage 2>/dev/null || true)
  [[ $eku == *"TLS Web Server Authentication"* && $eku == *"TLS Web Client Authentication"* ]] &&
    pass "cert $a is for server and client auth" || fail "cert $a EKU: $eku"
  [[ $(openssl x509 -in "$CERTS/$a.pem" -noout -subject) == *"CN = tdkt node $a"* ]] &&
    pass "cert $a CN" || fail "cert $a CN: $(openssl x509 -in "$CERTS/$a.pem" -noout -subject)"
  # The key belongs to the certificate.
  [[ $(openssl pkey -in "$CERTS/$a.key" -pubout 2>/dev/null) == $(openssl x509 -in "$CERTS/$a.pem" -noout -pubkey) ]] &&
    pass "key $a matches its cert" || fail "key $a does not match $a.pem"
done
if openssl verify -CAfile "$CERTS/ca.pem" "$CERTS/rogue.pem" >/dev/null 2>&1; then
  fail "rogue.pem must NOT verify against the dev CA"
else
  pass "rogue.pem is refused by the dev CA"
fi
check "rogue.pem verifies against its own CA" openssl verify -CAfile "$CERTS/rogue-ca.pem" "$CERTS/rogue.pem"
[[ $(openssl x509 -in "$CERTS/ca.pem" -noout -text) == *"prime256v1"* ]] && pass "CA key is EC P-256" ||
  fail "CA key is not P-256"
bad_modes=$(find "$CERTS" -name '*.key' ! -perm 0600)
[[ -z $bad_modes ]] && pass "keys are 0600" || fail "keys not 0600: $bad_modes"
before=$(sha256sum "$CERTS"/*.pem "$CERTS"/*.key)
CERTS_DIR=$CERTS CERTS_AGENCIES="TW 56" bash deploy/make-certs.sh >/dev/null 2>&1 || true
[[ $(sha256sum "$CERTS"/*.pem "$CERTS"/*.key) == "$before" ]] && pass "re-running make-certs keeps the files" ||
  fail "re-running make-certs changed files (only FORCE=1 may)"

# --- systemd ----------------------------------------------------------------
UNITS=$TMP/units
mkdir -p "$UNITS" "$TMP/bin"
# Stubs for every ExecStart binary: verify then checks our units, not this machine.
for bin in tdkt-nomination tdkt-evaluation tdkt-campaign-media tdkt-reporting tdkt-gateway redis-server; do
  printf '#!/bin/sh\n' >"$TMP/bin/$bin"
  chmod +x "$TMP/bin/$bin"
done
for f in deploy/systemd/*.service deploy/systemd/*.target; do
  sed -e "s|/opt/tdkt/bin/|$TMP/bin/|g" -e "s|/usr/bin/redis-server|$TMP/bin/redis-server|g" "$f" \
    >"$UNITS/$(basename "$f")"
done
if command -v systemd-analyze >/dev/null; then
  # verify exits 0 on unknown keys or bad values and only prints them: any output fails.
  out=$(cd "$UNITS" && systemd-analyze verify ./*.service ./*.target 2>&1) || out+=$'\n(exit status non-zero)'
  [[ -z $out ]] && pass "systemd-analyze verify deploy/systemd" ||
    { fail "systemd-analyze verify deploy/systemd"; echo "${out//$'\n'/$'\n'    }"; }
else
  echo "SKIP: systemd-analyze not installed; unit syntax not verified"
fi
for f in deploy/systemd/tdkt-*.service; do
  name=$(basename "$f")
  missing=()
  for want in "User=tdkt" "Restart=on-failure" "NoNewPrivileges=yes" "ProtectSystem=strict" \
    "ReadWritePaths=/var/lib/tdkt" "PrivateTmp=yes" "WantedBy=tdkt-node.target"; do
    grep -qx "$want" "$f" || missing+=("$want")
  done
  if [[ $name != tdkt-redis.service ]]; then
    grep -qx "EnvironmentFile=/etc/tdkt/node.env" "$f" || missing+=("EnvironmentFile=/etc/tdkt/node.env")
    grep -q "^ExecStart=/opt/tdkt/bin/" "$f" || missing+=("ExecStart=/opt/tdkt/bin/...")
  fi
  if [[ $name != tdkt-redis.service && $name != tdkt-gateway.service ]]; then
    grep -qx "Requires=tdkt-redis.service" "$f" || missing+=("Requires=tdkt-redis.service")
    grep -q "^After=.*tdkt-redis.service" "$f" || missing+=("After=tdkt-redis.service")
  fi
  ((${#missing[@]} == 0)) && pass "$name: user, restart, hardening, ordering" || fail "$name lacks: ${missing[*]}"
done
for unit in redis nomination evaluation campaign-media reporting gateway; do
  grep -q "tdkt-$unit.service" deploy/systemd/tdkt-node.target || fail "tdkt-node.target does not want tdkt-$unit"
done
check "bash -n deploy/systemd/install.sh" bash -n deploy/systemd/install.sh

# --- YAML: k8s and compose --------------------------------------------------
if ! python3 -c 'import yaml' 2>/dev/null; then
  fail "python3 PyYAML missing: run deploy/install-deps.sh (Debian package python3-yaml)"
else
  # Every TDKT_* setting the binaries accept, from their --help.
  flags=$TMP/flags
  : >"$flags"
  for bin in services/nomination/tdkt-nomination services/evaluation/tdkt-evaluation \
    services/campaign_media/tdkt-campaign-media services/reporting/tdkt-reporting services/gateway/tdkt-gateway; do
    [[ -x $BUILD_DIR/$bin ]] && "$BUILD_DIR/$bin" --help 2>&1 | grep -o 'TDKT_[A-Z0-9_]*' >>"$flags" || true
  done
  if python3 - "$flags" <<'PY'; then pass "k8s and compose YAML"; else fail "k8s and compose YAML"; fi
import glob, os, re, sys
import yaml

errors = []
def err(msg): errors.append(msg); print("    " + msg)

known = set(open(sys.argv[1]).read().split())
def check_env(where, names):
    if not known:
        return  # no binaries built: nothing to compare with
    for n in names:
        if n.startswith("TDKT_") and n not in known:
            err(f"{where}: {n} is not a setting of any tdkt binary (--help)")

docs = {}
for path in sorted(glob.glob("deploy/k8s/*.yaml") + glob.glob("deploy/compose/*.yml")):
    try:
        docs[path] = [d for d in yaml.safe_load_all(open(path)) if d is not None]
        print(f"    parsed {path} ({len(docs[path])} documents)")
    except yaml.YAMLError as e:
        err(f"{path}: {e}")

k8s = [(p, d) for p, ds in docs.items() if p.startswith("deploy/k8s/") for d in ds]
kinds = {}
for p, d in k8s:
    kinds.setdefault(d.get("kind"), []).append(d)

# kustomization lists every manifest.
kust = [d for p, d in k8s if d.get("kind") == "Kustomization"]
listed = set(kust[0].get("resources", [])) if kust else set()
for p in glob.glob("deploy/k8s/*.yaml"):
    if os.path.basename(p) != "kustomization.yaml" and os.path.basename(p) not in listed:
        err(f"kustomization.yaml does not list {os.path.basename(p)}")

def flag(args, name):
    for a in args or []:
        if a.startswith(f"--{name}="):
            return int(a.split("=", 1)[1])
    return None

grpc_services = {"nomination": 50051, "evaluation": 50052, "campaign-media": 50053, "reporting": 50054}
seen = set()
for d in kinds.get("Deployment", []):
    name = d["metadata"]["name"]
    spec = d["spec"]
    for c in spec["template"]["spec"]["containers"]:
        ports = {p["containerPort"] for p in c.get("ports", [])}
        named = {p.get("name"): p["containerPort"] for p in c.get("ports", [])}
        svc = name.removeprefix("tdkt-")
        for probe in ("readinessProbe", "livenessProbe"):
            pr = c.get(probe)
            if not pr:
                err(f"{name}: no {probe}"); continue
            if svc in grpc_services:
                port = (pr.get("grpc") or {}).get("port")
                if port is None:
                    err(f"{name}: {probe} is not a grpc probe")
                elif port not in ports or port != flag(c.get("args"), "grpc-port"):
                    err(f"{name}: {probe} grpc port {port} is not the container's --grpc-port")
            else:  # the gateway speaks HTTP
                port = (pr.get("httpGet") or {}).get("port")
                port = named.get(port, port)
                if port not in ports:
                    err(f"{name}: {probe} is not on a container port")
        if svc in grpc_services:
            seen.add(svc)
            if flag(c.get("args"), "grpc-port") != grpc_services[svc]:
                err(f"{name}: --grpc-port is not {grpc_services[svc]}")
        for ef in c.get("envFrom", []):
            ref = (ef.get("configMapRef") or {}).get("name")
            if ref and not any(m["metadata"]["name"] == ref for m in kinds.get("ConfigMap", [])):
                err(f"{name}: envFrom ConfigMap {ref} is not defined")
    if spec.get("replicas", 1) < 2:
        err(f"{name}: stateless, expected replicas >= 2")
    if not any(s["metadata"]["name"] == name for s in kinds.get("Service", [])):
        err(f"{name}: no Service of the same name")
for svc in grpc_services:
    if svc not in seen:
        err(f"no Deployment tdkt-{svc}")
if not any(d["metadata"]["name"] == "tdkt-gateway" for d in kinds.get("Deployment", [])):
    err("no Deployment tdkt-gateway")
for m in kinds.get("ConfigMap", []):
    if m["metadata"]["name"] == "tdkt-node":
        check_env("k8s ConfigMap tdkt-node", m.get("data", {}))

# Redis: a StatefulSet on a claim, its config with AOF + appendfsync always.
redis = [s for s in kinds.get("StatefulSet", []) if "redis" in s["metadata"]["name"]]
if not redis:
    err("no Redis StatefulSet")
for s in redis:
    claims = [t["metadata"]["name"] for t in s["spec"].get("volumeClaimTemplates", [])]
    if not claims:
        err(f"{s['metadata']['name']}: no volumeClaimTemplates")
    mounts = [m["name"] for c in s["spec"]["template"]["spec"]["containers"] for m in c.get("volumeMounts", [])]
    if not set(claims) & set(mounts):
        err(f"{s['metadata']['name']}: the claim is not mounted")
conf = "\n".join(v for m in kinds.get("ConfigMap", []) if "redis" in m["metadata"]["name"]
                 for v in m.get("data", {}).values())
for line in ("appendonly yes", "appendfsync always"):
    if not re.search(rf"^\s*{line}\s*$", conf, re.M):
        err(f"k8s Redis config lacks '{line}'")

# compose: Redis with AOF on a volume, every tdkt service with a healthcheck.
compose = docs.get("deploy/compose/docker-compose.yml", [{}])[0]
services = compose.get("services", {})
r = services.get("redis", {})
cmd = r.get("command", "")
cmd = " ".join(cmd) if isinstance(cmd, list) else cmd
if "--appendonly yes" not in cmd or "--appendfsync always" not in cmd:
    err("compose redis: not started with --appendonly yes --appendfsync always")
if not any(str(v).endswith(":/data") for v in r.get("volumes", [])):
    err("compose redis: /data is not on a volume")
for name in list(grpc_services) + ["gateway"]:
    s = services.get(name)
    if s is None:
        err(f"compose: no service {name}"); continue
    if "healthcheck" not in s:
        err(f"compose {name}: no healthcheck")
    cmd = s.get("command", [])
    if name in grpc_services and flag(cmd[1:], "grpc-port") != grpc_services[name]:
        err(f"compose {name}: --grpc-port is not {grpc_services[name]}")
env_file = "deploy/compose/node.env"
check_env(env_file, [l.split("=", 1)[0] for l in open(env_file) if re.match(r"^[A-Z_]+=", l)])
sys.exit(1 if errors else 0)
PY
  # The systemd env file too (commented-out settings included: they are documentation).
  if [[ -s $flags ]]; then
    # Plus the ones a unit substitutes into its own flags (${TDKT_GATEWAY_LISTEN_HOST}).
    # shellcheck disable=SC2016  # a literal ${...}
    grep -oh '\${TDKT_[A-Z0-9_]*}' deploy/systemd/*.service | tr -d '${}' >>"$flags" || true
    unknown=$(grep -o '^#\?TDKT_[A-Z0-9_]*' deploy/systemd/node.env.example | tr -d '#' | sort -u |
      grep -vxFf <(sort -u "$flags") || true)
    [[ -z $unknown ]] && pass "node.env.example: every TDKT_* is a real setting" ||
      fail "node.env.example: unknown settings: $unknown"
  else
    echo "SKIP: no binaries in $BUILD_DIR; TDKT_* names not compared with --help"
  fi
fi

if docker compose version >/dev/null 2>&1; then
  check "docker compose config -q" docker compose -f deploy/compose/docker-compose.yml config -q
else
  echo "SKIP: docker compose not installed; compose file only parsed as YAML"
fi

((failures == 0)) && echo "deploy_files_test: all checks passed" || echo "deploy_files_test: $failures failed"
((failures == 0))
