#!/bin/bash
# The compose stack's one-shot setup, run after the gateway is healthy: on first start it
# opens a demo account (plan BUSINESS) and keeps its API key in the setup volume, readable by
# this container's user only. The key is never printed to the log: read it with
#   docker-compose run --rm setup demo-key
set -euo pipefail

key_file=/var/lib/claimport/demo-key
gateway=${GATEWAY_URL:-http://gateway:8080}

if [ "${1:-}" = demo-key ]; then
	cat "$key_file"
	echo
	exit 0
fi

if [ -s "$key_file" ]; then
	echo "The demo account exists. Its API key: docker-compose run --rm setup demo-key"
	exit 0
fi

for attempt in $(seq 1 60); do
	answer=$(curl -sS -w '\n%{http_code}' -X POST "$gateway/admin/v1/accounts" \
		-H "Authorization: Bearer $CLAIMPORT_ADMIN_TOKEN" -H 'Content-Type: application/json' \
		-d '{"name": "Demo Store", "plan": "BUSINESS"}' 2> /dev/null) || answer=$'\n000'
	status=${answer##*$'\n'}
	if [ "$status" = 201 ]; then
		key=$(printf '%s' "${answer%$'\n'*}" | grep -o '"key":"[^"]*"' | head -1 | cut -d'"' -f4)
		umask 077
		printf '%s' "$key" > "$key_file"
		echo "Opened the demo account. Its API key: docker-compose run --rm setup demo-key"
		echo "Then: curl -H \"X-API-Key: \$KEY\" http://localhost:\${CLAIMPORT_PORT:-8080}/api/v1/products"
		exit 0
	fi
	echo "gateway answered $status, trying again (attempt $attempt)"
	sleep 2
done
echo "could not open the demo account" >&2
exit 1
