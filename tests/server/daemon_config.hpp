// Config files for daemon tests, written into a test's temporary directory.
#pragma once

#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace opis::test {

// ingest text only, records appended to ${out}/records.jsonl: the cheapest
// pipeline, for tests about the transport rather than the enrichment.
inline constexpr const char* kTextOnlyPipeline = R"(version: 1
ingest:
  - plugin: text
output:
  - plugin: jsonl
    config: {path: "${out}/records.jsonl", mode: append}
)";

struct DaemonConfig {
  std::string pipeline;  // YAML; empty: the built-in default pipeline
  std::string limits;    // YAML mapping entries under `limits:`, one per line
  std::string extra;     // top-level YAML lines
  unsigned workers = 2;
};

// Writes DIR/pipeline.yaml (when given) and DIR/opis.yaml; returns the latter.
// Outputs go to DIR/out; the daemon listens on 127.0.0.1:0 and flushes often.
std::filesystem::path write_daemon_config(const TempDir& dir, const DaemonConfig& config);

}  // namespace opis::test
