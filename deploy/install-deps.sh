#!/usr/bin/env bash
# Installs the Debian 12 packages needed to build, test and run tdkt.
# Only packages that are missing are installed, so on a ready machine this is
# a fast no-op and needs neither network nor root.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libhiredis-dev prometheus-cpp-dev libjwt-dev nlohmann-json3-dev
  libicu-dev libssl-dev libgtest-dev libgmock-dev
  libxlsxwriter-dev  # yearly reports as .xlsx
  redis-server  # also pulls in redis-tools (redis-cli)
  jq curl       # scripted tests and README examples read JSON and /metrics
  openssl       # make demo and tests create Ed25519 node keys
  libcpp-httplib-dev  # campaign-media's public site (feeds, e-publication)
  chromium fonts-noto-core  # the e-publication and feed screenshot test (Vietnamese glyphs)
  prometheus    # only for its promtool: tests check deploy/prometheus/ (config, alert rules and their unit tests)
  python3-yaml  # helper "deploy" (issue 6): tests parse deploy/k8s and deploy/compose YAML
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  # Status is "install ok installed" only for a fully installed package.
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=()
if ((EUID != 0)); then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  SUDO=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update
"${SUDO[@]}" apt-get install -y "${missing[@]}"

# The Debian package enables a system redis on port 6379; we never use it
# (tdkt runs its own on 6380 under var/), so leave it alone rather than guess.
