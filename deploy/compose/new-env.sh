#!/bin/bash
# Writes a .env for docker-compose.yml with fresh secrets: every database password, the admin
# token and the gateway's identity signing key (an EC P-256 private JWK, the same for every
# gateway replica). Needs openssl and coreutils' basenc. Refuses to overwrite an existing file.
#   deploy/compose/new-env.sh [FILE]      (default: .env beside docker-compose.yml)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
target=${1:-$ROOT/.env}
if [ -e "$target" ]; then
	echo "$target exists; move it away first to make new secrets" >&2
	exit 1
fi

secret() { openssl rand -base64 33 | tr '+/' '-_' | tr -d '=\n'; }

# hex (with or without colons) to base64url without padding, left-padded to $2 bytes
b64url() {
	local hex=${1//:/}
	while [ ${#hex} -gt $(($2 * 2)) ] && [ "${hex:0:2}" = 00 ]; do hex=${hex:2}; done
	while [ ${#hex} -lt $(($2 * 2)) ]; do hex="00$hex"; done
	printf '%s' "$hex" | xxd -r -p | basenc --base64url | tr -d '=\n'
}

signing_key() {
	local text priv pub x y d thumbprint
	text=$(openssl ecparam -name prime256v1 -genkey -noout | openssl ec -text -noout 2> /dev/null)
	priv=$(printf '%s\n' "$text" | sed -n '/^priv:/,/^pub:/p' | sed '1d;$d' | tr -d ' \n')
	pub=$(printf '%s\n' "$text" | sed -n '/^pub:/,/^ASN1 OID/p' | sed '1d;$d' | tr -d ' \n:')
	pub=${pub:2}   # 04: uncompressed point, then x and y
	d=$(b64url "$priv" 32)
	x=$(b64url "${pub:0:64}" 32)
	y=$(b64url "${pub:64:64}" 32)
	# RFC 7638 thumbprint as the key id, as the gateway makes its own
	thumbprint=$(printf '{"crv":"P-256","kty":"EC","x":"%s","y":"%s"}' "$x" "$y" \
		| openssl dgst -sha256 -binary | basenc --base64url | tr -d '=\n')
	printf '{"kty":"EC","use":"sig","crv":"P-256","kid":"%s","x":"%s","y":"%s","d":"%s"}' "$thumbprint" "$x" "$y" "$d"
}

umask 077
{
	sed -n '1,/^# --- secrets/p' "$ROOT/.env.example"
	echo "POSTGRES_PASSWORD=$(secret)"
	for name in GATEWAY CATALOG ORDER CLAIMS ANALYTICS AUDIT; do
		echo "${name}_DB_PASSWORD=$(secret)"
	done
	echo "CLAIMPORT_ADMIN_TOKEN=$(secret)"
	echo "GATEWAY_SIGNING_KEY=$(signing_key)"
	echo "GRAFANA_ADMIN_PASSWORD=$(secret)"
} > "$target"
echo "wrote $target (readable by you only)"
