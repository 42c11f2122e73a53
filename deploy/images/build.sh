#!/usr/bin/env bash
# Builds every image the stack needs on a machine that reaches no image registry: the JRE
# base, PostgreSQL and a KRaft Kafka broker from Debian's packages (debootstrap) and Maven
# artifacts, then the six applications with Jib onto that base. Needs root (debootstrap,
# chroot) and a running Docker engine.
#
#   deploy/images/build.sh            # everything
#   deploy/images/build.sh base postgres kafka edge prometheus apps   # any of them, in this order
#
# Settings (environment): DEBIAN_SUITE (trixie), DEBIAN_MIRROR (http://deb.debian.org/debian),
# IMAGE_PREFIX (claimport), IMAGE_WORK_DIR (/var/tmp/claimport-images: root file systems and
# the package cache, reused by the next run).
#
# Images: $IMAGE_PREFIX/jre:21 (the applications' base), postgres:17, kafka:<version> (and
# :latest), edge:latest (nginx, the load balancer in front of the gateways), prometheus:latest
# (the observability profile's; Grafana, the collector and Jaeger have no Debian package), and the six
# applications at the project's version, its commit and latest.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SUITE=${DEBIAN_SUITE:-trixie}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
PREFIX=${IMAGE_PREFIX:-claimport}
WORK=${IMAGE_WORK_DIR:-/var/tmp/claimport-images}
JAVA_PACKAGE=openjdk-21-jre-headless
POSTGRES_MAJOR=17

BASE_IMAGE="$PREFIX/jre:21"
POSTGRES_IMAGE="$PREFIX/postgres:$POSTGRES_MAJOR"

log() { printf '[images] %s\n' "$*" >&2; }

require() {
	[ "$(id -u)" = 0 ] || { log "run as root: debootstrap and chroot need it"; exit 1; }
	command -v debootstrap > /dev/null || { log "install debootstrap (apt-get install debootstrap)"; exit 1; }
	docker info > /dev/null 2>&1 || { log "no Docker engine answers: start dockerd"; exit 1; }
}

# A minimal Debian root file system with the given packages, its apt lists and
# documentation removed; the .deb files stay in the shared cache for the next run.
rootfs() {
	local name=$1 packages=$2 dir="$WORK/$1"
	rm -rf "$dir"
	mkdir -p "$WORK/cache" "$dir"
	log "debootstrap $SUITE into $dir: $packages"
	debootstrap --variant=minbase --cache-dir="$WORK/cache" --include="$packages" \
		"$SUITE" "$dir" "$MIRROR" > "$WORK/$name.debootstrap.log" 2>&1 \
		|| { log "debootstrap failed; see $WORK/$name.debootstrap.log"; tail -5 "$WORK/$name.debootstrap.log" >&2; exit 1; }
	rm -rf "$dir"/var/lib/apt/lists/* "$dir"/var/cache/apt/*.bin "$dir"/usr/share/doc/* \
		"$dir"/usr/share/man/* "$dir"/usr/share/info/* "$dir"/var/log/*.log
	echo "$dir"
}

import() {
	local dir=$1 image=$2
	shift 2
	log "docker import $image"
	tar --numeric-owner -C "$dir" -c . | docker import "$@" - "$image" > /dev/null
}

build_base() {
	local dir
	dir=$(rootfs jre "$JAVA_PACKAGE,ca-certificates,curl,netcat-openbsd")
	import "$dir" "$BASE_IMAGE" \
		--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
		--change 'ENV LANG=C.UTF-8' \
		--change 'ENV JAVA_HOME=/usr/lib/jvm/java-21-openjdk-amd64'
}

build_postgres() {
	local dir
	dir=$(rootfs postgres "postgresql-$POSTGRES_MAJOR,ca-certificates")
	install -m 0755 "$ROOT/deploy/images/postgres/entrypoint.sh" "$dir/usr/local/bin/docker-entrypoint.sh"
	mkdir -p "$dir/docker-entrypoint-initdb.d" "$dir/var/lib/postgresql/data" "$dir/var/run/postgresql"
	chroot "$dir" chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
	chmod 0700 "$dir/var/lib/postgresql/data"
	import "$dir" "$POSTGRES_IMAGE" \
		--change "ENV PATH=/usr/lib/postgresql/$POSTGRES_MAJOR/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
		--change 'ENV PGDATA=/var/lib/postgresql/data' \
		--change 'ENV LANG=C.UTF-8' \
		--change 'USER postgres' \
		--change 'EXPOSE 5432' \
		--change 'VOLUME /var/lib/postgresql/data' \
		--change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
		--change 'CMD ["postgres"]'
}

build_kafka() {
	local version dir
	version=$("$ROOT/mvnw" -q -B -f "$ROOT/deploy/images/kafka/pom.xml" help:evaluate \
		-Dexpression=kafka.version -DforceStdout)
	[ -d "$WORK/jre" ] || build_base > /dev/null
	dir="$WORK/kafka"
	rm -rf "$dir"
	log "Kafka $version from Maven artifacts onto the JRE root file system"
	cp -a "$WORK/jre" "$dir"
	mkdir -p "$dir/opt/kafka/libs" "$dir/opt/kafka/config" "$dir/var/lib/kafka/data"
	"$ROOT/mvnw" -q -B -f "$ROOT/deploy/images/kafka/pom.xml" dependency:copy-dependencies \
		-DincludeScope=runtime -DoutputDirectory="$dir/opt/kafka/libs"
	install -m 0755 "$ROOT/deploy/images/kafka/run.sh" "$dir/opt/kafka/run.sh"
	# the tools at the paths the apache/kafka image has them
	mkdir -p "$dir/opt/kafka/bin"
	tool() {
		printf '#!/bin/sh\nexec java ${KAFKA_TOOL_OPTS:--Xmx256m} -Dlogback.configurationFile=/opt/kafka/config/tools-logback.xml -cp "/opt/kafka/libs/*" %s "$@"\n' "$2" \
			> "$dir/opt/kafka/bin/$1"
		chmod 0755 "$dir/opt/kafka/bin/$1"
	}
	tool kafka-run-class.sh ''
	tool kafka-topics.sh org.apache.kafka.tools.TopicCommand
	tool kafka-get-offsets.sh org.apache.kafka.tools.GetOffsetShell
	tool kafka-consumer-groups.sh org.apache.kafka.tools.consumer.group.ConsumerGroupCommand
	tool kafka-console-consumer.sh org.apache.kafka.tools.consumer.ConsoleConsumer
	tool kafka-storage.sh kafka.tools.StorageTool
	install -m 0644 "$ROOT/deploy/images/kafka/logback.xml" "$dir/opt/kafka/config/logback.xml"
	install -m 0644 "$ROOT/deploy/images/kafka/tools-logback.xml" "$dir/opt/kafka/config/tools-logback.xml"
	# where the apache/kafka image keeps its start script, which Testcontainers runs
	mkdir -p "$dir/etc/kafka/docker"
	ln -s /opt/kafka/run.sh "$dir/etc/kafka/docker/run"
	chroot "$dir" useradd --uid 1000 --home-dir /var/lib/kafka --no-create-home appuser
	chroot "$dir" chown -R 1000:1000 /var/lib/kafka /opt/kafka/config
	import "$dir" "$PREFIX/kafka:$version" \
		--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
		--change 'ENV LANG=C.UTF-8' \
		--change 'USER 1000' \
		--change 'EXPOSE 9092' \
		--change 'VOLUME /var/lib/kafka/data' \
		--change 'ENTRYPOINT ["/opt/kafka/run.sh"]'
	docker tag "$PREFIX/kafka:$version" "$PREFIX/kafka:latest"
}

build_edge() {
	local dir
	dir=$(rootfs edge "nginx,ca-certificates")
	import "$dir" "$PREFIX/edge:latest" \
		--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
		--change 'EXPOSE 8080' \
		--change 'CMD ["nginx", "-g", "daemon off;"]'
}

# Prometheus from Debian's package, laid out as the prom/prometheus image is (configuration in
# /etc/prometheus, data in /prometheus, user nobody), for the observability profile. Debian has
# no package of Grafana, the OpenTelemetry collector or Jaeger, so those stay public images.
build_prometheus() {
	local dir
	dir=$(rootfs prometheus "prometheus,ca-certificates")
	mkdir -p "$dir/prometheus"
	chroot "$dir" chown nobody:nogroup /prometheus
	import "$dir" "$PREFIX/prometheus:latest" \
		--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
		--change 'USER nobody' \
		--change 'EXPOSE 9090' \
		--change 'VOLUME /prometheus' \
		--change 'WORKDIR /prometheus' \
		--change 'ENTRYPOINT ["/usr/bin/prometheus"]' \
		--change 'CMD ["--config.file=/etc/prometheus/prometheus.yml", "--storage.tsdb.path=/prometheus"]'
}

build_apps() {
	log "the six applications with Jib onto docker://$BASE_IMAGE"
	(cd "$ROOT" && ./mvnw -B -q -Pimages -DskipTests package \
		-Dimage.base="docker://$BASE_IMAGE" -Dimage.prefix="$PREFIX")
}

require
steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(base postgres kafka edge prometheus apps)
started=$(date +%s)
for step in "${steps[@]}"; do
	case "$step" in
	base) build_base ;;
	postgres) build_postgres ;;
	kafka) build_kafka ;;
	edge) build_edge ;;
	prometheus) build_prometheus ;;
	apps) build_apps ;;
	*) log "unknown step '$step' (base, postgres, kafka, edge, prometheus, apps)"; exit 2 ;;
	esac
done
log "done in $(($(date +%s) - started)) s:"
docker images --filter "reference=$PREFIX/*" --format '  {{.Repository}}:{{.Tag}}  {{.Size}}' >&2
