#!/usr/bin/env bash
# Installs one tdkt node on this machine under systemd (run as root, after
# `make build`): binaries into /opt/tdkt/bin, units into /etc/systemd/system,
# settings into /etc/tdkt (existing node.env and redis.conf are kept), data
# into /var/lib/tdkt, owned by a dedicated system user `tdkt`.
# Then: edit /etc/tdkt/node.env, `systemctl enable --now tdkt-node.target`.
# Not run by the tests (it changes the machine).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/../lib.sh"

((EUID == 0)) || die "run as root (it creates the tdkt user and writes /opt, /etc, /var/lib)"
BINARIES=(services/nomination/tdkt-nomination services/evaluation/tdkt-evaluation
  services/campaign_media/tdkt-campaign-media services/reporting/tdkt-reporting
  services/gateway/tdkt-gateway tools/tdktctl/tdktctl)
for bin in "${BINARIES[@]}"; do
  [[ -x $BUILD_DIR/$bin ]] || die "$BUILD_DIR/$bin not found; run 'make build' first"
done
command -v redis-server >/dev/null || die "redis-server missing: apt-get install redis-server"

id tdkt >/dev/null 2>&1 ||
  useradd --system --home-dir /var/lib/tdkt --shell /usr/sbin/nologin --user-group tdkt
install -d -m 0755 /opt/tdkt/bin /opt/tdkt/share /etc/tdkt
install -d -m 0700 -o tdkt -g tdkt /var/lib/tdkt /var/lib/tdkt/redis
for bin in "${BINARIES[@]}"; do install -m 0755 "$BUILD_DIR/$bin" /opt/tdkt/bin/; done
install -m 0644 "$ROOT/README.md" /opt/tdkt/README.md

# The full 2025 unit list when it sits next to the repository, else the demo slice.
UNITS=$ROOT/deploy/data/agencies-demo.json
[[ -f $ROOT/../shared/data/units-2025.json ]] && UNITS=$ROOT/../shared/data/units-2025.json
install -m 0644 "$UNITS" /opt/tdkt/share/agencies.json

# Settings are the operator's once written: never overwrite them.
[[ -f /etc/tdkt/node.env ]] || install -m 0640 -g tdkt "$ROOT/deploy/systemd/node.env.example" /etc/tdkt/node.env
if [[ ! -f /etc/tdkt/redis.conf ]]; then
  # Empty logfile: Redis logs to stdout, i.e. the journal.
  render_redis_conf 6380 /var/lib/tdkt/redis "" /etc/tdkt/redis.conf
  chmod 0640 /etc/tdkt/redis.conf
  chgrp tdkt /etc/tdkt/redis.conf
fi

install -m 0644 "$ROOT"/deploy/systemd/tdkt-*.service "$ROOT"/deploy/systemd/tdkt-node.target /etc/systemd/system/
systemctl daemon-reload
echo "installed; edit /etc/tdkt/node.env, then: systemctl enable --now tdkt-node.target"
