#!/usr/bin/env bash
# The whole test suite: system packages, a build of every target, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCPROOF_WITH_TEST_TOOLS=1 bash scripts/install-system-deps.sh
# The style is part of the suite: an unformatted file fails it before anything builds.
swift format lint --strict -r Sources Tests Package.swift
swift build --build-tests
swift test --skip-build "$@"
