#!/bin/sh
# The standby's entrypoint. On first start (an empty volume) it copies the primary with pg_basebackup: -R writes
# standby.signal and primary_conninfo (with the replicator's password), -S streams through the primary's slot, -X
# stream brings the WAL written during the copy. Later starts find the data directory and stream on from where
# they stopped. Then the official image's own entrypoint runs PostgreSQL as a hot standby.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  gosu postgres env PGPASSWORD="$REPLICATION_PASSWORD" \
    pg_basebackup --host=primary --username=replicator --pgdata="$PGDATA" -R -X stream -S standby1 --checkpoint=fast
fi
exec docker-entrypoint.sh postgres -c hot_standby=on -c hot_standby_feedback=on
