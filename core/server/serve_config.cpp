#include "serve_config.hpp"

#include <yaml-cpp/yaml.h>

#include <sstream>

#include "opis/core/config_schema.hpp"
#include "opis/core/error.hpp"
#include "opis/core/pipeline_config.hpp"
#include "opis/core/text.hpp"
#include "opis/core/yaml_json.hpp"

namespace opis::server {

namespace {

using json = nlohmann::json;

constexpr const char* kSchema = R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "version": {"type": "integer", "enum": [1], "default": 1},
    "listen": {"type": "array", "items": {"type": "string", "minLength": 1},
               "default": ["127.0.0.1:50051"]},
    "pipeline": {"type": "string", "default": ""},
    "out": {"type": "string", "minLength": 1, "default": "opis-out"},
    "workers": {"type": "integer", "minimum": 0, "maximum": 1024, "default": 0},
    "limits": {
      "type": "object",
      "additionalProperties": false,
      "default": {},
      "properties": {
        "max_message_bytes": {"type": "integer", "minimum": 1024, "maximum": 2147483647,
                              "default": 67108864},
        "queue_capacity": {"type": "integer", "minimum": 0, "default": 0},
        "stream_window": {"type": "integer", "minimum": 1, "maximum": 65536, "default": 32},
        "drain_grace_seconds": {"type": "number", "minimum": 0, "default": 30},
        "flush_interval_seconds": {"type": "number", "minimum": 0.01, "default": 2},
        "retry_after_seconds": {"type": "number", "minimum": 0, "default": 0.1}
      }
    },
    "auth": {
      "type": "object",
      "additionalProperties": false,
      "default": {},
      "properties": {
        "tokens": {"type": "array", "items": {"type": "string", "minLength": 16}, "default": []},
        "tokens_file": {"type": "string", "default": ""}
      }
    },
    "tls": {
      "type": "object",
      "additionalProperties": false,
      "required": ["cert", "key"],
      "properties": {
        "cert": {"type": "string", "minLength": 1},
        "key": {"type": "string", "minLength": 1},
        "client_ca": {"type": "string", "default": ""}
      }
    },
    "metrics": {
      "type": "object",
      "additionalProperties": false,
      "default": {},
      "properties": {"listen": {"type": "string", "default": ""}}
    },
    "store": {"type": "string", "default": ""}
  }
})";

std::string resolve(const std::filesystem::path& base, const std::string& path) {
  if (path.empty()) return path;
  const std::filesystem::path p(path);
  return p.is_absolute() ? path : (base / p).lexically_normal().string();
}

// One token per line; blank lines and lines starting with '#' are ignored.
std::vector<std::string> read_tokens(const std::filesystem::path& file) {
  std::vector<std::string> tokens;
  std::istringstream lines(core::read_whole_file(file, "the tokens file"));
  std::string line;
  while (std::getline(lines, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    if (line.size() < 16) {
      throw core::UsageError(file.string() +
                             ": a token is shorter than 16 characters (too easy to guess)");
    }
    tokens.push_back(line);
  }
  return tokens;
}

}  // namespace

const char* serve_config_schema() {
  return kSchema;
}

ServeConfig load_serve_config(const std::filesystem::path& file) {
  ServeConfig config;
  json root = json::object();
  std::filesystem::path base = std::filesystem::current_path();
  if (!file.empty()) {
    config.source = file.string();
    base = std::filesystem::absolute(file).parent_path();
    try {
      root = core::yaml_to_json(YAML::Load(core::read_whole_file(file, "the config file")));
    } catch (const YAML::Exception& e) {
      throw core::UsageError(config.source + ": not valid YAML: " + e.what());
    }
    if (root.is_null()) root = json::object();
    core::substitute_variables(root, {}, config.source);
  } else {
    config.source = "built-in defaults";
  }
  static const core::ConfigSchema schema(kSchema);
  const auto problems = schema.validate(root);
  if (!problems.empty()) {
    std::string message = config.source + ": invalid config:";
    for (const auto& p : problems) message += "\n  " + p;
    throw core::UsageError(message);
  }
  // with_defaults would give an absent tls section its defaults too.
  const bool has_tls = root.contains("tls");
  root = schema.with_defaults(root);

  config.listen = root["listen"].get<std::vector<std::string>>();
  if (config.listen.empty()) throw core::UsageError(config.source + ": listen is empty");
  config.pipeline_file = resolve(base, root["pipeline"].get<std::string>());
  config.out_dir = resolve(base, root["out"].get<std::string>());
  config.workers = root["workers"].get<unsigned>();
  const json& limits = root["limits"];
  config.max_message_bytes = limits["max_message_bytes"].get<std::size_t>();
  config.queue_capacity = limits["queue_capacity"].get<std::size_t>();
  config.stream_window = limits["stream_window"].get<unsigned>();
  config.drain_grace_seconds = limits["drain_grace_seconds"].get<double>();
  config.flush_interval_seconds = limits["flush_interval_seconds"].get<double>();
  config.retry_after_seconds = limits["retry_after_seconds"].get<double>();
  config.tokens = root["auth"]["tokens"].get<std::vector<std::string>>();
  if (const auto tokens_file = root["auth"]["tokens_file"].get<std::string>();
      !tokens_file.empty()) {
    for (auto& t : read_tokens(resolve(base, tokens_file))) config.tokens.push_back(std::move(t));
  }
  if (has_tls) {
    const json& tls = root["tls"];
    config.tls = TlsConfig{resolve(base, tls["cert"].get<std::string>()),
                           resolve(base, tls["key"].get<std::string>()),
                           resolve(base, tls["client_ca"].get<std::string>())};
  }
  config.metrics_listen = root["metrics"]["listen"].get<std::string>();
  config.store = resolve(base, root["store"].get<std::string>());
  return config;
}

}  // namespace opis::server
