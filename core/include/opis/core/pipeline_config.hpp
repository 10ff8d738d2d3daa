// The pipeline file (YAML): which ingesters read which inputs, the ordered
// enrichers, the outputs, and each plugin's config. Parsed and checked in
// full before any document is read.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace opis::core {

struct PipelineStep {
  std::string plugin;
  nlohmann::json config = nlohmann::json::object();
  std::string location;  // "pipeline.yaml, output[1]" for messages
  // Ingest steps: which documents this ingester reads. Empty lists mean the
  // plugin's own media types and file patterns.
  std::vector<std::string> media_types;
  std::vector<std::string> globs;
};

enum class EnrichErrorPolicy {
  kFailDocument,  // the document is reported as failed; its records are dropped
  kKeepRecord,    // the record is kept with a warning and a failed provenance event
};

struct PipelineConfig {
  std::string source;  // the file name, or "built-in default pipeline"
  std::vector<PipelineStep> ingest;
  std::vector<PipelineStep> enrich;
  std::vector<PipelineStep> output;
  unsigned workers = 0;      // 0: one per core
  unsigned queue_depth = 0;  // documents in flight per worker; 0: default
  EnrichErrorPolicy on_enrich_error = EnrichErrorPolicy::kFailDocument;
  // Record each plugin's duration_us in provenance. Off by default: timings
  // differ run to run, and the same input must give byte-identical records.
  bool timings = false;
};

// "${out}" and "${env:NAME}" in string values are replaced from `variables`
// and the environment.
using PipelineVariables = std::map<std::string, std::string, std::less<>>;

// Replaces the variables in every string inside `value`; UsageError names
// `where` and the unknown variable or unset environment variable.
void substitute_variables(nlohmann::json& value, const PipelineVariables& variables,
                          const std::string& where);

// Whether a pipeline without output steps is refused. A batch run writes
// only through its outputs; the daemon also returns every record to its
// client, so a daemon pipeline may have none.
enum class OutputSteps { kRequired, kOptional };

// Throws UsageError naming the file, the place and the problem.
PipelineConfig parse_pipeline_config(std::string_view yaml_text, std::string_view source_name,
                                     const PipelineVariables& variables,
                                     OutputSteps outputs = OutputSteps::kRequired);
PipelineConfig load_pipeline_config(const std::filesystem::path& file,
                                    const PipelineVariables& variables,
                                    OutputSteps outputs = OutputSteps::kRequired);

// The built-in default pipeline (examples/pipelines/default.yaml, embedded
// at build time).
std::string_view default_pipeline_yaml();

}  // namespace opis::core
