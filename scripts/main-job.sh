#!/usr/bin/env bash
# The main job: install what is missing, build docproof and the reference implementations
# (the access-tokens and sign-request scenarios run them against the embedded emulator),
# check docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
swift build --product docproof
swift build --product access-tokens-quickstart
swift build --product sign-request-quickstart
"$(swift build --show-bin-path)/docproof" check docs "$@"
