#!/bin/bash
# The Kafka image's entry point, compatible with the apache/kafka image's variables: every
# KAFKA_* variable is a broker setting (KAFKA_NODE_ID -> node.id, KAFKA_PROCESS_ROLES ->
# process.roles; a double underscore is a dash, a triple one an underscore), CLUSTER_ID
# formats the log directory on first start. Runs Kafka's own main classes from the Maven
# artifacts in /opt/kafka/libs.
set -euo pipefail

config=/opt/kafka/config/server.properties
: "${KAFKA_LOG_DIRS:=/var/lib/kafka/data}"
export KAFKA_LOG_DIRS
: > "$config"
while IFS='=' read -r name value; do
	case "$name" in
	KAFKA_HEAP_OPTS | KAFKA_OPTS | KAFKA_JVM_OPTS) continue ;;
	KAFKA_*) ;;
	*) continue ;;
	esac
	key=${name#KAFKA_}
	key=${key//___/%U%}
	key=${key//__/-}
	key=${key//_/.}
	key=${key//%U%/_}
	printf '%s=%s\n' "${key,,}" "$value" >> "$config"
done < <(env)

java_opts=(${KAFKA_HEAP_OPTS:--Xmx512m -Xms512m} ${KAFKA_JVM_OPTS:-} -Dlogback.configurationFile=/opt/kafka/config/logback.xml
	-cp '/opt/kafka/libs/*')

if [ ! -f "$KAFKA_LOG_DIRS/meta.properties" ]; then
	: "${CLUSTER_ID:?set CLUSTER_ID (any 22-character base64 id, the same for every node) to format a new log directory}"
	java "${java_opts[@]}" kafka.tools.StorageTool format --config "$config" --cluster-id "$CLUSTER_ID" --ignore-formatted
fi
exec java "${java_opts[@]}" ${KAFKA_OPTS:-} kafka.Kafka "$config"
