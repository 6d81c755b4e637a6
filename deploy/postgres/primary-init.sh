#!/bin/sh
# Run once by the official image's entrypoint, as postgres, when the primary's data directory is first made
# (/docker-entrypoint-initdb.d): the standby's login and its slot, then pg_hba.conf lets that login stream WAL.
# The slot keeps the WAL the standby has yet to receive while it is down, so it never needs a new base backup.
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v password="$REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SELECT pg_create_physical_replication_slot('standby1');
SQL
# "all" in pg_hba.conf's database column does not cover replication connections: they need a line of their own.
echo "host replication replicator all scram-sha-256" >>"$PGDATA/pg_hba.conf"
