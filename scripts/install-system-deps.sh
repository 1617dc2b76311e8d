#!/usr/bin/env bash
# Installs the Debian packages docproof builds against, only those that are missing.
# Uses sudo only when not running as root. Safe to run repeatedly.
set -euo pipefail

# Build: cmark-gfm, libxml2 and jemalloc (the executable's allocator). Main job: Python's
# venv module, for running the docs' Python code with the official SDK from PyPI.
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libjemalloc-dev pkg-config
  python3-venv)
# Main job: Node.js and a JDK run the JavaScript and Java pivots' code (whatever package
# provides them, so a Node.js from elsewhere counts).
command -v node >/dev/null 2>&1 || packages+=(nodejs)
{ command -v java && command -v keytool; } >/dev/null 2>&1 || packages+=(openjdk-17-jdk-headless)
if [ "${DOCPROOF_WITH_TEST_TOOLS:-0}" = 1 ]; then
  # Tools only the test suite needs: libxml2's xmllint, the cmark-gfm command line, and
  # headless Chromium to render the l10n HTML dashboard.
  packages+=(libxml2-utils cmark-gfm chromium)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
echo "docproof: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
