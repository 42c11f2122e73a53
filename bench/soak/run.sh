#!/usr/bin/env bash
# The soak benchmark: a mix of reads and writes through the gateway at 80% of the maximum
# the suite reached, for ten minutes; errors, p50/p99 per minute, and every JVM's heap after a
# full GC at the start and at the end. Starts its own suite (ports 38080-38085, PostgreSQL
# 35433, Kafka 39092) in a temporary directory; see bench/README.md ("Soak").
#   bench/soak/run.sh            SOAK_SECONDS=600 SHARE=80 CLIENTS=32 MAX_SECONDS=60
set -euo pipefail
cd "$(dirname "$0")/../.."

SOAK_SECONDS=${SOAK_SECONDS:-600} SHARE=${SHARE:-80} CLIENTS=${CLIENTS:-32} MAX_SECONDS=${MAX_SECONDS:-60}
WARMUP_ROUNDS=${WARMUP_ROUNDS:-3}
for tool in curl jcmd jstat; do
	command -v "$tool" > /dev/null || { echo "bench needs $tool (curl; jcmd and jstat come with the JDK)"; exit 1; }
done
[[ "${SKIP_BUILD:-}" == 1 ]] || ./mvnw -q -B -DskipTests package

WORK=$(mktemp -d /tmp/claimport-soak.XXXXXX)
source bench/suite.sh
start_suite "$WORK" 38000
KEY=$(curl -sf -X POST "$GATEWAY/admin/v1/accounts" -H "Authorization: Bearer $ADMIN_TOKEN" \
	-H "Content-Type: application/json" -d '{"name": "Soak", "plan": "ENTERPRISE"}' | grep -o '"key":"[^"]*"' | cut -d'"' -f4)

heaps() { # every JVM of the suite: its heap in use right after a full GC
	for name in gateway catalog-service order-service claims-service analytics-service audit-service kafka; do
		if [[ $name == kafka ]]; then pid=$(pgrep -f -- "loader.main=io.claimport.infra.KafkaBroker")
		else pid=$(pgrep -f -- "/$name/target/$name-"); fi
		jcmd "$pid" GC.run > /dev/null
		jstat -gc "$pid" | awk -v name="$name" 'NR == 2 { printf "  %-18s %6.1f MB\n", name, ($3 + $4 + $6 + $8) / 1024 }'
	done
}

echo "Warm-up: $WARMUP_ROUNDS rounds of $MAX_SECONDS s as fast as $CLIENTS clients go"
for round in $(seq "$WARMUP_ROUNDS"); do java bench/soak/Soak.java max "$GATEWAY" "$KEY" "$MAX_SECONDS" "$CLIENTS"; done
echo "The maximum:"
MAX=$(java bench/soak/Soak.java max "$GATEWAY" "$KEY" "$MAX_SECONDS" "$CLIENTS" | tee /dev/stderr \
	| sed -n 's/.*: \([0-9]*\) requests\/s.*/\1/p')
RATE=$((MAX * SHARE / 100))
echo "Heap after a full GC, at the start:"
heaps
java bench/soak/Soak.java rate "$GATEWAY" "$KEY" "$SOAK_SECONDS" "$RATE" 60
echo "Heap after a full GC, at the end:"
heaps
