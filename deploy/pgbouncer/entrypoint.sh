#!/bin/sh
# The userlist holds the one login the servers use through the pooler, provenance_app, with the password every
# server derives from AUTH_SECRET (server/src/db/app-login.ts: HMAC-SHA256 of "provenance_app database login"
# keyed with AUTH_SECRET, base64url without padding), so no password is kept anywhere but in AUTH_SECRET.
# PgBouncer checks the servers' SCRAM login against it and logs in to PostgreSQL with it in turn.
set -eu
password=$(printf '%s' 'provenance_app database login' | openssl dgst -sha256 -hmac "$AUTH_SECRET" -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')
printf '"provenance_app" "%s"\n' "$password" >/tmp/userlist.txt
exec pgbouncer /etc/pgbouncer/pgbouncer.ini
