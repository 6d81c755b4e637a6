# Sourced by the ensure-*.sh scripts. install_debian_package PACKAGE WHAT_NEEDS_IT installs Debian's PACKAGE when
# this user may (root, or sudo without a password), and otherwise says what to run and fails.
install_debian_package() {
  local package="$1" needed_by="$2" as_root=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root="sudo"
    else
      echo "Debian's $package is needed for $needed_by: run 'sudo apt-get install -y $package', then the tests again." >&2
      return 1
    fi
  fi
  echo "Installing Debian's $package for $needed_by..."
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null \
    || { $as_root apt-get update -qq && $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null; }
}
