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
# shellcheck source=install-debian-package.sh
source "$(dirname "$0")/install-debian-package.sh"
install_debian_package pgbouncer "the pooler test"
