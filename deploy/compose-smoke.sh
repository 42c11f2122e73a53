#!/usr/bin/env bash
# Proves docker-compose.yml on this machine, with no image registry: builds every image from
# Debian's packages and Maven artifacts (deploy/images/build.sh), brings the stack up, and then
#   1. runs the README's curl walkthrough against it;
#   2. scales catalog, analytics and the gateway to two replicas each and shows that one key's
#      rate limit holds exactly across both gateways, that every product event is published
#      once and counted once, and that both analytics replicas own partitions;
#   3. kills one replica of each scaled service (docker kill: SIGKILL) during a bounded write
#      loop and shows that every acknowledged write is there, analytics equals the sources and
#      the request log has every answered request;
#   4. tears everything down (KEEP=1 leaves it running).
# Needs root (debootstrap), a running dockerd, docker-compose, python3. SKIP_IMAGES=1 reuses
# images built before. bench/README.md, "Compose smoke", has what it printed and how long it took.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROJECT=${SMOKE_PROJECT:-claimport-smoke}
PORT=${SMOKE_PORT:-18080}
WRITE_SECONDS=${SMOKE_WRITE_SECONDS:-60}
BASE=http://localhost:$PORT
WORK=$(mktemp -d /tmp/compose-smoke.XXXXXX)
started=$(date +%s)

say() { printf '\n== %s (%d s)\n' "$*" $(($(date +%s) - started)); }
compose() { docker-compose -p "$PROJECT" --env-file "$WORK/smoke.env" -f "$ROOT/docker-compose.yml" "$@"; }
check() { python3 "$ROOT/deploy/compose_smoke.py" "$@"; }

teardown() {
	local status=$?
	if [ "${KEEP:-0}" = 1 ]; then
		echo "left running: docker-compose -p $PROJECT --env-file $WORK/smoke.env ..."
		return
	fi
	if [ $status -ne 0 ]; then
		compose ps || true
		compose logs --tail=40 > "$WORK/compose.log" 2>&1 || true
		echo "the last log lines of every container: $WORK/compose.log"
	fi
	say "tear down"
	compose down -v --remove-orphans > /dev/null 2>&1 || true
	echo "done in $(($(date +%s) - started)) s, exit status $status"
}

# every container of a service of this project is running and healthy
await_healthy() {
	local deadline=$(($(date +%s) + ${2:-300})) unhealthy
	while :; do
		unhealthy=""
		for id in $(docker ps -aq --filter "label=com.docker.compose.project=$PROJECT" \
			--filter "label=com.docker.compose.service=$1"); do
			[ "$(docker inspect --format '{{.State.Status}}/{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id")" \
				= running/healthy ] || unhealthy="$unhealthy $id"
		done
		[ -z "$unhealthy" ] && return 0
		if [ "$(date +%s)" -gt $deadline ]; then
			echo "not healthy in time: $1:$unhealthy" >&2
			return 1
		fi
		sleep 2
	done
}

replicas() {
	docker ps -q --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1"
}

store_failures() {
	docker exec "$1" curl -fsS http://localhost:8180/actuator/prometheus \
		| awk '/^claimport_gateway_rate_limit_store_failures_total/ { n += $NF } END { printf "%d", n }'
}

gateway_requests() {
	# every request the replica answered on its public port (its own scrapes left out)
	docker exec "$1" curl -fsS http://localhost:8180/actuator/prometheus \
		| awk '/^http_server_requests_seconds_count/ && !/uri="\/actuator/ { n += $NF } END { printf "%d", n }'
}

if [ "${SKIP_IMAGES:-0}" != 1 ]; then
	say "build the images without a registry"
	"$ROOT/deploy/images/build.sh"
fi
trap teardown EXIT

"$ROOT/deploy/compose/new-env.sh" "$WORK/smoke.env" > /dev/null
kafka_version=$("$ROOT/mvnw" -q -B -f "$ROOT/deploy/images/kafka/pom.xml" help:evaluate -Dexpression=kafka.version -DforceStdout)
sed -i -e "s#^POSTGRES_IMAGE=.*#POSTGRES_IMAGE=claimport/postgres:17#" \
	-e "s#^KAFKA_IMAGE=.*#KAFKA_IMAGE=claimport/kafka:$kafka_version#" \
	-e "s#^EDGE_IMAGE=.*#EDGE_IMAGE=claimport/edge:latest#" \
	-e "s#^CLAIMPORT_PORT=.*#CLAIMPORT_PORT=$PORT#" \
	-e "s#^REQUEST_LOG_DURABILITY=.*#REQUEST_LOG_DURABILITY=strict#" \
	-e "s#^PROMETHEUS_IMAGE=.*#PROMETHEUS_IMAGE=claimport/prometheus:latest#" \
	-e "s#^PROMETHEUS_PORT=.*#PROMETHEUS_PORT=${SMOKE_PROMETHEUS_PORT:-19090}#" "$WORK/smoke.env"
echo "CLAIMPORT_SUBNET=${SMOKE_SUBNET:-172.31.250.0/24}" >> "$WORK/smoke.env"

say "docker-compose up -d"
compose up -d
for service in gateway catalog-service order-service claims-service analytics-service audit-service; do
	await_healthy $service
done
setup=$(docker ps -aq --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=setup")
[ "$(docker wait "$setup")" = 0 ] || { docker logs "$setup"; exit 1; }
docker logs "$setup"
KEY=$(compose run --rm -T setup demo-key | tr -d '\r\n')
echo "stack up; the demo key read with: docker-compose run --rm setup demo-key"

say "1. the README's walkthrough"
awk '/^## Walkthrough with curl/ { found = 1 } found && /^```bash/ { inside = 1; next } inside && /^```/ { exit } inside' \
	"$ROOT/README.md" | sed -e "s#http://localhost:8080#$BASE#g" -e 's#^KEY=.*#KEY=$DEMO_KEY#' > "$WORK/walkthrough.sh"
DEMO_KEY=$KEY bash -eu "$WORK/walkthrough.sh" > "$WORK/walkthrough.out"
grep -q '"summary":{"total":2,"created":2,"failed":0}' "$WORK/walkthrough.out" || { cat "$WORK/walkthrough.out"; exit 1; }
grep -o '{"products":{"total":[^}]*}[^}]*}[^}]*}[^}]*}' "$WORK/walkthrough.out" | head -1
grep -q '"claims":{"total":2' "$WORK/walkthrough.out" || { echo "analytics did not count both claims"; exit 1; }
grep -q '"requestId"' "$WORK/walkthrough.out" || { echo "the request log answered nothing"; exit 1; }
echo "walkthrough: products, an order, a claim through its life cycle, an offline claim, analytics, the request log"

say "2. scale catalog, analytics and the gateway to two replicas"
compose up -d --scale catalog-service=2 --scale analytics-service=2 --scale gateway=2
for service in catalog-service analytics-service gateway; do await_healthy $service; done
compose ps
gateways=($(replicas gateway))
before=("$(gateway_requests "${gateways[0]}")" "$(gateway_requests "${gateways[1]}")")
check ratelimit "$BASE" "$KEY" || {
	for id in "${gateways[@]}"; do echo "gateway ${id:0:12}: $(store_failures "$id") decisions without the shared store"; done
	exit 1
}
for id in "${gateways[@]}"; do echo "gateway ${id:0:12}: $(store_failures "$id") decisions without the shared store"; done
after=("$(gateway_requests "${gateways[0]}")" "$(gateway_requests "${gateways[1]}")")
echo "requests per gateway replica during it: $((after[0] - before[0])) and $((after[1] - before[1]))"
[ $((after[0] - before[0])) -gt 0 ] && [ $((after[1] - before[1])) -gt 0 ] || { echo "one gateway took no request"; exit 1; }

check products "$BASE" "$KEY" 500
products_total=$(curl -fsS -H "X-API-Key: $KEY" "$BASE/api/v1/products?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalElements"])')
kafka=$(replicas kafka)
topic_records() {
	docker exec "$kafka" /opt/kafka/bin/kafka-get-offsets.sh --bootstrap-server localhost:9092 --topic "$1" 2> /dev/null \
		| awk -F: '{ n += $3 } END { print n + 0 }'
}
for attempt in $(seq 1 60); do
	published=$(topic_records claimport.catalog.products)
	counted=$(curl -fsS -H "X-API-Key: $KEY" "$BASE/api/v1/analytics" | python3 -c 'import json,sys; print(json.load(sys.stdin)["products"]["total"])')
	[ "$published" = "$products_total" ] && [ "$counted" = "$products_total" ] && break
	sleep 2
done
echo "product events: $products_total products in the catalog, $published records on claimport.catalog.products, $counted counted by analytics"
[ "$published" = "$products_total" ] && [ "$counted" = "$products_total" ] || { echo "published or counted other than once"; exit 1; }
docker exec "$kafka" /opt/kafka/bin/kafka-consumer-groups.sh --bootstrap-server localhost:9092 \
	--describe --group analytics-service 2> /dev/null | tee "$WORK/analytics-group.txt"
owners=$(awk '$2 ~ /^claimport\./ && $7 != "-" { print $7 }' "$WORK/analytics-group.txt" | sort -u | wc -l)
echo "analytics replicas owning partitions: $owners"
[ "$owners" = 2 ] || { echo "both analytics replicas should own partitions"; exit 1; }

say "2b. Prometheus of the observability profile scrapes every replica"
# Grafana, the collector and Jaeger have no Debian package to build them from here
compose --profile observability up -d prometheus
prometheus=http://localhost:${SMOKE_PROMETHEUS_PORT:-19090}
for attempt in $(seq 1 60); do
	up=$(curl -fsS "$prometheus/api/v1/targets" 2> /dev/null \
		| python3 -c 'import json,sys; t=json.load(sys.stdin)["data"]["activeTargets"]; print(sum(1 for x in t if x["health"]=="up"), len(t))' \
		2> /dev/null || echo "0 0")
	[ "$up" = "9 9" ] && break
	sleep 2
done
echo "scrape targets up, of all: $up (gateway, catalog and analytics twice, the other three once)"
[ "$up" = "9 9" ] || { curl -fsS "$prometheus/api/v1/targets"; exit 1; }
for query in 'sum by (job) (claimport_outbox_backlog_events)' 'count by (job) (up)' \
	'sum(claimport_projection_delay_seconds_count)'; do
	printf '%s -> ' "$query"
	curl -fsS --get "$prometheus/api/v1/query" --data-urlencode "query=$query" \
		| python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(", ".join("%s=%s" % (x["metric"].get("job","all"), x["value"][1]) for x in r) or "no data")'
done

say "3. docker kill one replica of each scaled service during a ${WRITE_SECONDS}-second write loop"
# an Enterprise account of its own (300 requests a minute), so the loop is not rate-limited
admin_token=$(grep '^CLAIMPORT_ADMIN_TOKEN=' "$WORK/smoke.env" | cut -d= -f2-)
WRITER_KEY=$(check account "$BASE" "$admin_token")
check writes "$BASE" "$WRITER_KEY" "$WRITE_SECONDS" "$WORK/acknowledged.json" &
writer=$!
killed=()
for service in gateway catalog-service analytics-service; do
	sleep $((WRITE_SECONDS / 5))
	victim=$(replicas $service | head -1)
	docker kill "$victim" > /dev/null
	killed+=("$victim")
	echo "killed $service replica ${victim:0:12} ($(($(date +%s) - started)) s)"
done
wait $writer
for victim in "${killed[@]}"; do
	# Docker's restart policy leaves alone a container the user killed: do what an
	# orchestrator does
	if [ "$(docker inspect --format '{{.State.Running}}' "$victim")" = true ]; then
		echo "${victim:0:12} was restarted by its restart policy"
	else
		docker start "$victim" > /dev/null
		echo "${victim:0:12} started again (docker start, as an orchestrator would)"
	fi
done
for service in catalog-service analytics-service gateway; do await_healthy $service; done
echo "the killed replicas are back (the gateway's journal volume kept what it had not sent)"
check verify "$BASE" "$WRITER_KEY" "$WORK/acknowledged.json"

say "all checks passed"
