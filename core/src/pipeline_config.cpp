#include "opis/core/pipeline_config.hpp"

#include <cstdlib>
#include <set>
#include <sstream>

#include "default_pipeline.inc"
#include "opis/core/error.hpp"
#include "opis/core/text.hpp"
#include "opis/core/yaml_json.hpp"

namespace opis::core {

namespace {

using json = nlohmann::json;

std::string substitute(const std::string& text, const PipelineVariables& variables,
                       const std::string& where) {
  std::string out;
  size_t pos = 0;
  while (true) {
    const size_t start = text.find("${", pos);
    if (start == std::string::npos) break;
    const size_t end = text.find('}', start);
    if (end == std::string::npos) break;
    out.append(text, pos, start - pos);
    const std::string name = text.substr(start + 2, end - start - 2);
    if (name.rfind("env:", 0) == 0) {
      const char* value = std::getenv(name.substr(4).c_str());
      if (value == nullptr) {
        throw UsageError(where + ": environment variable " + name.substr(4) + " is not set");
      }
      out += value;
    } else if (auto it = variables.find(name); it != variables.end()) {
      out += it->second;
    } else {
      throw UsageError(where + ": unknown variable ${" + name + "}");
    }
    pos = end + 1;
  }
  out.append(text, pos);
  return out;
}

void substitute_all(json& value, const PipelineVariables& variables, const std::string& where) {
  if (value.is_string()) {
    value = substitute(value.get<std::string>(), variables, where);
  } else if (value.is_array() || value.is_object()) {
    for (auto& element : value) substitute_all(element, variables, where);
  }
}

std::vector<std::string> string_list(const json& value, const std::string& where) {
  std::vector<std::string> out;
  if (value.is_string()) return {value.get<std::string>()};
  if (!value.is_array()) throw UsageError(where + ": expected a string or a list of strings");
  for (const auto& element : value) {
    if (!element.is_string()) throw UsageError(where + ": expected a list of strings");
    out.push_back(element.get<std::string>());
  }
  return out;
}

std::vector<PipelineStep> parse_steps(const json& root, const char* section,
                                      const std::string& source, bool is_ingest,
                                      const PipelineVariables& variables) {
  std::vector<PipelineStep> steps;
  const auto it = root.find(section);
  if (it == root.end() || it->is_null()) return steps;
  if (!it->is_array()) {
    throw UsageError(source + ": '" + section + "' must be a list of steps");
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const json& entry = (*it)[i];
    PipelineStep step;
    step.location = source + ", " + section + "[" + std::to_string(i) + "]";
    if (entry.is_string()) {
      step.plugin = entry.get<std::string>();
      steps.push_back(std::move(step));
      continue;
    }
    if (!entry.is_object()) {
      throw UsageError(step.location + ": expected a plugin name or a mapping with 'plugin'");
    }
    static const std::set<std::string> kKeys = {"plugin", "config", "match"};
    for (const auto& [key, value] : entry.items()) {
      if (!kKeys.contains(key) || (key == "match" && !is_ingest)) {
        throw UsageError(
            step.location + ": unknown key '" + key + "'" +
            (is_ingest ? " (known: plugin, config, match)" : " (known: plugin, config)"));
      }
    }
    if (!entry.contains("plugin") || !entry["plugin"].is_string()) {
      throw UsageError(step.location + ": missing 'plugin' (the plugin's name)");
    }
    step.plugin = entry["plugin"].get<std::string>();
    step.location += " (" + step.plugin + ")";
    if (entry.contains("config") && !entry["config"].is_null()) {
      if (!entry["config"].is_object())
        throw UsageError(step.location + ": 'config' must be a mapping");
      step.config = entry["config"];
      substitute_all(step.config, variables, step.location);
    }
    if (entry.contains("match")) {
      const json& match = entry["match"];
      if (!match.is_object()) throw UsageError(step.location + ": 'match' must be a mapping");
      for (const auto& [key, value] : match.items()) {
        if (key == "media_types") {
          step.media_types = string_list(value, step.location + ", match.media_types");
        } else if (key == "globs") {
          step.globs = string_list(value, step.location + ", match.globs");
        } else {
          throw UsageError(step.location + ": unknown match key '" + key +
                           "' (known: media_types, globs)");
        }
      }
    }
    steps.push_back(std::move(step));
  }
  return steps;
}

unsigned parse_count(const json& root, const char* key, const std::string& source) {
  const auto it = root.find(key);
  if (it == root.end() || it->is_null()) return 0;
  if (!it->is_number_integer() || it->get<int64_t>() < 0 || it->get<int64_t>() > 4096) {
    throw UsageError(source + ": '" + key + "' must be an integer from 0 to 4096");
  }
  return it->get<unsigned>();
}

}  // namespace

void substitute_variables(json& value, const PipelineVariables& variables,
                          const std::string& where) {
  substitute_all(value, variables, where);
}

PipelineConfig parse_pipeline_config(std::string_view yaml_text, std::string_view source_name,
                                     const PipelineVariables& variables, OutputSteps outputs) {
  const std::string source(source_name);
  json root;
  try {
    root = yaml_to_json(YAML::Load(std::string(yaml_text)));
  } catch (const YAML::Exception& e) {
    throw UsageError(source + ": not valid YAML: " + e.what());
  }
  if (!root.is_object()) throw UsageError(source + ": expected a mapping at the top level");
  static const std::set<std::string> kKeys = {"version",         "ingest",  "enrich",
                                              "output",          "workers", "queue_depth",
                                              "on_enrich_error", "timings"};
  for (const auto& [key, value] : root.items()) {
    if (!kKeys.contains(key)) {
      throw UsageError(source + ": unknown key '" + key +
                       "' (known: version, ingest, enrich, output, workers, queue_depth, "
                       "on_enrich_error, timings)");
    }
  }
  if (root.contains("version") && root["version"] != 1) {
    throw UsageError(source + ": unsupported pipeline version " + root["version"].dump() +
                     " (this opis reads version 1)");
  }
  PipelineConfig config;
  config.source = source;
  config.ingest = parse_steps(root, "ingest", source, true, variables);
  config.enrich = parse_steps(root, "enrich", source, false, variables);
  config.output = parse_steps(root, "output", source, false, variables);
  config.workers = parse_count(root, "workers", source);
  config.queue_depth = parse_count(root, "queue_depth", source);
  if (root.contains("on_enrich_error")) {
    const json& policy = root["on_enrich_error"];
    if (policy == "fail_document") {
      config.on_enrich_error = EnrichErrorPolicy::kFailDocument;
    } else if (policy == "keep_record") {
      config.on_enrich_error = EnrichErrorPolicy::kKeepRecord;
    } else {
      throw UsageError(source + ": on_enrich_error must be fail_document or keep_record, not " +
                       policy.dump());
    }
  }
  if (root.contains("timings")) {
    if (!root["timings"].is_boolean())
      throw UsageError(source + ": 'timings' must be true or false");
    config.timings = root["timings"].get<bool>();
  }
  if (config.ingest.empty()) throw UsageError(source + ": the pipeline has no ingest step");
  if (config.output.empty() && outputs == OutputSteps::kRequired)
    throw UsageError(source + ": the pipeline has no output step");
  return config;
}

PipelineConfig load_pipeline_config(const std::filesystem::path& file,
                                    const PipelineVariables& variables, OutputSteps outputs) {
  return parse_pipeline_config(read_whole_file(file, "the pipeline file"), file.string(), variables,
                               outputs);
}

std::string_view default_pipeline_yaml() {
  return kDefaultPipelineYaml;
}

}  // namespace opis::core
