# tdkt: build, test and run one node on Debian 12.
# Everything but "help" and "clean" first installs missing packages (root or sudo).

BUILD_DIR  ?= build
BUILD_TYPE ?= Release
JOBS       ?= 2
export BUILD_DIR

.DEFAULT_GOAL := help
.PHONY: help deps build run demo test bench clean

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
	deploy/run-bench.sh

clean:
	rm -rf $(BUILD_DIR)
