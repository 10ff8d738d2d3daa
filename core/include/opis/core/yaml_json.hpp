// YAML (pipeline and daemon config files) to JSON (what plugin schemas and
// the host API speak).
#pragma once

#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>

namespace opis::core {

// Plain scalars become booleans, integers, floats or null when YAML 1.2's
// core schema says so ("true", "42", "1.5", "null", "~"); quoted scalars stay
// strings, so `version: "1.0"` remains a string.
nlohmann::json yaml_to_json(const YAML::Node& node);

}  // namespace opis::core
