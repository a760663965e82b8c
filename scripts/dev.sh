#!/usr/bin/env bash
# Install everything this project needs, then serve the site or run the tests.
#
#   bash scripts/dev.sh serve   # live-reloading site at http://127.0.0.1:8000/
#   bash scripts/dev.sh test    # the whole test suite, browser tests included
#
# Python packages are installed into .venv/ at the exact versions in
# constraints.txt (pyproject.toml declares the ranges the package accepts). Debian packages (Chromium, Pango, Poppler) are installed with apt when
# running as root; otherwise the script says exactly what to install.
# The tests also check every page with the Nu Html Checker: its jar comes from
# npm (vnu-jar, pinned in package-lock.json, installed into node_modules/) and
# runs on Debian's Java.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PYTHON=${PYTHON:-python3}
SITE_PACKAGES="libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"
TEST_PACKAGES="poppler-utils default-jre-headless"
# Browser tests drive Debian's Chromium unless CHROMIUM names another Chromium-based browser.
[ -n "${CHROMIUM:-}" ] || TEST_PACKAGES="$TEST_PACKAGES chromium"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

missing_debian_packages() {
  local package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || printf '%s ' "$package"
  done
}

ensure_debian_packages() {
  command -v dpkg-query >/dev/null || { say "Not Debian or Ubuntu: install $* with your package manager."; return 0; }
  local missing
  missing=$(missing_debian_packages "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    say "Installing Debian packages: $missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  elif command -v sudo >/dev/null; then
    say "Installing Debian packages with sudo: $missing"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "Missing Debian packages: $missing" >&2
    echo "Install them as root, then run this again:  apt-get update && apt-get install -y $missing" >&2
    exit 1
  fi
}

ensure_python_env() {
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "Python 3.11 or newer is needed; found $("$PYTHON" --version 2>&1)." >&2; exit 1; }
  if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV" 2>/dev/null || { ensure_debian_packages python3-venv; rm -rf "$VENV"; "$PYTHON" -m venv "$VENV"; }
  fi
  # Reinstall only when the ranges or the pins change.
  local stamp="$VENV/.installed-$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16)"
  if [ ! -e "$stamp" ]; then
    say "Installing the Python packages pinned in constraints.txt"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e '.[test,generator,zensical,properdocs]' -c constraints.txt
    rm -f "$VENV"/.installed-* && touch "$stamp"
  fi
}

ensure_node_modules() {
  command -v npm >/dev/null || ensure_debian_packages nodejs npm
  # Reinstall only when the lock file changes. --ignore-scripts: vnu-jar's
  # install script would download a Java runtime when it finds none; Debian's is used.
  local stamp="node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)"
  if [ ! -e "$stamp" ]; then
    say "Installing the Node packages pinned in package-lock.json (npm ci)"
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
    touch "$stamp"
  fi
}

export NO_MKDOCS_2_WARNING=1   # Material's notice about MkDocs 2.0 is not a build warning

case "${1:-}" in
  serve)
    ensure_debian_packages $SITE_PACKAGES
    ensure_python_env
    say "Serving the guide on 127.0.0.1:8000; open the address MkDocs prints below (Ctrl+C stops it)"
    exec "$VENV/bin/mkdocs" serve --dev-addr 127.0.0.1:8000 "${@:2}"
    ;;
  test)
    ensure_debian_packages $SITE_PACKAGES $TEST_PACKAGES
    ensure_python_env
    ensure_node_modules
    say "Running the whole test suite"
    exec "$VENV/bin/python" -m pytest "${@:2}"
    ;;
  *)
    echo "usage: bash scripts/dev.sh serve|test [extra arguments]" >&2
    exit 2
    ;;
esac
