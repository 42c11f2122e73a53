# Sourced by the benchmarks that need the whole suite: start_suite DIRECTORY PORT_BASE starts
# it with devstack in DIRECTORY, the gateway on PORT_BASE+80 (PORT_BASE+81 … +85 the services,
# PostgreSQL on PORT_BASE-2567, Kafka on PORT_BASE+1092), with an Enterprise plan whose limits
# no benchmark reaches (the limiter still runs on every request), waits until it runs and stops
# it when the calling script exits. Sets GATEWAY, ADMIN_TOKEN and POSTGRES_PORT.
start_suite() {
	local work=$1 base=$2
	export CLAIMPORT_DATA_DIR="$work/data" POSTGRES_PORT=$((base - 2567)) KAFKA_PORT=$((base + 1092))
	export GATEWAY_PORT=$((base + 80)) CATALOG_PORT=$((base + 81)) ORDER_PORT=$((base + 82))
	export CLAIMS_PORT=$((base + 83)) ANALYTICS_PORT=$((base + 84)) AUDIT_PORT=$((base + 85))
	# actuator: each service's port plus 100 (base+180 … base+185)
	export CLAIMPORT_GATEWAY_PLANS_ENTERPRISE_REQUESTSPERMINUTE=1000000
	export CLAIMPORT_GATEWAY_PLANS_ENTERPRISE_REQUESTSPERDAY=1000000000
	java -Dclaimport.home="$PWD" -jar devstack/target/devstack-*-exec.jar > "$work/devstack.log" 2>&1 &
	SUITE=$!
	trap 'kill -TERM $SUITE 2> /dev/null || true; wait $SUITE 2> /dev/null || true' EXIT
	echo "Starting the suite (log: $work/devstack.log)"
	until grep -q "ClaimPort is running" "$work/devstack.log"; do
		kill -0 $SUITE 2> /dev/null || { tail -30 "$work/devstack.log"; exit 1; }
		sleep 2
	done
	GATEWAY=http://localhost:$GATEWAY_PORT
	ADMIN_TOKEN=$(cat "$work/data/admin-token")
}
