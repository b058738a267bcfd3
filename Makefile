# The Makefile only forwards to CMake; the build is described in CMakeLists.txt.
BUILD ?= build
JOBS  ?= $(shell nproc)
PORT  ?= 8080
DEMO_DIR ?= $(BUILD)/demo

FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60

.PHONY: all deps build test demo deb bench fuzz clean

all: build

deps:
	./scripts/install-deps.sh

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# Installs what is missing, builds, and runs every test registered with CTest.
test: deps
	$(MAKE) build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# Installs, builds, indexes the seed articles and the dated ANT sample (fixtures/demo), saves
# alerts that fire on the sample's last month, and serves the search page (scripts/demo.sh).
demo: deps
	$(MAKE) build
	./scripts/demo.sh $(BUILD)/rasd $(DEMO_DIR) $(PORT)

# The Debian package rasd_<version>_amd64.deb in $(BUILD)/ (CPack; packaging/CMakeLists.txt).
deb: deps
	$(MAKE) build
	cd $(BUILD) && cpack -G DEB

bench: build
	./bench/run-all.sh

# Builds the libFuzzer targets with ASan and UBSan (clang) and runs each for FUZZ_SECONDS on one
# core, from its seed corpus in fuzz/corpus/; a crash, hang or sanitizer report fails.
fuzz: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRASD_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers
	./fuzz/run.sh $(FUZZ_BUILD)/fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(FUZZ_BUILD)
