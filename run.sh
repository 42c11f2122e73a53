#!/usr/bin/env bash
# Builds what is needed and runs the whole ClaimPort suite on this machine. Needs only a JDK 17+.
#   ./run.sh           start (data under .devstack/ survives restarts)
#   ./run.sh --reset   wipe .devstack/ first
#   ./run.sh --infra-only   only PostgreSQL and Kafka
#   CLAIMPORT_SKIP_BUILD=1 ./run.sh   start what is built, without building
# Ports and external Kafka/PostgreSQL: see README.md.
set -euo pipefail
cd "$(dirname "$0")"
[[ "${CLAIMPORT_SKIP_BUILD:-}" == 1 ]] || ./mvnw -q -B -DskipTests package
# A shell started in the background without job control ignores SIGINT, and a JVM keeps an
# ignored SIGINT ignored: give the launcher the default, so Ctrl-C and kill -INT stop it in
# every case, as SIGTERM does.
exec env --default-signal=INT java -Dclaimport.home="$PWD" -jar devstack/target/devstack-*-exec.jar "$@"
