#!/usr/bin/env bash
# What the gateway's security costs: requests/s and p50/p99 latency of the same trivial backend
# behind (1) the gateway with authentication, scopes, rate limits and the request log, (2) the
# same gateway's plain route, with none of them, (3) plain Spring Cloud Gateway, a separate app
# with one route, (4) nginx as a reference, and (5) the backend itself. See bench/README.md.
# Needs wrk, nginx and psql (apt-get install wrk nginx-light postgresql-client) and a JDK's jstat
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20s}
# warm-up: every Java setup is loaded WARMUP_PASS at a time, in turns, until in one pass each
# JVM's JIT compiler spent under JIT_QUIET percent of that JVM's load time compiling (at least
# WARMUP_MIN_PASSES passes, at most WARMUP_MAX minutes)
WARMUP_PASS=${WARMUP_PASS:-30s}
WARMUP_MIN_PASSES=${WARMUP_MIN_PASSES:-4}
WARMUP_MAX=${WARMUP_MAX:-40}
JIT_QUIET=${JIT_QUIET:-1}
ROUNDS=${ROUNDS:-5}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
BACKEND_PORT=18090 NGINX_PORT=18091 GATEWAY_PORT=18080 SCG_PORT=18081 PG_PORT=15433 KAFKA_PORT=19092
# A/B: COMPARE_JAR=<another build's gateway-*-exec.jar> runs that gateway too, on the same
# infrastructure with the same key, as the setup "compared", in the same interleaved rounds.
# COMPARE_OPTS: more arguments for that gateway, e.g. the same jar with
# COMPARE_OPTS=--claimport.gateway.request-log.journal.durability=strict
COMPARE_JAR=${COMPARE_JAR:-} COMPARE_PORT=18082 COMPARE_OPTS=${COMPARE_OPTS:-}

for tool in wrk nginx psql curl jstat; do
	command -v "$tool" > /dev/null || { echo "bench needs $tool (apt-get install wrk nginx-light postgresql-client curl; jstat comes with the JDK)"; exit 1; }
done

./mvnw -q -B -DskipTests package
./mvnw -q -B -f bench/plain-gateway/pom.xml -DskipTests package

WORK=$(mktemp -d /tmp/claimport-bench.XXXXXX)
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2> /dev/null || true; done
	nginx -p "$WORK" -c "$WORK/nginx.conf" -s stop 2> /dev/null || true
	wait 2> /dev/null || true
}
trap cleanup EXIT

# The backend answers from nginx's memory, so that it costs as little as possible; the reference
# proxy is a second nginx server block with keep-alive connections to it.
mkdir -p "$WORK/logs"
cat > "$WORK/nginx.conf" << EOF
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 4096; }
http {
	access_log off;
	upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
	server {
		listen 127.0.0.1:$BACKEND_PORT;
		location / { default_type application/json; return 200 '{"data":[],"page":0,"size":50,"totalElements":0}'; }
	}
	server {
		listen 127.0.0.1:$NGINX_PORT;
		location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
	}
}
EOF
nginx -p "$WORK" -c "$WORK/nginx.conf"

echo "Starting PostgreSQL and Kafka"
CLAIMPORT_DATA_DIR="$WORK/data" POSTGRES_PORT=$PG_PORT KAFKA_PORT=$KAFKA_PORT \
	java -Dclaimport.home="$PWD" -jar devstack/target/devstack-*-exec.jar --infra-only > "$WORK/infra.log" 2>&1 &
PIDS+=($!)
until grep -q "are running" "$WORK/infra.log"; do sleep 1; done

echo "Starting the gateway and plain Spring Cloud Gateway"
ROUTES=--spring.cloud.gateway.server.webflux.routes
declare -A JVM_PID
start_gateway() {
	local jar=$1 port=$2 name=$3
	shift 3
	java $JAVA_OPTS -jar "$jar" \
		--server.port="$port" --management.server.port=$((port + 100)) \
		$ROUTES[0].id=catalog $ROUTES[0].uri=http://127.0.0.1:$BACKEND_PORT "$ROUTES[0].predicates[0]=Path=/api/v1/products" \
		$ROUTES[1].id=plain $ROUTES[1].uri=http://127.0.0.1:$BACKEND_PORT "$ROUTES[1].predicates[0]=Path=/plain/**" \
		--claimport.gateway.request-log.excluded-paths=/actuator/**,/plain/** \
		--spring.datasource.url=jdbc:postgresql://localhost:$PG_PORT/claimport_gateway \
		--spring.kafka.bootstrap-servers=localhost:$KAFKA_PORT \
		--claimport.gateway.admin-token=bench-admin-token \
		--claimport.gateway.plans.enterprise.requests-per-minute=1000000 \
		--claimport.gateway.plans.enterprise.requests-per-day=1000000000000 \
		"$@" > "$WORK/$name.log" 2>&1 &
	PIDS+=($!)
	JVM_PID[$name]=$!
}
start_gateway "$(ls gateway/target/gateway-*-exec.jar)" $GATEWAY_PORT gateway
GATEWAY_PORTS=($GATEWAY_PORT)
if [[ -n "$COMPARE_JAR" ]]; then
	# shellcheck disable=SC2086 # COMPARE_OPTS is a list of arguments
	start_gateway "$COMPARE_JAR" $COMPARE_PORT compared $COMPARE_OPTS
	GATEWAY_PORTS+=($COMPARE_PORT)
fi
BACKEND_URL=http://127.0.0.1:$BACKEND_PORT java $JAVA_OPTS -jar bench/plain-gateway/target/plain-gateway-*-exec.jar \
	--server.port=$SCG_PORT > "$WORK/plain-gateway.log" 2>&1 &
PIDS+=($!)
JVM_PID[scg]=$!
for port in "${GATEWAY_PORTS[@]}"; do
	until curl -sf "http://localhost:$((port + 100))/actuator/health/readiness" > /dev/null; do sleep 1; done
done
until curl -sf "http://localhost:$SCG_PORT/actuator/health" > /dev/null; do sleep 1; done

# A key with just the scope the benchmarked call needs, so that the scope check is a real one.
OWNER=$(curl -sf -X POST "http://localhost:$GATEWAY_PORT/admin/v1/accounts" \
	-H "Authorization: Bearer bench-admin-token" -H "Content-Type: application/json" \
	-d '{"name": "Bench", "plan": "ENTERPRISE"}' | grep -o '"key":"[^"]*"' | cut -d'"' -f4)
KEY=$(curl -sf -X POST "http://localhost:$GATEWAY_PORT/api/v1/keys" -H "X-API-Key: $OWNER" \
	-H "Content-Type: application/json" -d '{"name": "Bench reader", "scopes": ["products:read"]}' \
	| grep -o '"key":"[^"]*"' | cut -d'"' -f4)
curl -sf -o /dev/null -H "X-API-Key: $KEY" "http://localhost:$GATEWAY_PORT/api/v1/products"

metric() {
	curl -sf "http://localhost:$((GATEWAY_PORT + 100))/actuator/metrics/$1" | grep -o '"value":[0-9.E]*' | head -1 | cut -d: -f2
}
transactions() {
	psql -qtA -h localhost -p $PG_PORT -U postgres -d claimport_gateway \
		-c "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = 'claimport_gateway'"
}

# A JVM's JIT compiler keeps compiling for many minutes under this load on two shared cores (the
# gateway, with more code on its paths, for over half an hour), and a compiling JVM is slower:
# so every Java setup is warmed up until its JIT is quiet, and the report says how much each one
# still compiled during the rounds. This machine's speed also drifts by ±15% over minutes: so the
# setups take turns, ROUNDS times, and each one's median counts.
SETUPS=(backend nginx scg plain gateway)
declare -A URL HEADER JVM
URL[backend]=http://127.0.0.1:$BACKEND_PORT/api/v1/products
URL[nginx]=http://127.0.0.1:$NGINX_PORT/api/v1/products
URL[scg]=http://127.0.0.1:$SCG_PORT/api/v1/products
URL[plain]=http://127.0.0.1:$GATEWAY_PORT/plain/api/v1/products
URL[gateway]=http://127.0.0.1:$GATEWAY_PORT/api/v1/products
HEADER[gateway]="X-API-Key: $KEY"
JVM[scg]=scg JVM[plain]=gateway JVM[gateway]=gateway
JAVA_SETUPS=(scg plain gateway) JVMS=(scg gateway)
if [[ -n "$COMPARE_JAR" ]]; then
	SETUPS+=(compared)
	URL[compared]=http://127.0.0.1:$COMPARE_PORT/api/v1/products
	HEADER[compared]="X-API-Key: $KEY"
	JVM[compared]=compared
	JAVA_SETUPS+=(compared) JVMS+=(compared)
fi

load() {
	local name=$1 duration=$2 out=$3
	local args=(-t"$THREADS" -c"$CONNECTIONS" --latency -d"$duration")
	[[ -n "${HEADER[$name]:-}" ]] && args+=(-H "${HEADER[$name]}")
	wrk "${args[@]}" "${URL[$name]}" > "$out"
}
jit_millis() { # the JVM's total JIT compile time so far
	jstat -compiler "${JVM_PID[$1]}" | awk 'NR == 2 { printf "%.0f\n", $4 * 1000 }'
}
seconds_of() { echo "${1%s}"; } # WARMUP_PASS is given in seconds: 30s
milliseconds() { # wrk prints latencies as 812.00us, 4.64ms or 1.02s
	awk '{ v = $1; if (v ~ /us$/) printf "%.3f\n", v / 1000; else if (v ~ /ms$/) printf "%.3f\n", v + 0;
		else printf "%.3f\n", v * 1000 }'
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "Warming up until every JVM's JIT is quiet: passes of $WARMUP_PASS per Java setup"
declare -A JIT_BEFORE LOADED
warmup_started=$SECONDS pass=0
while true; do
	pass=$((pass + 1))
	for jvm in "${JVMS[@]}"; do JIT_BEFORE[$jvm]=$(jit_millis "$jvm"); LOADED[$jvm]=0; done
	for name in "${JAVA_SETUPS[@]}"; do
		load "$name" "$WARMUP_PASS" /dev/null
		LOADED[${JVM[$name]}]=$((LOADED[${JVM[$name]}] + $(seconds_of "$WARMUP_PASS")))
	done
	quiet=true report=""
	for jvm in "${JVMS[@]}"; do
		compiled=$(($(jit_millis "$jvm") - JIT_BEFORE[$jvm]))
		share=$(awk -v c="$compiled" -v s="${LOADED[$jvm]}" 'BEGIN { printf "%.1f", c / (s * 10) }')
		report+=" $jvm ${share}%"
		awk -v p="$share" -v q="$JIT_QUIET" 'BEGIN { exit !(p >= q) }' && quiet=false
	done
	minutes=$(((SECONDS - warmup_started) / 60))
	echo "pass $pass ($minutes min): JIT compile time, as a share of each JVM's load time:$report"
	if $quiet && ((pass >= WARMUP_MIN_PASSES)); then break; fi
	if ((minutes >= WARMUP_MAX)); then
		echo "The JIT is still compiling after $WARMUP_MAX minutes: the results below include its cost"
		break
	fi
done
for name in backend nginx; do load "$name" 10s /dev/null; done

lookups_before=$(metric claimport.gateway.key.database.lookups)
transactions_before=$(transactions)
requests=0 non_2xx=0
for round in $(seq 1 "$ROUNDS"); do
	for name in "${SETUPS[@]}"; do
		out="$WORK/$name.$round.txt"
		[[ -n "${JVM[$name]:-}" ]] && jit_before=$(jit_millis "${JVM[$name]}")
		load "$name" "$DURATION" "$out"
		[[ -n "${JVM[$name]:-}" ]] && echo $(($(jit_millis "${JVM[$name]}") - jit_before)) >> "$WORK/$name.jit"
		awk '/Requests\/sec/ {print $2}' "$out" >> "$WORK/$name.rps"
		awk '$1 == "50%" {print $2}' "$out" | milliseconds >> "$WORK/$name.p50"
		awk '$1 == "99%" {print $2}' "$out" | milliseconds >> "$WORK/$name.p99"
		if [[ $name == gateway ]]; then
			requests=$((requests + $(awk '/requests in/ {print $1}' "$out")))
			non_2xx=$((non_2xx + $(awk '/Non-2xx/ {print $5}' "$out" | grep . || echo 0)))
		fi
	done
	ratio=$(awk -v g="$(tail -1 "$WORK/gateway.rps")" -v p="$(tail -1 "$WORK/plain.rps")" 'BEGIN {printf "%.3f", g / p}')
	echo "$ratio" >> "$WORK/ratio"
	echo "round $round: plain route $(tail -1 "$WORK/plain.rps"), gateway $(tail -1 "$WORK/gateway.rps") requests/s ($ratio), plain Spring Cloud Gateway $(tail -1 "$WORK/scg.rps")${COMPARE_JAR:+, compared $(tail -1 "$WORK/compared.rps" 2> /dev/null)}"
done
transactions_after=$(transactions)
lookups_after=$(metric claimport.gateway.key.database.lookups)
sleep 3
dropped=$(metric claimport.gateway.request_log.dropped)

declare -A RPS P50 P99
echo
echo "Medians of $ROUNDS rounds of $DURATION, $CONNECTIONS connections, $THREADS wrk threads:"
echo
echo "| setup | requests/s | p50 | p99 |"
echo "|---|---|---|---|"
for name in "${SETUPS[@]}"; do
	RPS[$name]=$(median < "$WORK/$name.rps")
	P50[$name]=$(median < "$WORK/$name.p50")
	P99[$name]=$(median < "$WORK/$name.p99")
	printf "| %s | %.0f | %.2f ms | %.2f ms |\n" "$name" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}"
done
echo
awk -v g="${RPS[gateway]}" -v p="${RPS[plain]}" -v n="${RPS[nginx]}" -v s="${RPS[scg]}" -v r="$(median < "$WORK/ratio")" 'BEGIN {
	printf "gateway / plain route: %.2f (%.1f%% lost to authentication, scopes, rate limits and the request log)\n", g / p, (1 - g / p) * 100
	printf "median of the rounds'"'"' own gateway / plain route ratios: %.2f\n", r
	printf "gateway / plain Spring Cloud Gateway: %.2f; plain route / plain Spring Cloud Gateway: %.2f\n", g / s, p / s
	printf "gateway / nginx: %.2f; plain route / nginx: %.2f\n", g / n, p / n }'
if [[ -n "$COMPARE_JAR" ]]; then
	awk -v g="${RPS[gateway]}" -v p="${RPS[plain]}" -v c="${RPS[compared]}" 'BEGIN {
		printf "compared / plain route: %.2f; gateway / compared: %.2f\n", c / p, g / c }'
fi
jit_report=""
for name in "${JAVA_SETUPS[@]}"; do jit_report+=" $name $(median < "$WORK/$name.jit") ms,"; done
echo "JIT compile time while each Java setup was measured (median per ${DURATION} round):${jit_report%,}"
echo "gateway requests measured: $requests; non-2xx answers: $non_2xx"
echo "key lookups in the database during the gateway's rounds: $(awk -v a="$lookups_after" -v b="$lookups_before" 'BEGIN {print a - b}')"
echo "gateway database transactions during all rounds: $((transactions_after - transactions_before)) (background jobs only)"
echo "request-log entries dropped: $dropped"
echo "raw wrk output: $WORK"
trap - EXIT
cleanup
