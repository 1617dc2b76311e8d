# The two entry points of the README. Both install missing system packages first.
SWIFT ?= swift

.PHONY: check test build deps test-deps format fuzz bench

## check: build docproof and run `docproof check docs` on the shipped quickstart set
check:
	@bash scripts/main-job.sh

## test: build everything and run the whole test suite
test:
	@bash scripts/test.sh

build: deps
	$(SWIFT) build

deps:
	@bash scripts/install-system-deps.sh

test-deps:
	@DOCPROOF_WITH_TEST_TOOLS=1 bash scripts/install-system-deps.sh

## format: format the sources with swift format (.swift-format)
format:
	$(SWIFT) format -i -r Sources Tests Package.swift Fuzz/Sources Fuzz/Package.swift \
	  Benchmarks/IdentityLoad/Sources Benchmarks/IdentityLoad/Package.swift

## fuzz: run one libFuzzer target (FUZZ_TARGET, default page-parser) for FUZZ_SECONDS (60)
fuzz: deps
	@bash Fuzz/run.sh $${FUZZ_TARGET:-page-parser} $${FUZZ_SECONDS:-60}

## bench: parse-speed benchmark in a release build
bench: deps
	@bash Benchmarks/run-parse.sh
