#!/usr/bin/env bash
# Builds what is needed and runs the whole ClaimPort suite on this machine. Needs only a JDK 17+.
#   ./run.sh           start (data under .devstack/ survives restarts)
#   ./run.sh --reset   wipe .devstack/ first
# Ports and external Kafka/PostgreSQL: see README.md.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests package
exec java -Dclaimport.home="$PWD" -jar devstack/target/devstack-*-exec.jar "$@"
