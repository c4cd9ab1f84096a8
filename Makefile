# tdkt: build, test and run one node on Debian 12.
# Everything but "help" and "clean" first installs missing packages (root or sudo).

BUILD_DIR  ?= build
BUILD_TYPE ?= Release
JOBS       ?= 2
export BUILD_DIR

.DEFAULT_GOAL := help
.PHONY: help deps build run demo test bench test-asan fuzz certs clean

help:
	@echo "make deps   install missing Debian packages (deploy/install-deps.sh)"
	@echo "make build  deps + CMake $(BUILD_TYPE) build into $(BUILD_DIR)/ (JOBS=$(JOBS))"
	@echo "make run    build, then run a node: Redis :6380 + 4 services + demo data"
	@echo "            (NODE_AGENCY=TW; data kept in var/; Ctrl-C stops)"
	@echo "make demo   build, then a three-level federation on loopback (TW, Khánh Hòa, two wards)"
	@echo "            plays a year, stops the centre and brings it back, prints the roll-up"
	@echo "            (data in var/demo/, wiped each run; DEMO_KEEP=1 keeps the nodes up)"
	@echo "make test   build, then ctest against a throwaway Redis (CTEST_ARGS=...)"
	@echo "make bench  build, then build/bench/tdkt-bench (BENCH_ARGS=...)"
	@echo "make test-asan  the whole suite built with AddressSanitizer + UBSan into build-asan/"
	@echo "make certs  development CA and node certificates for mutual TLS into var/certs (openssl)"
	@echo "make fuzz   libFuzzer harnesses (clang) into build-fuzz/, FUZZ_SECONDS each (default 60)"
	@echo "make clean  remove $(BUILD_DIR)/ (var/ with the node data is kept)"

deps:
	deploy/install-deps.sh

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	cmake --build $(BUILD_DIR) -j$(JOBS)

run: build
	deploy/run-node.sh

demo: build
	deploy/run-demo.sh

test: build
	deploy/run-tests.sh $(CTEST_ARGS)

bench: build
	cmake --build $(BUILD_DIR) -j$(JOBS) --target tdkt-bench tdkt-federation-bench tdkt-feed-bench
	deploy/run-bench.sh

# Any sanitizer report aborts the process, so the test that ran it fails.
test-asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Release -DTDKT_SANITIZE=ON
	cmake --build build-asan -j$(JOBS)
	BUILD_DIR=build-asan deploy/run-tests.sh $(CTEST_ARGS)

fuzz: deps
	deploy/run-fuzz.sh

certs:
	deploy/make-certs.sh

clean:
	rm -rf $(BUILD_DIR)
