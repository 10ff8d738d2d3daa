#!/usr/bin/env bash
# The installed SDK package, quickly (the full check, with the examples and
# scaffolds and their tests, is scripts/check-installed-sdk): install the
# build to a temporary prefix, build a C plugin with find_package(opis-sdk)
# in a separate CMake project, and have the installed opis load it.
# Usage: installed_package_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build="$1"
source="$2"
work="$(mktemp -d "${TMPDIR:-/tmp}/opis-package-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT

cmake --install "$build" --prefix "$work/prefix" >/dev/null
# Every header a plugin may include, the header-only helpers too.
for header in plugin.h sdk.hpp testing.hpp edtf_range.hpp utf8.hpp; do
  [[ -f "$work/prefix/include/opis/$header" ]] || { echo "not installed: include/opis/$header" >&2; exit 1; }
done
cat >"$work/CMakeLists.txt" <<CMAKE
cmake_minimum_required(VERSION 3.20)
project(package_test LANGUAGES C)
find_package(opis-sdk 1.0 REQUIRED)
if(OPIS_SDK_VERSION VERSION_LESS 1.0 OR NOT OPIS_SDK_VERSION VERSION_LESS 2.0 OR NOT EXISTS "\${OPIS_EXECUTABLE}")
  message(FATAL_ERROR "opis-sdk package variables: \${OPIS_SDK_VERSION} \${OPIS_EXECUTABLE}")
endif()
opis_add_plugin(NAME markdown-index KIND output SOURCES "$source/examples/plugins/markdown-index/markdown_index.c")
CMAKE
cmake -S "$work" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/log" 2>&1 \
  || { cat "$work/log"; exit 1; }
cmake --build "$work/build" >"$work/log" 2>&1 || { cat "$work/log"; exit 1; }

# A 2.0 SDK request is refused by the version file (SameMajorVersion).
sed -i 's/find_package(opis-sdk 1.0 REQUIRED)/find_package(opis-sdk 2.0 REQUIRED)/' "$work/CMakeLists.txt"
if cmake -S "$work" -B "$work/build2" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" >"$work/log" 2>&1; then
  echo "find_package(opis-sdk 2.0) accepted a 1.x SDK" >&2
  exit 1
fi

plugin="$work/build/output-markdown-index.so"
"$work/prefix/bin/opis" plugins inspect "$plugin" | grep -Eq "abi: +1\.[0-9]+ \(compatible with this host\)"
"$work/prefix/bin/opis" --plugin-path "$work/build" plugins list | grep -q "^output  *markdown-index "
"$work/prefix/bin/opis" plugins list | grep -q "^ingest  *text "
echo "installed package: ok"
