# The two commands of the README's Quick start, and a few more.
#   make demo   install what is missing, build, run the default pipeline on examples/corpus
#   make test   install what is missing, build, run every test through ctest
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CMAKE_ARGS ?=

.PHONY: all deps configure build demo test check-sdk bench bench-server soak sanitize format format-check clean

all: build

deps:
	@scripts/install-deps

$(BUILD)/build.ninja: | deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS)

configure: $(BUILD)/build.ninja

build: deps configure
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@rm -rf $(BUILD)/demo-out
	$(BUILD)/bin/opis run --out $(BUILD)/demo-out examples/corpus
	@echo
	@echo "One enriched record ($(BUILD)/demo-out/records.jsonl):"
	@grep -m1 '"name":"record-1957-03-14' $(BUILD)/demo-out/records.jsonl | python3 -m json.tool --no-ensure-ascii

test: build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

# The plugin author's path against the INSTALLED SDK: install to a temporary
# prefix, build and test examples/plugins/* and `opis plugins new` scaffolds
# as separate CMake projects, run them through the installed `opis run`.
check-sdk: build
	JOBS=$(JOBS) scripts/check-installed-sdk $(BUILD)

# Throughput per plugin and of the whole default pipeline, and peak memory,
# on a corpus of at least BENCH_MB megabytes built from examples/ and seeds.
BENCH_MB ?= 50
bench: build
	scripts/make-bench-corpus $(BUILD)/bench-corpus $(BENCH_MB)
	$(BUILD)/bin/pipeline_bench $(BUILD)/bench-corpus

# The daemon over gRPC on loopback, beside a bare echo server.
bench-server: build
	$(BUILD)/bin/server_bench
soak: build
	$(BUILD)/bin/server_bench --soak 600

# The test suite under AddressSanitizer and UndefinedBehaviorSanitizer.
# intercept_tls_get_addr=0: GCC 12's LeakSanitizer guesses the size of a
# dynamic TLS block from the bytes before it. gnutls (loaded with the
# postgres output's libpq) first touches its TLS in its exit destructor, and
# then the guess can be garbage and the leak check crash after a clean run.
# Without the interception those blocks are plain heap blocks, which the
# check still reaches through each thread's DTV.
sanitize: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DOPIS_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:intercept_tls_get_addr=0 ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

FORMATTED = $(shell git ls-files '*.c' '*.h' '*.cpp' '*.hpp')
format:
	clang-format -i $(FORMATTED)
format-check:
	clang-format --dry-run --Werror $(FORMATTED)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
