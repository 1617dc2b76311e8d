#!/usr/bin/env bash
# Benchmarks/run-dashboard.sh [PAGES]: the `docproof l10n --format html` dashboard of a
# generated tree (default 10,000 pages, a Swedish copy of every tenth) opened in headless
# Chromium: the file's size (raw and gzipped), its DOM nodes, and the median over BENCH_RUNS
# runs (default 3) of the time to DOMContentLoaded and to load (the page's own script, which
# sets up the filters, has run by then). A copy of the page with a probe script and a policy
# that allows it is what the browser opens; the dashboard itself allows only its own script.
set -euo pipefail
pages=${1:-10000}
runs=${BENCH_RUNS:-3}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
cd "$root"
DOCPROOF_WITH_TEST_TOOLS=1 bash scripts/install-system-deps.sh
swift build -c release --product docproof >/dev/null 2>&1
docproof="$(swift build -c release --show-bin-path)/docproof"
work=$(mktemp -d "${TMPDIR:-/tmp}/docproof-dashboard.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$docproof" generate-corpus "$work/tree" --pages "$pages" >/dev/null 2>&1
"$docproof" l10n "$work/tree" --format html --output "$work/l10n.html" >/dev/null 2>&1 || true
bytes=$(wc -c <"$work/l10n.html")
gzipped=$(gzip -c "$work/l10n.html" | wc -c)
python3 - "$work/l10n.html" "$work/probe.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
probe = ("<pre id=\"probe\"></pre><script>window.addEventListener('load',function(){setTimeout("
         "function(){var t=performance.timing;document.getElementById('probe').textContent="
         "JSON.stringify({ready:t.domContentLoadedEventEnd-t.navigationStart,"
         "load:t.loadEventEnd-t.navigationStart,nodes:document.getElementsByTagName('*').length});},0);});</script>")
html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>',
              "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
              "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">", html, count=1)
open(sys.argv[2], "w", encoding="utf-8").write(html.replace("</body>", probe + "</body>"))
PY
: >"$work/samples"
for ((run = 1; run <= runs; run++)); do
  chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
    --virtual-time-budget=60000 --dump-dom "file://$work/probe.html" 2>/dev/null \
    | grep -o '<pre id="probe">[^<]*' | sed 's/<pre id="probe">//; s/&quot;/"/g' >>"$work/samples"
done
python3 - "$work/samples" "$bytes" "$gzipped" <<'PY'
import json, statistics, sys
samples = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
print(f"dashboard: {int(sys.argv[2]):,} bytes ({int(sys.argv[3]):,} gzipped), {samples[0]['nodes']:,} DOM nodes")
print(f"DOMContentLoaded {statistics.median(s['ready'] for s in samples):.0f} ms, "
      f"load {statistics.median(s['load'] for s in samples):.0f} ms (median of {len(samples)})")
PY
