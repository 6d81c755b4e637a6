#!/usr/bin/env bash
# The console's end-to-end tests drive Debian's chromium through playwright-core, which never downloads a browser
# here. Run by `npm test` and by .ci/run: installs chromium when it is missing and this user may (root, or sudo
# without a password), and otherwise says what to do.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable: point it at a chromium or chrome binary." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "The console's end-to-end tests need chromium, and there is none at /usr/bin/chromium: install it, and set CHROMIUM_PATH if it lives elsewhere." >&2
  exit 1
fi
# shellcheck source=install-debian-package.sh
source "$(dirname "$0")/install-debian-package.sh"
install_debian_package chromium "the console's end-to-end tests (once, about a minute)"
"$chromium" --version
