#!/usr/bin/env bash
# The main job: build docproof, then check the shipped quickstart set in docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
swift build --product docproof
bin="$(swift build --show-bin-path)/docproof"

# Until `docproof check` lands, the main job parses every page of docs/ and fails on any
# error-level finding the page parser reports.
status=0
while IFS= read -r -d '' page; do
  set +e
  json=$("$bin" dump "$page")
  code=$?
  set -e
  if [ $code -eq 2 ]; then exit 2; fi
  errors=$(printf '%s' "$json" | python3 -c '
import json, sys
page = json.load(sys.stdin)
for d in page["diagnostics"]:
    if d["severity"] == "error":
        print("%s:%d:%d: error: %s [%s]" % (d["path"], d["line"], d["column"], d["message"], d["rule"]))
')
  if [ -n "$errors" ]; then
    echo "$errors"
    status=1
  fi
done < <(find docs -name '*.md' -print0 | sort -z)
pages=$(find docs -name '*.md' | wc -l)
echo "docproof: parsed $pages pages under docs/"
exit $status
