#!/usr/bin/env bash
# Analytics: how fresh it is under a steady write load through the gateway, how fast a rebuild
# replays the events, and what the dashboard's metric queries cost over a million claims and
# orders of one account beside as many of another. Starts its own suite (ports 27080-27085,
# PostgreSQL 24513, Kafka 28172; bench/suite.sh) in a temporary directory; see bench/README.md.
# Settings are bench.py's options, passed through:
#   bench/analytics/run.sh --writes 10000 --rate 40 --rebuild-products 50000 --seed 1000000
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in python3 psql curl; do
	command -v "$tool" > /dev/null || { echo "bench needs $tool (apt-get install python3 postgresql-client curl)"; exit 1; }
done

[[ "${SKIP_BUILD:-}" == 1 ]] || ./mvnw -q -B -DskipTests package

WORK=$(mktemp -d /tmp/claimport-analytics-bench.XXXXXX)
source bench/suite.sh
start_suite "$WORK" 27000

python3 bench/analytics/bench.py --gateway "$GATEWAY" --admin-token="$ADMIN_TOKEN" --pg-port "$POSTGRES_PORT" \
	--analytics-management "http://localhost:$((ANALYTICS_PORT + 100))" --workdir "$WORK" "$@"
