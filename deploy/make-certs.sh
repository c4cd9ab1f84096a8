#!/usr/bin/env bash
# `make certs`: a development CA and one certificate per node agency, for
# mutual TLS between nodes (--tls-ca, --tls-cert, --tls-key). Each node
# certificate names its agency as the URI SAN "tdkt:agency:<A>" (what a
# receiving node checks against the agency the caller claims), plus
# localhost and 127.0.0.1. Also a "rogue" certificate from another CA, for
# tests that unknown peers are refused. EC P-256, openssl only.
# Env: CERTS_DIR (var/certs), CERTS_AGENCIES ("TW 56 22333 22366"),
#      FORCE=1 to replace existing files (kept otherwise).
set -euo pipefail
# shellcheck source=deploy/lib.sh
source "$(dirname "$0")/lib.sh"

DIR=${CERTS_DIR:-$ROOT/var/certs}
AGENCIES=${CERTS_AGENCIES:-TW 56 22333 22366}
mkdir -p "$DIR"
umask 077  # Keys readable by their owner only.

new_key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
have() { [[ -z ${FORCE:-} && -s $1 ]]; }

# ca NAME SUBJECT: a self-signed CA, 10 years.
ca() {
  have "$DIR/$1.pem" && return 0
  new_key "$DIR/$1.key"
  openssl req -x509 -new -key "$DIR/$1.key" -sha256 -days 3650 -subj "$2" \
    -addext "basicConstraints=critical,CA:true" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$DIR/$1.pem" 2>/dev/null
  echo "make-certs: $DIR/$1.pem (CA: $2)"
}

# node NAME AGENCY CA: a node certificate for AGENCY signed by CA, 2 years.
node() {
  local name=$1 agency=$2 ca=$3
  # Kept only while it still verifies against CA (a new CA re-signs the nodes).
  have "$DIR/$name.pem" && openssl verify -CAfile "$DIR/$ca.pem" "$DIR/$name.pem" >/dev/null 2>&1 && return 0
  new_key "$DIR/$name.key"
  openssl req -new -key "$DIR/$name.key" -subj "/O=tdkt/CN=tdkt node $agency" -out "$DIR/$name.csr" 2>/dev/null
  cat >"$DIR/$name.ext" <<EXT
basicConstraints=critical,CA:false
keyUsage=critical,digitalSignature,keyAgreement
extendedKeyUsage=serverAuth,clientAuth
subjectAltName=URI:tdkt:agency:$agency,DNS:localhost,IP:127.0.0.1
EXT
  openssl x509 -req -in "$DIR/$name.csr" -CA "$DIR/$ca.pem" -CAkey "$DIR/$ca.key" -CAcreateserial \
    -sha256 -days 730 -extfile "$DIR/$name.ext" -out "$DIR/$name.pem" 2>/dev/null
  rm -f "$DIR/$name.csr" "$DIR/$name.ext"
  echo "make-certs: $DIR/$name.pem (agency $agency, signed by $ca)"
}

ca ca "/O=tdkt/CN=tdkt development CA"
for agency in $AGENCIES; do node "$agency" "$agency" ca; done
ca rogue-ca "/O=elsewhere/CN=unknown CA"
node rogue 56 rogue-ca
chmod 644 "$DIR"/*.pem
echo "make-certs: in $DIR — give a node --tls-ca=$DIR/ca.pem --tls-cert=$DIR/<agency>.pem --tls-key=$DIR/<agency>.key"
