#!/usr/bin/env bash
# server/test/pgbouncer.test.ts runs the API through PgBouncer and fails under CI when there is none. Run by .ci/run:
# installs Debian's pgbouncer when it is missing and this user may (root, or sudo without a password), and
# otherwise says what to do. `npm test` does not run it: on a machine without pgbouncer that test says why it did
# not run instead.
set -euo pipefail
if [ -n "${PGBOUNCER_PATH:-}" ]; then
  [ -x "$PGBOUNCER_PATH" ] && exit 0
  echo "PGBOUNCER_PATH=$PGBOUNCER_PATH is not an executable: point it at a pgbouncer binary." >&2
  exit 1
fi
if command -v pgbouncer >/dev/null 2>&1 || [ -x /usr/sbin/pgbouncer ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The pooler test needs pgbouncer, and there is none on PATH or in /usr/sbin: install it, or set PGBOUNCER_PATH." >&2
  exit 1
fi
as_root=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root="sudo"
  else
    echo "The pooler test needs Debian's pgbouncer: run 'sudo apt-get install -y pgbouncer', then the tests again." >&2
    exit 1
  fi
fi
echo "Installing Debian's pgbouncer for the pooler test..."
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null \
  || { $as_root apt-get update -qq && $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null; }
