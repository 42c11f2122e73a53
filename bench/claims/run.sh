#!/usr/bin/env bash
# Claims through the gateway: a bulk of 100 claims, one transition, and filtered listings over
# 100,000 claims of one account beside 100,000 of another, with the plans PostgreSQL chose.
# Starts its own suite (ports 28080-28085, PostgreSQL 25433, Kafka 29092; bench/suite.sh) in a temporary
# directory; see bench/README.md. Settings are bench.py's options, passed through:
#   bench/claims/run.sh --bulks 100 --transitions 2000 --seed-claims 100000
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in python3 psql curl; do
	command -v "$tool" > /dev/null || { echo "bench needs $tool (apt-get install python3 postgresql-client curl)"; exit 1; }
done

[[ "${SKIP_BUILD:-}" == 1 ]] || ./mvnw -q -B -DskipTests package

WORK=$(mktemp -d /tmp/claimport-claims-bench.XXXXXX)
source bench/suite.sh
start_suite "$WORK" 28000

python3 bench/claims/bench.py --gateway "$GATEWAY" --admin-token="$ADMIN_TOKEN" --pg-port "$POSTGRES_PORT" \
	--postgres-log-dir "$WORK/data/postgres/log" --workdir "$WORK" "$@"
echo "The plans in full: $WORK/claims-plans.txt"
