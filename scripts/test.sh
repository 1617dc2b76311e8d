#!/usr/bin/env bash
# The whole test suite: system packages, a build of every target, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
DOCPROOF_WITH_TEST_TOOLS=1 bash scripts/install-system-deps.sh
swift build --build-tests
swift test --skip-build "$@"
