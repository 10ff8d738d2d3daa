#include "opis/core/config_schema.hpp"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

#include "opis/core/error.hpp"

namespace opis::core {

namespace {

using json = nlohmann::json;

const std::set<std::string, std::less<>> kSupported = {"type",
                                                       "enum",
                                                       "const",
                                                       "properties",
                                                       "required",
                                                       "additionalProperties",
                                                       "items",
                                                       "minimum",
                                                       "maximum",
                                                       "exclusiveMinimum",
                                                       "exclusiveMaximum",
                                                       "minLength",
                                                       "maxLength",
                                                       "minItems",
                                                       "maxItems",
                                                       "pattern",
                                                       "anyOf",
                                                       "oneOf",
                                                       "default",
                                                       "title",
                                                       "description",
                                                       "examples",
                                                       "$schema",
                                                       "$id",
                                                       "$comment",
                                                       "format",
                                                       "deprecated",
                                                       "readOnly",
                                                       "writeOnly"};

// A keyword whose value has the wrong shape would be skipped ("minimum":
// "3") or throw while validating a user's config ("minLength": "3"); refuse
// it with the schema instead.
void check_keyword_value(const std::string& key, const json& value, const std::string& where) {
  static const std::set<std::string, std::less<>> kTypes = {
      "null", "boolean", "integer", "number", "string", "array", "object"};
  auto is_type_name = [](const json& t) {
    return t.is_string() && kTypes.contains(t.get_ref<const std::string&>());
  };
  const char* expected = nullptr;
  if (key == "type") {
    if (!is_type_name(value) && !(value.is_array() && !value.empty() &&
                                  std::all_of(value.begin(), value.end(), is_type_name))) {
      expected = "a type name (null, boolean, integer, number, string, array, object) or a list";
    }
  } else if (key == "enum" || key == "anyOf" || key == "oneOf") {
    if (!value.is_array()) expected = "an array";
  } else if (key == "required") {
    if (!value.is_array() ||
        !std::all_of(value.begin(), value.end(), [](const json& n) { return n.is_string(); })) {
      expected = "an array of property names";
    }
  } else if (key == "minimum" || key == "maximum" || key == "exclusiveMinimum" ||
             key == "exclusiveMaximum") {
    if (!value.is_number()) expected = "a number";
  } else if (key == "minLength" || key == "maxLength" || key == "minItems" || key == "maxItems") {
    if (!value.is_number_unsigned()) expected = "a non-negative integer";
  } else if (key == "pattern") {
    if (!value.is_string()) expected = "a string";
  } else if (key == "properties") {
    if (!value.is_object()) expected = "an object";
  } else if (key == "items" || key == "additionalProperties") {
    if (!value.is_object() && !value.is_boolean()) expected = "a schema (an object or a boolean)";
  }
  if (expected != nullptr) {
    throw UsageError("invalid config schema at " + where + ": '" + key + "' must be " + expected +
                     ", not " + value.dump());
  }
}

void check_schema(const json& schema, const std::string& where) {
  if (schema.is_boolean()) return;
  if (!schema.is_object())
    throw UsageError("invalid config schema at " + where + ": not an object");
  for (const auto& [key, value] : schema.items()) {
    if (!kSupported.contains(key)) {
      throw UsageError("config schema uses unsupported keyword '" + key + "' at " + where);
    }
    check_keyword_value(key, value, where);
  }
  if (auto it = schema.find("properties"); it != schema.end()) {
    if (!it->is_object()) throw UsageError("invalid config schema: 'properties' is not an object");
    for (const auto& [name, sub] : it->items()) check_schema(sub, where + "/properties/" + name);
  }
  if (auto it = schema.find("additionalProperties"); it != schema.end() && it->is_object()) {
    check_schema(*it, where + "/additionalProperties");
  }
  if (auto it = schema.find("items"); it != schema.end()) check_schema(*it, where + "/items");
  for (const char* combinator : {"anyOf", "oneOf"}) {
    if (auto it = schema.find(combinator); it != schema.end()) {
      if (!it->is_array())
        throw UsageError(std::string("invalid config schema: '") + combinator +
                         "' is not an array");
      for (const auto& sub : *it) check_schema(sub, where + "/" + combinator);
    }
  }
}

std::string type_of(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "integer";
    case json::value_t::number_float:
      return "number";
    case json::value_t::string:
      return "string";
    case json::value_t::array:
      return "array";
    case json::value_t::object:
      return "object";
    default:
      return "unknown";
  }
}

bool has_type(const json& value, const std::string& type) {
  const std::string actual = type_of(value);
  if (type == actual) return true;
  if (type == "number" && actual == "integer") return true;
  // 2.0 is an integer by the JSON Schema definition.
  if (type == "integer" && actual == "number") {
    const double d = value.get<double>();
    return std::isfinite(d) && std::floor(d) == d;
  }
  return false;
}

size_t utf8_length(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

void validate_at(const json& schema, const json& value, const std::string& path,
                 std::vector<std::string>& errors) {
  const std::string where = path.empty() ? "/" : path;
  if (schema.is_boolean()) {
    if (!schema.get<bool>()) errors.push_back("at " + where + ": no value is allowed here");
    return;
  }
  if (auto it = schema.find("type"); it != schema.end()) {
    bool ok = false;
    std::string expected;
    if (it->is_string()) {
      ok = has_type(value, it->get<std::string>());
      expected = it->get<std::string>();
    } else {
      for (const auto& t : *it) {
        ok = ok || has_type(value, t.get<std::string>());
        expected += (expected.empty() ? "" : " or ") + t.get<std::string>();
      }
    }
    if (!ok) {
      errors.push_back("at " + where + ": expected " + expected + ", got " + type_of(value) + " " +
                       value.dump());
      return;
    }
  }
  if (auto it = schema.find("enum"); it != schema.end()) {
    if (std::find(it->begin(), it->end(), value) == it->end()) {
      errors.push_back("at " + where + ": " + value.dump() + " is not one of " + it->dump());
    }
  }
  if (auto it = schema.find("const"); it != schema.end() && *it != value) {
    errors.push_back("at " + where + ": must be " + it->dump());
  }
  if (value.is_number()) {
    const double d = value.get<double>();
    auto bound = [&](const char* key, auto violates, const char* words) {
      if (auto b = schema.find(key);
          b != schema.end() && b->is_number() && violates(d, b->get<double>())) {
        errors.push_back("at " + where + ": " + value.dump() + " " + words + " " + b->dump());
      }
    };
    bound(
        "minimum", [](double v, double b) { return v < b; }, "is less than the minimum");
    bound(
        "maximum", [](double v, double b) { return v > b; }, "is more than the maximum");
    bound(
        "exclusiveMinimum", [](double v, double b) { return v <= b; }, "must be more than");
    bound(
        "exclusiveMaximum", [](double v, double b) { return v >= b; }, "must be less than");
  }
  if (value.is_string()) {
    const auto& s = value.get_ref<const std::string&>();
    if (auto it = schema.find("minLength");
        it != schema.end() && utf8_length(s) < it->get<size_t>()) {
      errors.push_back("at " + where + ": shorter than " + it->dump() + " characters");
    }
    if (auto it = schema.find("maxLength");
        it != schema.end() && utf8_length(s) > it->get<size_t>()) {
      errors.push_back("at " + where + ": longer than " + it->dump() + " characters");
    }
    if (auto it = schema.find("pattern"); it != schema.end()) {
      const std::regex pattern(it->get<std::string>(), std::regex::ECMAScript);
      if (!std::regex_search(s, pattern)) {
        errors.push_back("at " + where + ": \"" + s + "\" does not match " + it->dump());
      }
    }
  }
  if (value.is_array()) {
    if (auto it = schema.find("minItems"); it != schema.end() && value.size() < it->get<size_t>()) {
      errors.push_back("at " + where + ": fewer than " + it->dump() + " items");
    }
    if (auto it = schema.find("maxItems"); it != schema.end() && value.size() > it->get<size_t>()) {
      errors.push_back("at " + where + ": more than " + it->dump() + " items");
    }
    if (auto it = schema.find("items"); it != schema.end()) {
      for (size_t i = 0; i < value.size(); ++i) {
        validate_at(*it, value[i], path + "/" + std::to_string(i), errors);
      }
    }
  }
  if (value.is_object()) {
    const auto properties = schema.find("properties");
    if (auto it = schema.find("required"); it != schema.end()) {
      for (const auto& name : *it) {
        if (!value.contains(name.get<std::string>())) {
          errors.push_back("at " + where + ": missing required property '" +
                           name.get<std::string>() + "'");
        }
      }
    }
    for (const auto& [name, sub] : value.items()) {
      if (properties != schema.end() && properties->contains(name)) {
        validate_at((*properties)[name], sub, path + "/" + name, errors);
        continue;
      }
      const auto additional = schema.find("additionalProperties");
      if (additional == schema.end()) continue;
      if (additional->is_boolean() && !additional->get<bool>()) {
        std::string known;
        if (properties != schema.end()) {
          for (const auto& [k, v] : properties->items()) known += (known.empty() ? "" : ", ") + k;
        }
        errors.push_back("at " + where + ": unknown property '" + name + "'" +
                         (known.empty() ? std::string(" (this plugin takes no config)")
                                        : " (known: " + known + ")"));
      } else if (additional->is_object()) {
        validate_at(*additional, sub, path + "/" + name, errors);
      }
    }
  }
  auto matches = [&](const json& sub) {
    std::vector<std::string> ignored;
    validate_at(sub, value, path, ignored);
    return ignored.empty();
  };
  if (auto it = schema.find("anyOf"); it != schema.end()) {
    if (std::none_of(it->begin(), it->end(), matches)) {
      errors.push_back("at " + where + ": matches none of the allowed forms (anyOf)");
    }
  }
  if (auto it = schema.find("oneOf"); it != schema.end()) {
    const auto n = std::count_if(it->begin(), it->end(), matches);
    if (n != 1) {
      errors.push_back("at " + where + ": matches " + std::to_string(n) +
                       " of the allowed forms, exactly one required (oneOf)");
    }
  }
}

void fill_defaults(const json& schema, json& value) {
  if (!schema.is_object() || !value.is_object()) return;
  const auto properties = schema.find("properties");
  if (properties == schema.end()) return;
  for (const auto& [name, sub] : properties->items()) {
    if (!sub.is_object()) continue;
    if (!value.contains(name)) {
      if (auto d = sub.find("default"); d != sub.end()) {
        value[name] = *d;
      } else if (sub.value("type", "") == "object" && sub.contains("properties")) {
        json nested = json::object();
        fill_defaults(sub, nested);
        if (!nested.empty()) value[name] = std::move(nested);
        continue;
      } else {
        continue;
      }
    }
    fill_defaults(sub, value[name]);
  }
}

}  // namespace

ConfigSchema::ConfigSchema(const std::string& schema_text) {
  try {
    schema_ = schema_text.empty() ? json::object() : json::parse(schema_text);
  } catch (const json::parse_error& e) {
    throw UsageError(std::string("config schema is not valid JSON: ") + e.what());
  }
  check_schema(schema_, "#");
  // Catch a bad pattern now rather than while validating a user's config.
  std::function<void(const json&)> compile_patterns = [&](const json& s) {
    if (!s.is_object()) return;
    if (auto it = s.find("pattern"); it != s.end()) {
      try {
        std::regex(it->get<std::string>(), std::regex::ECMAScript);
      } catch (const std::exception&) {
        throw UsageError("config schema has an invalid pattern " + it->dump());
      }
    }
    for (const auto& [k, v] : s.items()) {
      if (k == "properties") {
        for (const auto& [n, sub] : v.items()) compile_patterns(sub);
      } else if (v.is_object()) {
        compile_patterns(v);
      } else if (v.is_array() && (k == "anyOf" || k == "oneOf")) {
        for (const auto& sub : v) compile_patterns(sub);
      }
    }
  };
  compile_patterns(schema_);
}

std::vector<std::string> ConfigSchema::validate(const json& config) const {
  std::vector<std::string> errors;
  validate_at(schema_, config, "", errors);
  return errors;
}

json ConfigSchema::with_defaults(json config) const {
  fill_defaults(schema_, config);
  return config;
}

}  // namespace opis::core
