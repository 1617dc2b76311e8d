#!/usr/bin/env bash
# Benchmarks/run-learn.sh: `docproof check` with no argument at the root of each real Learn
# repository in ../shared/corpora (as a writer runs it), release build. Prints the median wall
# time and peak RSS of BENCH_RUNS runs (default 5) per repository, and its Markdown files;
# exit status 1 when a median is a second or more (the target: well under a second for a
# repository of 700 pages).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
corpora="$(dirname "$root")/shared/corpora"
runs=${BENCH_RUNS:-5}
cd "$root"
bash scripts/install-system-deps.sh
if ! command -v /usr/bin/time >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends time >/dev/null
fi
swift build -c release --product docproof >/dev/null 2>&1
docproof="$(swift build -c release --show-bin-path)/docproof"
status=0
printf '%-24s %8s %10s %10s\n' repository files "wall (s)" "RSS (MiB)"
for repository in azure-aks-docs azure-docs-cli azure-docs-cli.ru-ru; do
  folder="$corpora/$repository"
  [ -d "$folder" ] || continue
  files=$(find "$folder" -name '*.md' | wc -l)
  samples=$(mktemp)
  for ((run = 1; run <= runs; run++)); do
    # Exit status 1 means findings, not a failure to run.
    (cd "$folder" && /usr/bin/time -q -f '%e %M' -o "$samples.one" "$docproof" check >/dev/null) || true
    cat "$samples.one" >>"$samples"
  done
  median=$(sort -n "$samples" | awk -v n="$runs" 'NR == int((n + 1) / 2) { printf "%s %.0f", $1, $2 / 1024 }')
  rm -f "$samples" "$samples.one"
  read -r wall rss <<<"$median"
  printf '%-24s %8s %10s %10s\n' "$repository" "$files" "$wall" "$rss"
  if awk -v w="$wall" 'BEGIN { exit !(w >= 1) }'; then status=1; fi
done
exit $status
