#!/bin/bash
# The PostgreSQL image's entry point, compatible with the official image's variables for
# what the ClaimPort stack uses: POSTGRES_USER (postgres), POSTGRES_PASSWORD (required
# unless POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_DB (the user's name),
# POSTGRES_INITDB_ARGS, and the *.sh and *.sql files of /docker-entrypoint-initdb.d, run
# once, on an empty data directory. Stop it with SIGINT (a fast shutdown; compose's
# stop_signal), as `docker import` cannot set a stop signal.
set -euo pipefail

if [ "${1:-}" != postgres ]; then
	exec "$@"
fi

: "${PGDATA:=/var/lib/postgresql/data}"
POSTGRES_USER=${POSTGRES_USER:-postgres}
POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}
AUTH_METHOD=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
	if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$AUTH_METHOD" != trust ]; then
		echo "POSTGRES_PASSWORD is not set: set it (or POSTGRES_HOST_AUTH_METHOD=trust, which is unsafe)" >&2
		exit 1
	fi
	mkdir -p "$PGDATA"
	chmod 0700 "$PGDATA"
	password_file=$(mktemp)
	printf '%s' "${POSTGRES_PASSWORD:-}" > "$password_file"
	# shellcheck disable=SC2086
	initdb --username="$POSTGRES_USER" --pwfile="$password_file" --auth-local=trust \
		--auth-host="$AUTH_METHOD" --encoding=UTF8 --locale=C.UTF-8 ${POSTGRES_INITDB_ARGS:-} -D "$PGDATA" > /dev/null
	rm -f "$password_file"
	printf 'host all all all %s\n' "$AUTH_METHOD" >> "$PGDATA/pg_hba.conf"

	# a server only this script can reach while the databases are made (its log line
	# "ready to accept connections" comes twice, as with the official image)
	pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -c unix_socket_directories=/var/run/postgresql" -w start
	if [ "$POSTGRES_DB" != postgres ]; then
		psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -q \
			-c "CREATE DATABASE \"$POSTGRES_DB\""
	fi
	for file in /docker-entrypoint-initdb.d/*; do
		case "$file" in
		*.sh) echo "running $file"; POSTGRES_USER="$POSTGRES_USER" POSTGRES_DB="$POSTGRES_DB" bash "$file" ;;
		*.sql) echo "running $file"; psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -q -f "$file" ;;
		*) ;;
		esac
	done
	pg_ctl -D "$PGDATA" -m fast -w stop > /dev/null
	echo "PostgreSQL initialised in $PGDATA"
fi

shift
exec postgres -D "$PGDATA" -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql "$@"
