#!/usr/bin/env bash
# The main job: install what is missing, build docproof, check the shipped quickstart set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
swift build --product docproof
"$(swift build --show-bin-path)/docproof" check docs "$@"
