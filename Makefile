# The Makefile only forwards to CMake; the build is described in CMakeLists.txt.
BUILD ?= build
JOBS  ?= $(shell nproc)
PORT  ?= 8080
DEMO_DB ?= $(BUILD)/demo-index

.PHONY: all deps build test demo bench clean

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

# Installs, builds, indexes the bundled seed articles and serves the search page.
demo: deps
	$(MAKE) build
	rm -rf $(DEMO_DB)
	$(BUILD)/rasd index --db $(DEMO_DB) fixtures/seeds
	$(BUILD)/rasd serve --db $(DEMO_DB) --port $(PORT)

bench: build
	./bench/run-all.sh

clean:
	rm -rf $(BUILD)
