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
as_root=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root="sudo"
  else
    echo "The console's end-to-end tests need Debian's chromium: run 'sudo apt-get install -y chromium', then npm test again." >&2
    exit 1
  fi
fi
echo "Installing Debian's chromium for the console's end-to-end tests (once, about a minute)..."
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
  || { $as_root apt-get update -qq && $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
"$chromium" --version
