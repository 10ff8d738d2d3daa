// Validation of plugin configs against the JSON Schema each plugin declares.
//
// Supported keywords (a subset of draft 2020-12, enough for plugin configs):
// type, enum, const, properties, required, additionalProperties, items,
// minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength,
// minItems, maxItems, pattern (ECMAScript), anyOf, oneOf, default.
// Annotations (title, description, examples, $schema, $id) are ignored, as
// the standard says; keywords that change validation but are not supported
// ($ref, allOf, not, if/then/else, patternProperties, dependentRequired)
// make the schema itself invalid, so a plugin never passes validation by
// accident.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace opis::core {

class ConfigSchema {
 public:
  // Throws UsageError when `schema_text` is not a JSON object or uses an
  // unsupported keyword.
  explicit ConfigSchema(const std::string& schema_text);

  // Every violation, as "at /path: reason". Empty when `config` is valid.
  std::vector<std::string> validate(const nlohmann::json& config) const;

  // `config` with the schema's defaults filled in where values are missing.
  nlohmann::json with_defaults(nlohmann::json config) const;

  const nlohmann::json& schema() const { return schema_; }

 private:
  nlohmann::json schema_;
};

}  // namespace opis::core
