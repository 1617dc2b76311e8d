#!/usr/bin/env bash
# Builds the parse-speed benchmark in release and runs it; extra arguments go to it
# (e.g. --sizes 1,2,4 --iterations 21). Exits non-zero when a 1 MB page takes 50 ms or more
# (median) or per-MB parse times across sizes differ by more than a factor of 2.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
package="$root/Benchmarks/ParseSpeed"
echo "== building parse-speed (release)" >&2
if ! swift build --package-path "$package" -c release --product parse-speed \
  >"$package/.build-log.txt" 2>&1; then
  cat "$package/.build-log.txt" >&2
  echo "run-parse.sh: build failed" >&2
  exit 2
fi
bin="$(swift build --package-path "$package" -c release --show-bin-path)/parse-speed"
exec "$bin" "$@"
