#!/usr/bin/env bash
# Builds a libFuzzer target of the Fuzz package and runs it for a given time.
#
#   Fuzz/run.sh TARGET SECONDS [LIBFUZZER_FLAG ...]
#
# TARGET is one of the package's executables (page-parser, front-matter, normalization,
# connection-string, emulator-auth). The work corpus grows in
# Fuzz/corpus-work/TARGET (ignored by git), seeded from Tests/Fixtures/fuzz/TARGET; crashes,
# hangs and out-of-memory inputs land in Fuzz/artifacts/TARGET/ (also ignored), with the
# full log. Environment: FUZZ_ASAN=0 builds without AddressSanitizer; FUZZ_MAX_LEN (65536),
# FUZZ_TIMEOUT (10 s per input) and FUZZ_RSS_LIMIT_MB (2048) tune libFuzzer.
# Exits 0 on a clean run, 1 when the fuzzer found a problem, 2 on a usage or build error.
set -euo pipefail

usage() {
  echo "usage: Fuzz/run.sh TARGET SECONDS [LIBFUZZER_FLAG ...]" >&2
  echo "  TARGET: page-parser front-matter normalization connection-string emulator-auth" >&2
  exit 2
}
[ $# -ge 2 ] || usage
target=$1
seconds=$2
shift 2
# The object file that must carry coverage counters: the code each target is about.
case "$target" in
  page-parser) covered=DocModel.build/PageParser.swift.o ;;
  front-matter) covered=DocModel.build/FrontMatterParser.swift.o ;;
  normalization) covered=Transcripts.build/Normalizer.swift.o ;;
  connection-string) covered=CommunicationIdentity.build/ConnectionString.swift.o ;;
  emulator-auth) covered=IdentityEmulator.build/RequestAuthenticator.swift.o ;;
  *) echo "Fuzz/run.sh: unknown target '$target'" >&2; usage ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || usage

fuzz_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$fuzz_dir")
cd "$root"

sanitizers=(--sanitize=fuzzer)
if [ "${FUZZ_ASAN:-1}" = 1 ]; then
  # SwiftPM passes each sanitizer to swiftc as its own -sanitize= flag, in no fixed order,
  # and swiftc keeps only the last one: Swift code got either coverage or ASan, never both.
  # One combined flag, passed last, gives Swift both; clang (libyaml) adds them up anyway.
  sanitizers+=(--sanitize=address -Xswiftc -sanitize=fuzzer,address)
fi
build=(swift build --package-path Fuzz -c release "${sanitizers[@]}")

echo "== building $target (${sanitizers[*]})" >&2
if ! "${build[@]}" --product "$target" >Fuzz/.build-log.txt 2>&1; then
  cat Fuzz/.build-log.txt >&2
  echo "Fuzz/run.sh: build failed" >&2
  exit 2
fi
bin_dir="$("${build[@]}" --show-bin-path)"
binary="$bin_dir/$target"
# Without coverage counters in the Swift code, libFuzzer would fuzz blind: refuse.
sections=$(objdump -h "$bin_dir/$covered" 2>/dev/null || true)
if ! grep -q __sancov_cntrs <<<"$sections"; then
  echo "Fuzz/run.sh: $covered was built without libFuzzer coverage; remove Fuzz/.build" >&2
  exit 2
fi

seeds="Tests/Fixtures/fuzz/$target"
work="Fuzz/corpus-work/$target"
artifacts="Fuzz/artifacts/$target"
dict="Fuzz/$target.dict"
mkdir -p "$work" "$artifacts"
log="$artifacts/fuzz-$(date -u +%Y%m%dT%H%M%SZ).log"

flags=(
  -max_total_time="$seconds"
  -max_len="${FUZZ_MAX_LEN:-65536}"
  -timeout="${FUZZ_TIMEOUT:-10}"
  -rss_limit_mb="${FUZZ_RSS_LIMIT_MB:-2048}"
  -artifact_prefix="$artifacts/"
  -print_final_stats=1
  -reload=0
)
[ -f "$dict" ] && flags+=(-dict="$dict")

echo "== fuzzing $target for ${seconds}s; log: $log" >&2
echo "   $binary ${flags[*]} $* $work $seeds" >&2
# Swift's own backtracer reads memory AddressSanitizer has poisoned and reports itself: leave
# crashes to libFuzzer's handler. Stack traces come from ASan's symbolizer.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-}${ASAN_OPTIONS:+:}handle_abort=1:handle_sigill=1"
# One-time allocations of Swift's regex engine that LeakSanitizer reports at exit (see the file).
export LSAN_OPTIONS="${LSAN_OPTIONS:-}${LSAN_OPTIONS:+:}suppressions=$fuzz_dir/lsan.supp:print_suppressions=0"
status=0
# The work corpus comes first: libFuzzer writes new inputs to the first directory only.
"$binary" "${flags[@]}" "$@" "$work" "$seeds" >"$log" 2>&1 || status=$?

# The last status line and libFuzzer's final stats.
echo "== last status" >&2
grep -E '^#[0-9]+' "$log" | tail -n 1 || true
grep -E '^(stat::|Done [0-9]+ runs)' "$log" || true
echo "corpus: $(find "$work" -type f | wc -l) files in $work" \
  "(+ $(find "$seeds" -type f | wc -l) seeds in $seeds)"

if [ "$status" -eq 72 ]; then
  echo "== interrupted" >&2
  exit 1
fi
found=$(grep -E '^(==[0-9]+==ERROR|ERROR: libFuzzer|SUMMARY: |artifact_prefix=|Test unit written to)' "$log" || true)
if [ "$status" -ne 0 ] || [ -n "$found" ]; then
  echo "== the fuzzer found a problem (exit status $status):" >&2
  echo "$found" >&2
  grep -E -m 20 -A 30 'ERROR|Fatal error|deadly signal|timeout' "$log" | head -n 60 >&2 || true
  echo "Fuzz/run.sh: see $log; reproduce with: $binary ARTIFACT" >&2
  exit 1
fi
echo "== clean run: no crash, hang or out-of-memory" >&2
