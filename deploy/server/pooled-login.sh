#!/bin/sh
# Runs a server of the scaled profile with its database logins made from AUTH_SECRET: provenance_app's password is
# derived from it (server/src/db/app-login.ts), and PgBouncer's userlist is made the same way
# (deploy/pgbouncer/entrypoint.sh). The pool goes through PgBouncer (APP_POOLER, host:port), the stale-tolerant
# reads to the standbys (APP_REPLICAS, host:port,...), each logging in as the pool does.
set -eu
password=$(node -e "process.stdout.write(require('node:crypto').createHmac('sha256', process.env.AUTH_SECRET).update('provenance_app database login').digest('base64url'))")
DATABASE_APP_URL="postgres://provenance_app:${password}@${APP_POOLER}/provenance"
DATABASE_REPLICA_URLS=$(printf '%s' "$APP_REPLICAS" | tr ',' '\n' | sed "s|.*|postgres://provenance_app:${password}@&/provenance|" | paste -sd, -)
export DATABASE_APP_URL DATABASE_REPLICA_URLS
exec "$@"
