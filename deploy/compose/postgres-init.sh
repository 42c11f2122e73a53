#!/bin/bash
# Run once by the PostgreSQL image on an empty data directory: one database and one role per
# application, each role owning its own database only. Passwords come from the environment
# (.env), never from this file.
set -euo pipefail

for entry in gateway:claimport_gateway:GATEWAY_DB_PASSWORD catalog:claimport_catalog:CATALOG_DB_PASSWORD \
	orders:claimport_orders:ORDER_DB_PASSWORD claims:claimport_claims:CLAIMS_DB_PASSWORD \
	analytics:claimport_analytics:ANALYTICS_DB_PASSWORD audit:claimport_audit:AUDIT_DB_PASSWORD; do
	IFS=: read -r role database variable <<< "$entry"
	password=${!variable:?$variable is not set (see .env.example)}
	psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -q \
		--set=role="$role" --set=database="$database" --set=password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"role";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
SQL
	echo "database $database for role $role"
done
