#!/usr/bin/env bash
# The main job: install what is missing, build docproof and the reference implementation
# (the access-tokens scenario runs it against the embedded emulator), check docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
swift build --product docproof
swift build --product access-tokens-quickstart
"$(swift build --show-bin-path)/docproof" check docs "$@"
