// opis test harness: run a plugin in a unit test without the opis host.
//
// Header-only, on top of plugin.h and sdk.hpp; needs nothing else (no opis
// library, no protobuf, no JSON library), so a plugin's test links only the
// plugin's own code and GoogleTest (or any framework).
//
//   opis::testing::Harness tagger("build/enrich-keyword-tagger.so");  // dlopen a built plugin
//   opis::testing::Harness linked(&opis_plugin_v1);  // or call an entry linked into the test
//   tagger.configure(R"({"subjects": {"food": ["grain", "rice"]}})");
//   auto record = opis::testing::Record::with_text("Grain deliveries stopped.");
//   tagger.enrich(record);
//   EXPECT_EQ(record.annotated("subject"), std::vector<std::string_view>{"Grain"});
//   auto records = ingester.ingest(bytes, "catalogue.csv", "text/csv");
//   auto refused = ingester.try_ingest("");  // no throw: status, message, records
//
// The harness implements the host table (opis_host_api) itself over a small
// in-memory record holding every scalar field and list the ABI exposes. What
// differs from the real host, so a test knows what it proves:
//  - config: the JSON is checked against the plugin's schema (type, enum,
//    const, properties, required, additionalProperties, items, the numeric
//    and length bounds, anyOf, oneOf) and the schema's defaults are filled
//    in, and config_json() has its object members sorted by name, as the
//    host does; `pattern` is not checked. The schema is the descriptor's
//    config_schema (the host reads the metadata section's copy; the export
//    macros write the same text to both).
//  - record_serialize and record_parse return OPIS_UNSUPPORTED (protobuf
//    bytes need protobuf). record_to_json and record_from_json work on the
//    fields the ABI exposes, in the shape of records.jsonl (from_json also
//    takes lowerCamelCase names, as the host does); `provenance` and
//    `position` are not modelled (from_json accepts and drops them).
//  - an emitted record gets source.uri, source.name and source.media_type
//    from the document and kind "document" when unset, and the id
//    "<name>#<n>" when the plugin set none (the host uses a SHA-256 instead).
//  - cancelled() is never true; log lines are kept in Harness::log().
//  - one thread: a Harness and its records are not shared between threads.
// A failing callback throws opis::testing::Failure with the plugin's status
// and message.
#ifndef OPIS_TESTING_HPP
#define OPIS_TESTING_HPP

#include <dlfcn.h>
#include <opis/plugin.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <opis/sdk.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace opis::testing {

// ================================================================== JSON
// A small JSON value, parser and printer: enough for configs, schemas and
// records, with object members kept in their written order.
namespace json {

class Value {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

  Type type = Type::kNull;
  bool boolean = false;
  double number = 0.0;
  std::string text;  // a string's value, or a number as written
  std::vector<Value> items;
  std::vector<std::pair<std::string, Value>> members;

  static Value string_value(std::string_view s) {
    Value v;
    v.type = Type::kString;
    v.text.assign(s);
    return v;
  }
  static Value number_value(double d) {
    Value v;
    v.type = Type::kNumber;
    v.number = d;
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, d);
    v.text.assign(buffer, result.ptr);
    return v;
  }
  static Value object() {
    Value v;
    v.type = Type::kObject;
    return v;
  }
  static Value array() {
    Value v;
    v.type = Type::kArray;
    return v;
  }

  bool is_object() const { return type == Type::kObject; }
  bool is_array() const { return type == Type::kArray; }
  bool is_string() const { return type == Type::kString; }
  bool is_number() const { return type == Type::kNumber; }
  bool is_bool() const { return type == Type::kBool; }
  // JSON Schema's integer: a number without a fractional part (2.0 counts).
  bool is_integer() const {
    return is_number() && std::isfinite(number) && std::floor(number) == number;
  }

  const Value* find(std::string_view key) const {
    for (const auto& [name, value] : members) {
      if (name == key) return &value;
    }
    return nullptr;
  }
  Value& set(std::string_view key, Value value) {
    for (auto& [name, existing] : members) {
      if (name == key) return existing = std::move(value);
    }
    members.emplace_back(std::string(key), std::move(value));
    return members.back().second;
  }

  friend bool operator==(const Value& a, const Value& b) {
    if (a.type != b.type) return false;
    switch (a.type) {
      case Type::kNull:
        return true;
      case Type::kBool:
        return a.boolean == b.boolean;
      case Type::kNumber:
        return a.number == b.number;
      case Type::kString:
        return a.text == b.text;
      case Type::kArray:
        return a.items == b.items;
      case Type::kObject:
        if (a.members.size() != b.members.size()) return false;
        for (const auto& [name, value] : a.members) {
          const Value* other = b.find(name);
          if (other == nullptr || !(*other == value)) return false;
        }
        return true;
    }
    return false;
  }
};

class Parser {
 public:
  explicit Parser(std::string_view input) : in_(input) {}

  Value document() {
    Value v = value(0);
    skip_space();
    if (pos_ != in_.size()) fail("unexpected text after the value");
    return v;
  }

 private:
  static constexpr int kMaxDepth = 200;

  [[noreturn]] void fail(const std::string& what) const {
    throw std::invalid_argument("invalid JSON at byte " + std::to_string(pos_) + ": " + what);
  }
  void skip_space() {
    while (pos_ < in_.size() &&
           (in_[pos_] == ' ' || in_[pos_] == '\t' || in_[pos_] == '\n' || in_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool consume(std::string_view word) {
    if (in_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  Value value(int depth) {
    if (depth > kMaxDepth) fail("nested too deeply");
    skip_space();
    if (pos_ >= in_.size()) fail("unexpected end");
    Value v;
    const char c = in_[pos_];
    if (c == '{') {
      v.type = Value::Type::kObject;
      ++pos_;
      skip_space();
      if (consume("}")) return v;
      for (;;) {
        skip_space();
        if (pos_ >= in_.size() || in_[pos_] != '"') fail("expected a member name");
        std::string name = string();
        skip_space();
        if (!consume(":")) fail("expected ':'");
        if (v.find(name) != nullptr) fail("duplicate member \"" + name + "\"");
        v.members.emplace_back(std::move(name), value(depth + 1));
        skip_space();
        if (consume("}")) return v;
        if (!consume(",")) fail("expected ',' or '}'");
      }
    }
    if (c == '[') {
      v.type = Value::Type::kArray;
      ++pos_;
      skip_space();
      if (consume("]")) return v;
      for (;;) {
        v.items.push_back(value(depth + 1));
        skip_space();
        if (consume("]")) return v;
        if (!consume(",")) fail("expected ',' or ']'");
      }
    }
    if (c == '"') {
      v.type = Value::Type::kString;
      v.text = string();
      return v;
    }
    if (consume("true")) {
      v.type = Value::Type::kBool;
      v.boolean = true;
      return v;
    }
    if (consume("false")) {
      v.type = Value::Type::kBool;
      return v;
    }
    if (consume("null")) return v;
    return number();
  }

  Value number() {
    const size_t start = pos_;
    auto digits = [&] {
      const size_t from = pos_;
      while (pos_ < in_.size() && in_[pos_] >= '0' && in_[pos_] <= '9') ++pos_;
      return pos_ > from;
    };
    consume("-");
    if (!consume("0") && !digits()) fail("expected a value");
    if (consume(".") && !digits()) fail("expected digits after '.'");
    if (pos_ < in_.size() && (in_[pos_] == 'e' || in_[pos_] == 'E')) {
      ++pos_;
      if (!consume("+")) consume("-");
      if (!digits()) fail("expected an exponent");
    }
    Value v;
    v.type = Value::Type::kNumber;
    v.text.assign(in_.substr(start, pos_ - start));
    const auto result = std::from_chars(v.text.data(), v.text.data() + v.text.size(), v.number);
    if (result.ec != std::errc()) fail("number out of range");
    return v;
  }

  unsigned hex4() {
    if (pos_ + 4 > in_.size()) fail("truncated \\u escape");
    unsigned code = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = in_[pos_++];
      code <<= 4;
      if (h >= '0' && h <= '9') {
        code |= static_cast<unsigned>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        code |= static_cast<unsigned>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        code |= static_cast<unsigned>(h - 'A' + 10);
      } else {
        fail("bad \\u escape");
      }
    }
    return code;
  }

  static void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  std::string string() {
    ++pos_;  // the opening quote
    std::string out;
    for (;;) {
      if (pos_ >= in_.size()) fail("unterminated string");
      const char c = in_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= in_.size()) fail("unterminated escape");
      const char e = in_[pos_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          unsigned code = hex4();
          if (code >= 0xD800 && code < 0xDC00) {
            if (!consume("\\u")) fail("lone surrogate");
            const unsigned low = hex4();
            if (low < 0xDC00 || low >= 0xE000) fail("lone surrogate");
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
          } else if (code >= 0xDC00 && code < 0xE000) {
            fail("lone surrogate");
          }
          append_utf8(out, code);
          break;
        }
        default:
          fail(std::string("bad escape \\") + e);
      }
    }
  }

  std::string_view in_;
  size_t pos_ = 0;
};

inline Value parse(std::string_view text) {
  return Parser(text).document();
}

inline void append_quoted(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (u < 0x20) {
          out += "\\u00";
          out += kHex[u >> 4];
          out += kHex[u & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

// Compact with indent < 0, else one member per line indented by `indent`.
inline void dump(const Value& v, std::string& out, int indent = -1, int level = 0) {
  const auto newline = [&](int at) {
    if (indent < 0) return;
    out += '\n';
    out.append(static_cast<size_t>(indent * at), ' ');
  };
  switch (v.type) {
    case Value::Type::kNull:
      out += "null";
      return;
    case Value::Type::kBool:
      out += v.boolean ? "true" : "false";
      return;
    case Value::Type::kNumber:
      out += v.text.empty() ? Value::number_value(v.number).text : v.text;
      return;
    case Value::Type::kString:
      append_quoted(out, v.text);
      return;
    case Value::Type::kArray:
      out += '[';
      for (size_t i = 0; i < v.items.size(); ++i) {
        if (i > 0) out += ',';
        newline(level + 1);
        dump(v.items[i], out, indent, level + 1);
      }
      if (!v.items.empty()) newline(level);
      out += ']';
      return;
    case Value::Type::kObject:
      out += '{';
      for (size_t i = 0; i < v.members.size(); ++i) {
        if (i > 0) out += ',';
        newline(level + 1);
        append_quoted(out, v.members[i].first);
        out += indent < 0 ? ":" : ": ";
        dump(v.members[i].second, out, indent, level + 1);
      }
      if (!v.members.empty()) newline(level);
      out += '}';
      return;
  }
}

// Orders every object's members by name, as the host's config JSON is.
inline void sort_members(Value& v) {
  for (auto& item : v.items) sort_members(item);
  for (auto& member : v.members) sort_members(member.second);
  std::sort(v.members.begin(), v.members.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

inline std::string dump(const Value& v, int indent = -1) {
  std::string out;
  dump(v, out, indent);
  return out;
}

}  // namespace json

// ======================================================== config schemas
// The host's config handling, for the keywords a plugin schema may use.
namespace schema {

inline std::string type_name(const json::Value& v) {
  switch (v.type) {
    case json::Value::Type::kNull:
      return "null";
    case json::Value::Type::kBool:
      return "boolean";
    case json::Value::Type::kNumber:
      return v.is_integer() ? "integer" : "number";
    case json::Value::Type::kString:
      return "string";
    case json::Value::Type::kArray:
      return "array";
    case json::Value::Type::kObject:
      return "object";
  }
  return "unknown";
}

inline bool has_type(const json::Value& v, const std::string& type) {
  const std::string actual = type_name(v);
  return type == actual || (type == "number" && actual == "integer");
}

inline size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Appends "at /path: problem" for every violation of `s` by `v`.
inline void validate(const json::Value& s, const json::Value& v, const std::string& path,
                     std::vector<std::string>& errors) {
  const std::string where = path.empty() ? "/" : path;
  if (s.is_bool()) {
    if (!s.boolean) errors.push_back("at " + where + ": no value is allowed here");
    return;
  }
  if (!s.is_object()) return;
  if (const auto* type = s.find("type")) {
    bool ok = false;
    std::string expected;
    if (type->is_string()) {
      ok = has_type(v, type->text);
      expected = type->text;
    } else {
      for (const auto& t : type->items) {
        ok = ok || has_type(v, t.text);
        expected += (expected.empty() ? "" : " or ") + t.text;
      }
    }
    if (!ok) {
      errors.push_back("at " + where + ": expected " + expected + ", got " + type_name(v) + " " +
                       json::dump(v));
      return;
    }
  }
  if (const auto* allowed = s.find("enum")) {
    bool found = false;
    for (const auto& a : allowed->items) found = found || a == v;
    if (!found) {
      errors.push_back("at " + where + ": " + json::dump(v) + " is not one of " +
                       json::dump(*allowed));
    }
  }
  if (const auto* c = s.find("const"); c != nullptr && !(*c == v)) {
    errors.push_back("at " + where + ": must be " + json::dump(*c));
  }
  const auto bound = [&](const char* key) -> const json::Value* {
    const auto* b = s.find(key);
    return b != nullptr && b->is_number() ? b : nullptr;
  };
  if (v.is_number()) {
    if (const auto* b = bound("minimum"); b && v.number < b->number) {
      errors.push_back("at " + where + ": " + v.text + " is less than the minimum " + b->text);
    }
    if (const auto* b = bound("maximum"); b && v.number > b->number) {
      errors.push_back("at " + where + ": " + v.text + " is more than the maximum " + b->text);
    }
    if (const auto* b = bound("exclusiveMinimum"); b && v.number <= b->number) {
      errors.push_back("at " + where + ": " + v.text + " must be more than " + b->text);
    }
    if (const auto* b = bound("exclusiveMaximum"); b && v.number >= b->number) {
      errors.push_back("at " + where + ": " + v.text + " must be less than " + b->text);
    }
  }
  if (v.is_string()) {
    const double length = static_cast<double>(utf8_length(v.text));
    if (const auto* b = bound("minLength"); b && length < b->number) {
      errors.push_back("at " + where + ": shorter than " + b->text + " characters");
    }
    if (const auto* b = bound("maxLength"); b && length > b->number) {
      errors.push_back("at " + where + ": longer than " + b->text + " characters");
    }
  }
  if (v.is_array()) {
    const double size = static_cast<double>(v.items.size());
    if (const auto* b = bound("minItems"); b && size < b->number) {
      errors.push_back("at " + where + ": fewer than " + b->text + " items");
    }
    if (const auto* b = bound("maxItems"); b && size > b->number) {
      errors.push_back("at " + where + ": more than " + b->text + " items");
    }
    if (const auto* item_schema = s.find("items")) {
      for (size_t i = 0; i < v.items.size(); ++i) {
        validate(*item_schema, v.items[i], path + "/" + std::to_string(i), errors);
      }
    }
  }
  if (v.is_object()) {
    const auto* properties = s.find("properties");
    if (const auto* required = s.find("required")) {
      for (const auto& name : required->items) {
        if (v.find(name.text) == nullptr) {
          errors.push_back("at " + where + ": missing required property '" + name.text + "'");
        }
      }
    }
    const auto* additional = s.find("additionalProperties");
    for (const auto& [name, member] : v.members) {
      const json::Value* sub = properties != nullptr ? properties->find(name) : nullptr;
      if (sub != nullptr) {
        validate(*sub, member, path + "/" + name, errors);
      } else if (additional != nullptr && additional->is_bool() && !additional->boolean) {
        errors.push_back("at " + where + ": unknown property '" + name + "'");
      } else if (additional != nullptr && additional->is_object()) {
        validate(*additional, member, path + "/" + name, errors);
      }
    }
  }
  for (const char* combinator : {"anyOf", "oneOf"}) {
    const auto* forms = s.find(combinator);
    if (forms == nullptr) continue;
    size_t matching = 0;
    for (const auto& form : forms->items) {
      std::vector<std::string> ignored;
      validate(form, v, path, ignored);
      matching += ignored.empty();
    }
    const bool any = std::string_view(combinator) == "anyOf";
    if (any ? matching == 0 : matching != 1) {
      errors.push_back("at " + where + ": matches " + std::to_string(matching) +
                       " of the allowed forms (" + combinator + ")");
    }
  }
}

// Fills in the `default` of every property the config leaves out, into
// nested objects too, as the host does before create.
inline void fill_defaults(const json::Value& s, json::Value& v) {
  if (!s.is_object() || !v.is_object()) return;
  const auto* properties = s.find("properties");
  if (properties == nullptr) return;
  for (const auto& [name, sub] : properties->members) {
    if (!sub.is_object()) continue;
    if (v.find(name) == nullptr) {
      if (const auto* d = sub.find("default")) {
        v.set(name, *d);
      } else if (const auto* t = sub.find("type");
                 t != nullptr && t->text == "object" && sub.find("properties") != nullptr) {
        json::Value nested = json::Value::object();
        fill_defaults(sub, nested);
        if (!nested.members.empty()) v.set(name, std::move(nested));
        continue;
      } else {
        continue;
      }
    }
    for (auto& [member_name, member] : v.members) {
      if (member_name == name) fill_defaults(sub, member);
    }
  }
}

}  // namespace schema

// ============================================================ the model
namespace detail {

inline bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t extra = 0;
    uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      code = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      code = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      code = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= s.size()) return false;
    for (size_t k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      code = (code << 6) | (cc & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF.
    if ((extra == 2 && code < 0x800) || (extra == 3 && code < 0x10000) || code > 0x10FFFF ||
        (code >= 0xD800 && code < 0xE000)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

inline std::string_view view(opis_str s) {
  return s.data == nullptr ? std::string_view{} : std::string_view{s.data, s.size};
}
inline opis_str str(const std::string& s) {
  return {s.data(), s.size()};
}
// A string handed in by the plugin: NULL with a size, or invalid UTF-8, is
// refused, as the host refuses it.
inline bool accept(opis_str s) {
  return s.data == nullptr ? s.size == 0 : valid_utf8({s.data, s.size});
}

struct PropertyData {
  std::string name;
  std::string value;
};
struct FootnoteData {
  std::string marker;
  std::string text;
  uint32_t begin = 0;
  uint32_t end = 0;
};
struct CitationData {
  std::string raw, kind, archive, archive_name, fond, opis, delo, pages, publication, date;
  uint32_t begin = 0;
  uint32_t end = 0;
};
struct ContributorData {
  std::string name;
  std::string role;
};
struct EntityData {
  std::string type;
  std::string canonical;
  std::string authority_id;
  std::vector<std::string> surfaces;
};
struct DateData {
  std::string surface;
  std::string edtf;
  uint32_t begin = 0;
  uint32_t end = 0;
};
struct AnnotationData {
  std::string type;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string plugin;
  std::string value;
  std::vector<PropertyData> attributes;
};
struct LinkData {
  std::string type;
  std::string target_id;
  double score = 0.0;
};

inline constexpr size_t kFieldCount = OPIS_FIELD_SOURCE_NAME + 1;

// What an opis_record* points to in the harness. The host's own
// opis_record is another type; the harness hands out its pointers cast to the
// opaque handle, so a test may link the real host too without a clash.
struct RecordData {
  std::array<std::string, kFieldCount> fields;
  std::vector<std::string> funders, warnings, stamps;
  std::vector<PropertyData> metadata;
  std::vector<FootnoteData> footnotes;
  std::vector<CitationData> citations;
  std::vector<ContributorData> contributors;
  std::vector<EntityData> entities;
  std::vector<DateData> dates;
  std::vector<AnnotationData> annotations;
  std::vector<LinkData> links;

  // Storage behind views that are not plain strings of the record: valid
  // until the record is next modified (plugin.h's lifetime).
  mutable std::string rendered;
  mutable std::vector<std::unique_ptr<std::vector<opis_str>>> surface_views;
  mutable std::vector<std::unique_ptr<std::vector<opis_property>>> attribute_views;

  RecordData() = default;
  RecordData(const RecordData& other) { copy_content(other); }
  RecordData& operator=(const RecordData& other) {
    if (this != &other) copy_content(other);
    return *this;
  }

  void release_views() const {
    rendered.clear();
    surface_views.clear();
    attribute_views.clear();
  }

 private:
  void copy_content(const RecordData& o) {
    fields = o.fields;
    funders = o.funders;
    warnings = o.warnings;
    stamps = o.stamps;
    metadata = o.metadata;
    footnotes = o.footnotes;
    citations = o.citations;
    contributors = o.contributors;
    entities = o.entities;
    dates = o.dates;
    annotations = o.annotations;
    links = o.links;
    release_views();
  }
};

inline RecordData* data_of(opis_record* r) {
  return reinterpret_cast<RecordData*>(r);
}
inline const RecordData* data_of(const opis_record* r) {
  return reinterpret_cast<const RecordData*>(r);
}
inline opis_record* handle_of(RecordData* d) {
  return reinterpret_cast<opis_record*>(d);
}

struct CallData {
  std::string plugin;  // the acting plugin's name
  std::string subject;
  opis_status failure_status = OPIS_OK;
  std::string failure_message;
  std::vector<std::unique_ptr<RecordData>>* emitted = nullptr;
  std::vector<std::string>* log = nullptr;
};
inline CallData* call_of(opis_call* c) {
  return reinterpret_cast<CallData*>(c);
}
inline const CallData* call_of(const opis_call* c) {
  return reinterpret_cast<const CallData*>(c);
}

// The call running on this thread: list_append has no call parameter but
// must stamp annotations with the acting plugin's name.
inline thread_local const CallData* active_call = nullptr;

struct ConfigData {
  json::Value value;
  std::string text;
};
inline const ConfigData* config_of(const opis_config* c) {
  return reinterpret_cast<const ConfigData*>(c);
}

// ----------------------------------------------------------------- calls

inline const char* level_name(opis_log_level level) {
  switch (level) {
    case OPIS_LOG_TRACE:
      return "trace";
    case OPIS_LOG_DEBUG:
      return "debug";
    case OPIS_LOG_INFO:
      return "info";
    case OPIS_LOG_WARN:
      return "warn";
    case OPIS_LOG_ERROR:
      return "error";
  }
  return "info";
}

inline void host_log(opis_call* call, opis_log_level level, opis_str message) {
  CallData* c = call_of(call);
  if (c == nullptr || c->log == nullptr) return;
  try {
    c->log->push_back(std::string(level_name(level)) + ": " + std::string(view(message)));
  } catch (...) {
  }
}

inline opis_status host_fail(opis_call* call, opis_status status, opis_str message) {
  CallData* c = call_of(call);
  if (c == nullptr) return status;
  try {
    c->failure_status = status;
    c->failure_message.assign(view(message));
  } catch (...) {
  }
  return status;
}

inline void host_warn(opis_call* call, opis_record* record, opis_str message) {
  if (record == nullptr || !accept(message)) return;
  try {
    RecordData* r = data_of(record);
    r->release_views();
    const CallData* c = call_of(call);
    std::string text(view(message));
    if (c != nullptr && !c->plugin.empty()) text = c->plugin + ": " + text;
    r->warnings.push_back(std::move(text));
    host_log(call, OPIS_LOG_WARN, message);
  } catch (...) {
  }
}

inline int host_cancelled(const opis_call*) {
  return 0;
}

inline opis_str host_call_error(const opis_call* call) {
  const CallData* c = call_of(call);
  return c == nullptr ? opis_str{nullptr, 0} : str(c->failure_message);
}

// ---------------------------------------------------------------- config

inline const json::Value* config_lookup(const opis_config* config, const char* key) {
  if (config == nullptr || key == nullptr) return nullptr;
  const json::Value* node = &config_of(config)->value;
  std::string_view path(key);
  while (!path.empty()) {
    const auto dot = path.find('.');
    if (!node->is_object()) return nullptr;
    node = node->find(path.substr(0, dot));
    if (node == nullptr || dot == std::string_view::npos) break;
    path.remove_prefix(dot + 1);
  }
  return node;
}

inline opis_str host_config_json(const opis_config* config) {
  return config == nullptr ? opis_str{"{}", 2} : str(config_of(config)->text);
}

inline opis_status host_config_string(const opis_config* config, const char* key, opis_str* out) {
  const auto* node = config_lookup(config, key);
  if (node == nullptr || out == nullptr) return OPIS_NOT_FOUND;
  if (!node->is_string()) return OPIS_INVALID_CONFIG;
  *out = str(node->text);
  return OPIS_OK;
}

inline opis_status host_config_int(const opis_config* config, const char* key, int64_t* out) {
  const auto* node = config_lookup(config, key);
  if (node == nullptr || out == nullptr) return OPIS_NOT_FOUND;
  if (!node->is_integer() || node->number < -0x1p63 || node->number >= 0x1p63) {
    return OPIS_INVALID_CONFIG;
  }
  // Written integers are read from their text, so values past 2^53 stay exact.
  int64_t exact = 0;
  const auto r = std::from_chars(node->text.data(), node->text.data() + node->text.size(), exact);
  *out = r.ec == std::errc() && r.ptr == node->text.data() + node->text.size()
             ? exact
             : static_cast<int64_t>(node->number);
  return OPIS_OK;
}

inline opis_status host_config_double(const opis_config* config, const char* key, double* out) {
  const auto* node = config_lookup(config, key);
  if (node == nullptr || out == nullptr) return OPIS_NOT_FOUND;
  if (!node->is_number()) return OPIS_INVALID_CONFIG;
  *out = node->number;
  return OPIS_OK;
}

inline opis_status host_config_bool(const opis_config* config, const char* key, int* out) {
  const auto* node = config_lookup(config, key);
  if (node == nullptr || out == nullptr) return OPIS_NOT_FOUND;
  if (!node->is_bool()) return OPIS_INVALID_CONFIG;
  *out = node->boolean ? 1 : 0;
  return OPIS_OK;
}

inline opis_status host_config_array_size(const opis_config* config, const char* key, size_t* out) {
  const auto* node = config_lookup(config, key);
  if (node == nullptr || out == nullptr) return OPIS_NOT_FOUND;
  if (!node->is_array()) return OPIS_INVALID_CONFIG;
  *out = node->items.size();
  return OPIS_OK;
}

inline opis_status host_config_string_at(const opis_config* config, const char* key, size_t index,
                                         opis_str* out) {
  const auto* node = config_lookup(config, key);
  if (node == nullptr || out == nullptr) return OPIS_NOT_FOUND;
  if (!node->is_array()) return OPIS_INVALID_CONFIG;
  if (index >= node->items.size()) return OPIS_NOT_FOUND;
  if (!node->items[index].is_string()) return OPIS_INVALID_CONFIG;
  *out = str(node->items[index].text);
  return OPIS_OK;
}

// --------------------------------------------------------------- records

inline opis_record* host_record_new(opis_call*) {
  try {
    return handle_of(new RecordData());
  } catch (...) {
    return nullptr;
  }
}

inline void host_record_free(opis_record* record) {
  delete data_of(record);
}

inline opis_status host_record_emit(opis_call* call, opis_record* record) {
  std::unique_ptr<RecordData> owned(data_of(record));
  if (owned == nullptr) return OPIS_INVALID_INPUT;
  CallData* c = call_of(call);
  if (c == nullptr || c->emitted == nullptr) {
    return host_fail(call, OPIS_UNSUPPORTED, {"record_emit outside an ingest call", 34});
  }
  try {
    owned->release_views();
    c->emitted->push_back(std::move(owned));
    return OPIS_OK;
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

inline bool known_field(opis_field field) {
  return field >= OPIS_FIELD_ID && field <= OPIS_FIELD_SOURCE_NAME;
}

inline opis_str host_record_get(const opis_record* record, opis_field field) {
  if (record == nullptr || !known_field(field)) return {nullptr, 0};
  return str(data_of(record)->fields[static_cast<size_t>(field)]);
}

inline opis_status host_record_set(opis_record* record, opis_field field, opis_str value) {
  if (record == nullptr || !accept(value)) return OPIS_INVALID_INPUT;
  if (!known_field(field)) return OPIS_UNSUPPORTED;
  try {
    RecordData* r = data_of(record);
    r->release_views();
    r->fields[static_cast<size_t>(field)].assign(view(value));
    return OPIS_OK;
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

// ----------------------------------------------------------------- lists
// One traits struct per list: the C item type, where the items live, and
// the conversions both ways.

struct TextList {
  using C = opis_text_item;
  static bool valid(const C& c) { return accept(c.value); }
  static void assign(const C& c, std::string& e) { e.assign(view(c.value)); }
  static C view_of(const std::string& e, const RecordData&) { return {sizeof(C), str(e)}; }
};
struct Funders : TextList {
  static auto& items(RecordData& r) { return r.funders; }
};
struct Warnings : TextList {
  static auto& items(RecordData& r) { return r.warnings; }
};
struct Stamps : TextList {
  static auto& items(RecordData& r) { return r.stamps; }
};

struct Metadata {
  using C = opis_property;
  static auto& items(RecordData& r) { return r.metadata; }
  static bool valid(const C& c) { return accept(c.name) && accept(c.value); }
  static void assign(const C& c, PropertyData& e) {
    e.name.assign(view(c.name));
    e.value.assign(view(c.value));
  }
  static C view_of(const PropertyData& e, const RecordData&) {
    return {sizeof(C), str(e.name), str(e.value)};
  }
};

struct Footnotes {
  using C = opis_footnote;
  static auto& items(RecordData& r) { return r.footnotes; }
  static bool valid(const C& c) { return accept(c.marker) && accept(c.text); }
  static void assign(const C& c, FootnoteData& e) {
    e.marker.assign(view(c.marker));
    e.text.assign(view(c.text));
    e.begin = c.begin;
    e.end = c.end;
  }
  static C view_of(const FootnoteData& e, const RecordData&) {
    return {sizeof(C), str(e.marker), str(e.text), e.begin, e.end};
  }
};

struct Citations {
  using C = opis_citation;
  static auto& items(RecordData& r) { return r.citations; }
  static bool valid(const C& c) {
    return accept(c.raw) && accept(c.kind) && accept(c.archive) && accept(c.archive_name) &&
           accept(c.fond) && accept(c.opis) && accept(c.delo) && accept(c.pages) &&
           accept(c.publication) && accept(c.date);
  }
  static void assign(const C& c, CitationData& e) {
    e.raw.assign(view(c.raw));
    e.kind.assign(view(c.kind));
    e.archive.assign(view(c.archive));
    e.archive_name.assign(view(c.archive_name));
    e.fond.assign(view(c.fond));
    e.opis.assign(view(c.opis));
    e.delo.assign(view(c.delo));
    e.pages.assign(view(c.pages));
    e.publication.assign(view(c.publication));
    e.date.assign(view(c.date));
    e.begin = c.begin;
    e.end = c.end;
  }
  static C view_of(const CitationData& e, const RecordData&) {
    return {sizeof(C),   str(e.raw),  str(e.kind), str(e.archive), str(e.archive_name),
            str(e.fond), str(e.opis), str(e.delo), str(e.pages),   str(e.publication),
            str(e.date), e.begin,     e.end};
  }
};

struct Contributors {
  using C = opis_contributor;
  static auto& items(RecordData& r) { return r.contributors; }
  static bool valid(const C& c) { return accept(c.name) && accept(c.role); }
  static void assign(const C& c, ContributorData& e) {
    e.name.assign(view(c.name));
    e.role.assign(view(c.role));
  }
  static C view_of(const ContributorData& e, const RecordData&) {
    return {sizeof(C), str(e.name), str(e.role)};
  }
};

struct Entities {
  using C = opis_entity;
  static auto& items(RecordData& r) { return r.entities; }
  static bool valid(const C& c) {
    if (!accept(c.type) || !accept(c.canonical) || !accept(c.authority_id)) return false;
    if (c.surface_count > 0 && c.surfaces == nullptr) return false;
    for (size_t i = 0; i < c.surface_count; ++i) {
      if (!accept(c.surfaces[i])) return false;
    }
    return true;
  }
  static void assign(const C& c, EntityData& e) {
    e.type.assign(view(c.type));
    e.canonical.assign(view(c.canonical));
    e.authority_id.assign(view(c.authority_id));
    e.surfaces.clear();
    for (size_t i = 0; i < c.surface_count; ++i) e.surfaces.emplace_back(view(c.surfaces[i]));
  }
  static C view_of(const EntityData& e, const RecordData& record) {
    auto surfaces = std::make_unique<std::vector<opis_str>>();
    for (const auto& s : e.surfaces) surfaces->push_back(str(s));
    C c{sizeof(C),           str(e.type),      str(e.canonical),
        str(e.authority_id), surfaces->data(), surfaces->size()};
    record.surface_views.push_back(std::move(surfaces));
    return c;
  }
};

struct Dates {
  using C = opis_date_mention;
  static auto& items(RecordData& r) { return r.dates; }
  static bool valid(const C& c) { return accept(c.surface) && accept(c.edtf); }
  static void assign(const C& c, DateData& e) {
    e.surface.assign(view(c.surface));
    e.edtf.assign(view(c.edtf));
    e.begin = c.begin;
    e.end = c.end;
  }
  static C view_of(const DateData& e, const RecordData&) {
    return {sizeof(C), str(e.surface), str(e.edtf), e.begin, e.end};
  }
};

struct Annotations {
  using C = opis_annotation;
  static auto& items(RecordData& r) { return r.annotations; }
  static bool valid(const C& c) {
    if (!accept(c.type) || !accept(c.value)) return false;
    if (c.attribute_count > 0 && c.attributes == nullptr) return false;
    for (size_t i = 0; i < c.attribute_count; ++i) {
      if (!accept(c.attributes[i].name) || !accept(c.attributes[i].value)) return false;
    }
    return true;
  }
  static void assign(const C& c, AnnotationData& e) {
    e.type.assign(view(c.type));
    e.begin = c.begin;
    e.end = c.end;
    e.value.assign(view(c.value));
    // The acting plugin, whatever the plugin claims (plugin.h: read only).
    e.plugin = active_call != nullptr ? active_call->plugin : std::string();
    e.attributes.clear();
    for (size_t i = 0; i < c.attribute_count; ++i) {
      e.attributes.push_back(PropertyData{std::string(view(c.attributes[i].name)),
                                          std::string(view(c.attributes[i].value))});
    }
  }
  static C view_of(const AnnotationData& e, const RecordData& record) {
    auto attributes = std::make_unique<std::vector<opis_property>>();
    for (const auto& p : e.attributes) {
      attributes->push_back({sizeof(opis_property), str(p.name), str(p.value)});
    }
    C c{sizeof(C),    str(e.type),        e.begin,           e.end, str(e.plugin),
        str(e.value), attributes->data(), attributes->size()};
    record.attribute_views.push_back(std::move(attributes));
    return c;
  }
};

struct Links {
  using C = opis_link;
  static auto& items(RecordData& r) { return r.links; }
  static bool valid(const C& c) { return accept(c.type) && accept(c.target_id); }
  static void assign(const C& c, LinkData& e) {
    e.type.assign(view(c.type));
    e.target_id.assign(view(c.target_id));
    e.score = c.score;
  }
  static C view_of(const LinkData& e, const RecordData&) {
    return {sizeof(C), str(e.type), str(e.target_id), e.score};
  }
};

template <class F>
opis_status with_list(opis_list list, F&& f) {
  switch (list) {
    case OPIS_LIST_FUNDERS:
      return f(Funders{});
    case OPIS_LIST_WARNINGS:
      return f(Warnings{});
    case OPIS_LIST_STAMPS:
      return f(Stamps{});
    case OPIS_LIST_METADATA:
      return f(Metadata{});
    case OPIS_LIST_FOOTNOTES:
      return f(Footnotes{});
    case OPIS_LIST_CITATIONS:
      return f(Citations{});
    case OPIS_LIST_CONTRIBUTORS:
      return f(Contributors{});
    case OPIS_LIST_ENTITIES:
      return f(Entities{});
    case OPIS_LIST_DATES:
      return f(Dates{});
    case OPIS_LIST_ANNOTATIONS:
      return f(Annotations{});
    case OPIS_LIST_LINKS:
      return f(Links{});
  }
  return OPIS_UNSUPPORTED;
}

// Structs crossing the boundary start with their size: copy what both sides
// know into a zeroed struct of our own.
template <class C>
bool copy_in(const void* item, C& out) {
  if (item == nullptr) return false;
  size_t declared = 0;
  std::memcpy(&declared, item, sizeof declared);
  if (declared < sizeof(size_t)) return false;
  out = C{};
  std::memcpy(static_cast<void*>(&out), item, declared < sizeof(C) ? declared : sizeof(C));
  out.struct_size = sizeof(C);
  return true;
}

template <class C>
bool copy_out(const C& value, void* item) {
  if (item == nullptr) return false;
  size_t declared = 0;
  std::memcpy(&declared, item, sizeof declared);
  if (declared < sizeof(size_t)) return false;
  std::memcpy(item, &value, declared < sizeof(C) ? declared : sizeof(C));
  std::memcpy(item, &declared, sizeof declared);
  return true;
}

inline size_t host_list_size(const opis_record* record, opis_list list) {
  if (record == nullptr) return 0;
  size_t size = 0;
  with_list(list, [&](auto traits) {
    size = decltype(traits)::items(*const_cast<RecordData*>(data_of(record))).size();
    return OPIS_OK;
  });
  return size;
}

inline opis_status host_list_get(const opis_record* record, opis_list list, size_t index,
                                 void* item) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  try {
    return with_list(list, [&](auto traits) {
      using T = decltype(traits);
      const RecordData& r = *data_of(record);
      const auto& items = T::items(const_cast<RecordData&>(r));
      if (index >= items.size()) return OPIS_NOT_FOUND;
      return copy_out(T::view_of(items[index], r), item) ? OPIS_OK : OPIS_INVALID_INPUT;
    });
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

inline opis_status host_list_append(opis_record* record, opis_list list, const void* item) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  try {
    return with_list(list, [&](auto traits) {
      using T = decltype(traits);
      typename T::C value;
      if (!copy_in(item, value) || !T::valid(value)) return OPIS_INVALID_INPUT;
      RecordData& r = *data_of(record);
      r.release_views();
      T::assign(value, T::items(r).emplace_back());
      return OPIS_OK;
    });
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

inline opis_status host_list_set(opis_record* record, opis_list list, size_t index,
                                 const void* item) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  try {
    return with_list(list, [&](auto traits) {
      using T = decltype(traits);
      RecordData& r = *data_of(record);
      auto& items = T::items(r);
      if (index >= items.size()) return OPIS_NOT_FOUND;
      typename T::C value;
      if (!copy_in(item, value) || !T::valid(value)) return OPIS_INVALID_INPUT;
      r.release_views();
      if constexpr (std::is_same_v<T, Annotations>) {
        // Replacing an annotation keeps its author, as the host does.
        std::string author = items[index].plugin;
        T::assign(value, items[index]);
        items[index].plugin = std::move(author);
      } else {
        T::assign(value, items[index]);
      }
      return OPIS_OK;
    });
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

inline opis_status host_list_remove(opis_record* record, opis_list list, size_t index) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  return with_list(list, [&](auto traits) {
    RecordData& r = *data_of(record);
    auto& items = decltype(traits)::items(r);
    if (index >= items.size()) return OPIS_NOT_FOUND;
    r.release_views();
    items.erase(items.begin() + static_cast<std::ptrdiff_t>(index));
    return OPIS_OK;
  });
}

inline opis_status host_list_clear(opis_record* record, opis_list list) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  return with_list(list, [&](auto traits) {
    RecordData& r = *data_of(record);
    r.release_views();
    decltype(traits)::items(r).clear();
    return OPIS_OK;
  });
}

// ---------------------------------------------------------- whole record
// The records.jsonl shape (protobuf JSON mapping, proto field names, proto
// field order) for the fields the ABI exposes.

struct JsonBuilder {
  bool defaults;  // OPIS_JSON_INCLUDE_DEFAULTS: empty fields too

  void text(json::Value& o, const char* key, const std::string& s) const {
    if (defaults || !s.empty()) o.set(key, json::Value::string_value(s));
  }
  void offset(json::Value& o, const char* key, uint32_t n) const {
    if (defaults || n != 0) o.set(key, json::Value::number_value(n));
  }
  template <class Items, class F>
  void list(json::Value& o, const char* key, const Items& items, F&& one) const {
    if (!defaults && items.empty()) return;
    json::Value array = json::Value::array();
    for (const auto& item : items) array.items.push_back(one(item));
    o.set(key, std::move(array));
  }
  json::Value strings(const std::vector<std::string>& items) const {
    json::Value array = json::Value::array();
    for (const auto& s : items) array.items.push_back(json::Value::string_value(s));
    return array;
  }
  json::Value property(const PropertyData& p) const {
    json::Value o = json::Value::object();
    text(o, "name", p.name);
    text(o, "value", p.value);
    return o;
  }

  json::Value record(const RecordData& r) const {
    const auto field = [&](opis_field f) -> const std::string& {
      return r.fields[static_cast<size_t>(f)];
    };
    json::Value o = json::Value::object();
    text(o, "id", field(OPIS_FIELD_ID));
    text(o, "kind", field(OPIS_FIELD_KIND));
    json::Value source = json::Value::object();
    text(source, "uri", field(OPIS_FIELD_SOURCE_URI));
    text(source, "media_type", field(OPIS_FIELD_SOURCE_MEDIA_TYPE));
    text(source, "sha256", field(OPIS_FIELD_SOURCE_SHA256));
    text(source, "name", field(OPIS_FIELD_SOURCE_NAME));
    if (!source.members.empty()) o.set("source", std::move(source));
    text(o, "parent_id", field(OPIS_FIELD_PARENT_ID));
    text(o, "title", field(OPIS_FIELD_TITLE));
    json::Value date = json::Value::object();
    text(date, "edtf", field(OPIS_FIELD_DATE_EDTF));
    text(date, "surface", field(OPIS_FIELD_DATE_SURFACE));
    if (!date.members.empty()) o.set("date", std::move(date));
    text(o, "summary", field(OPIS_FIELD_SUMMARY));
    text(o, "text", field(OPIS_FIELD_TEXT));
    text(o, "language", field(OPIS_FIELD_LANGUAGE));
    if (defaults || !r.funders.empty()) o.set("funders", strings(r.funders));
    text(o, "classification", field(OPIS_FIELD_CLASSIFICATION));
    text(o, "copy_number", field(OPIS_FIELD_COPY_NUMBER));
    if (defaults || !r.stamps.empty()) o.set("stamps", strings(r.stamps));
    text(o, "rights", field(OPIS_FIELD_RIGHTS));
    list(o, "metadata", r.metadata, [&](const PropertyData& p) { return property(p); });
    list(o, "footnotes", r.footnotes, [&](const FootnoteData& f) {
      json::Value i = json::Value::object();
      text(i, "marker", f.marker);
      text(i, "text", f.text);
      offset(i, "begin", f.begin);
      offset(i, "end", f.end);
      return i;
    });
    list(o, "citations", r.citations, [&](const CitationData& c) {
      json::Value i = json::Value::object();
      text(i, "raw", c.raw);
      text(i, "kind", c.kind);
      text(i, "archive", c.archive);
      text(i, "archive_name", c.archive_name);
      text(i, "fond", c.fond);
      text(i, "opis", c.opis);
      text(i, "delo", c.delo);
      text(i, "pages", c.pages);
      text(i, "publication", c.publication);
      text(i, "date", c.date);
      offset(i, "begin", c.begin);
      offset(i, "end", c.end);
      return i;
    });
    list(o, "contributors", r.contributors, [&](const ContributorData& c) {
      json::Value i = json::Value::object();
      text(i, "name", c.name);
      text(i, "role", c.role);
      return i;
    });
    list(o, "entities", r.entities, [&](const EntityData& e) {
      json::Value i = json::Value::object();
      text(i, "type", e.type);
      text(i, "canonical", e.canonical);
      if (defaults || !e.surfaces.empty()) i.set("surface", strings(e.surfaces));
      text(i, "authority_id", e.authority_id);
      return i;
    });
    list(o, "dates", r.dates, [&](const DateData& d) {
      json::Value i = json::Value::object();
      text(i, "surface", d.surface);
      text(i, "edtf", d.edtf);
      offset(i, "begin", d.begin);
      offset(i, "end", d.end);
      return i;
    });
    list(o, "annotations", r.annotations, [&](const AnnotationData& a) {
      json::Value i = json::Value::object();
      text(i, "type", a.type);
      offset(i, "begin", a.begin);
      offset(i, "end", a.end);
      text(i, "plugin", a.plugin);
      text(i, "value", a.value);
      list(i, "attributes", a.attributes, [&](const PropertyData& p) { return property(p); });
      return i;
    });
    list(o, "links", r.links, [&](const LinkData& l) {
      json::Value i = json::Value::object();
      text(i, "type", l.type);
      text(i, "target_id", l.target_id);
      if (defaults || l.score != 0.0) i.set("score", json::Value::number_value(l.score));
      return i;
    });
    if (defaults || !r.warnings.empty()) o.set("warnings", strings(r.warnings));
    return o;
  }
};

inline opis_status host_record_to_json(const opis_record* record, uint32_t flags, opis_str* out) {
  if (record == nullptr || out == nullptr) return OPIS_INVALID_INPUT;
  try {
    const RecordData& r = *data_of(record);
    const JsonBuilder builder{(flags & OPIS_JSON_INCLUDE_DEFAULTS) != 0};
    r.rendered = json::dump(builder.record(r), (flags & OPIS_JSON_PRETTY) != 0 ? 2 : -1);
    *out = str(r.rendered);
    return OPIS_OK;
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

// Reads records.jsonl's shape back. Throws std::invalid_argument naming the
// member that does not fit.
class JsonReader {
 public:
  RecordData record(const json::Value& o) const {
    RecordData r;
    expect_object(o, "the record");
    for (const auto& [written, v] : o.members) {
      const std::string key = proto_name(written);
      if (key == "id") {
        set(r, OPIS_FIELD_ID, v, key);
      } else if (key == "kind") {
        set(r, OPIS_FIELD_KIND, v, key);
      } else if (key == "parent_id") {
        set(r, OPIS_FIELD_PARENT_ID, v, key);
      } else if (key == "title") {
        set(r, OPIS_FIELD_TITLE, v, key);
      } else if (key == "summary") {
        set(r, OPIS_FIELD_SUMMARY, v, key);
      } else if (key == "text") {
        set(r, OPIS_FIELD_TEXT, v, key);
      } else if (key == "language") {
        set(r, OPIS_FIELD_LANGUAGE, v, key);
      } else if (key == "classification") {
        set(r, OPIS_FIELD_CLASSIFICATION, v, key);
      } else if (key == "copy_number") {
        set(r, OPIS_FIELD_COPY_NUMBER, v, key);
      } else if (key == "rights") {
        set(r, OPIS_FIELD_RIGHTS, v, key);
      } else if (key == "source") {
        members(v, "source", [&](const std::string& k, const json::Value& m) {
          if (k == "uri") return set(r, OPIS_FIELD_SOURCE_URI, m, "source.uri");
          if (k == "media_type") return set(r, OPIS_FIELD_SOURCE_MEDIA_TYPE, m, "source." + k);
          if (k == "sha256") return set(r, OPIS_FIELD_SOURCE_SHA256, m, "source.sha256");
          if (k == "name") return set(r, OPIS_FIELD_SOURCE_NAME, m, "source.name");
          if (k == "size" || k == "metadata") return;  // not in the ABI
          unknown("source." + k);
        });
      } else if (key == "date") {
        members(v, "date", [&](const std::string& k, const json::Value& m) {
          if (k == "edtf") return set(r, OPIS_FIELD_DATE_EDTF, m, "date.edtf");
          if (k == "surface") return set(r, OPIS_FIELD_DATE_SURFACE, m, "date.surface");
          unknown("date." + k);
        });
      } else if (key == "funders") {
        r.funders = strings(v, key);
      } else if (key == "stamps") {
        r.stamps = strings(v, key);
      } else if (key == "warnings") {
        r.warnings = strings(v, key);
      } else if (key == "metadata") {
        r.metadata = items<PropertyData>(
            v, key, [&](PropertyData& p, auto& k, auto& m) { property(p, k, m, key); });
      } else if (key == "footnotes") {
        r.footnotes = items<FootnoteData>(v, key, [&](FootnoteData& f, auto& k, auto& m) {
          if (k == "marker") return string(f.marker, m, k);
          if (k == "text") return string(f.text, m, k);
          if (k == "begin") return number(f.begin, m, k);
          if (k == "end") return number(f.end, m, k);
          unknown(key + "." + k);
        });
      } else if (key == "citations") {
        r.citations = items<CitationData>(v, key, [&](CitationData& c, auto& k, auto& m) {
          const std::initializer_list<std::pair<const char*, std::string*>> texts = {
              {"raw", &c.raw},
              {"kind", &c.kind},
              {"archive", &c.archive},
              {"archive_name", &c.archive_name},
              {"fond", &c.fond},
              {"opis", &c.opis},
              {"delo", &c.delo},
              {"pages", &c.pages},
              {"publication", &c.publication},
              {"date", &c.date}};
          for (const auto& [name, target] : texts) {
            if (k == name) return string(*target, m, k);
          }
          if (k == "begin") return number(c.begin, m, k);
          if (k == "end") return number(c.end, m, k);
          unknown(key + "." + k);
        });
      } else if (key == "contributors") {
        r.contributors = items<ContributorData>(v, key, [&](ContributorData& c, auto& k, auto& m) {
          if (k == "name") return string(c.name, m, k);
          if (k == "role") return string(c.role, m, k);
          unknown(key + "." + k);
        });
      } else if (key == "entities") {
        r.entities = items<EntityData>(v, key, [&](EntityData& e, auto& k, auto& m) {
          if (k == "type") return string(e.type, m, k);
          if (k == "canonical") return string(e.canonical, m, k);
          if (k == "authority_id") return string(e.authority_id, m, k);
          if (k == "surface") {
            e.surfaces = strings(m, "entities.surface");
            return;
          }
          unknown(key + "." + k);
        });
      } else if (key == "dates") {
        r.dates = items<DateData>(v, key, [&](DateData& d, auto& k, auto& m) {
          if (k == "surface") return string(d.surface, m, k);
          if (k == "edtf") return string(d.edtf, m, k);
          if (k == "begin") return number(d.begin, m, k);
          if (k == "end") return number(d.end, m, k);
          unknown(key + "." + k);
        });
      } else if (key == "annotations") {
        r.annotations = items<AnnotationData>(v, key, [&](AnnotationData& a, auto& k, auto& m) {
          if (k == "type") return string(a.type, m, k);
          if (k == "plugin") return string(a.plugin, m, k);
          if (k == "value") return string(a.value, m, k);
          if (k == "begin") return number(a.begin, m, k);
          if (k == "end") return number(a.end, m, k);
          if (k == "attributes") {
            a.attributes =
                items<PropertyData>(m, "attributes", [&](PropertyData& p, auto& pk, auto& pm) {
                  property(p, pk, pm, "annotations.attributes");
                });
            return;
          }
          unknown(key + "." + k);
        });
      } else if (key == "links") {
        r.links = items<LinkData>(v, key, [&](LinkData& l, auto& k, auto& m) {
          if (k == "type") return string(l.type, m, k);
          if (k == "target_id") return string(l.target_id, m, k);
          if (k == "score") {
            if (!m.is_number()) wrong("links.score", "a number");
            l.score = m.number;
            return;
          }
          unknown(key + "." + k);
        });
      } else if (key == "position" || key == "provenance") {
        // Kept by the host, not modelled by the harness.
      } else {
        unknown(key);
      }
    }
    return r;
  }

 private:
  // Like the host's protobuf JSON parser, every member may also be written
  // in lowerCamelCase ("parentId", "source": {"mediaType": ...}).
  static std::string proto_name(const std::string& written) {
    std::string name;
    for (const char c : written) {
      if (c >= 'A' && c <= 'Z') {
        name += '_';
        name += static_cast<char>(c - 'A' + 'a');
      } else {
        name += c;
      }
    }
    return name;
  }
  [[noreturn]] static void unknown(const std::string& key) {
    throw std::invalid_argument("unknown field \"" + key + "\"");
  }
  [[noreturn]] static void wrong(const std::string& key, const char* expected) {
    throw std::invalid_argument("\"" + key + "\" is not " + expected);
  }
  static void expect_object(const json::Value& v, const std::string& what) {
    if (!v.is_object()) wrong(what, "an object");
  }
  static void string(std::string& out, const json::Value& v, const std::string& key) {
    if (!v.is_string()) wrong(key, "a string");
    if (!valid_utf8(v.text)) wrong(key, "valid UTF-8");
    out = v.text;
  }
  static void number(uint32_t& out, const json::Value& v, const std::string& key) {
    if (!v.is_integer() || v.number < 0 || v.number > 4294967295.0) wrong(key, "a uint32");
    out = static_cast<uint32_t>(v.number);
  }
  static void set(RecordData& r, opis_field f, const json::Value& v, const std::string& key) {
    string(r.fields[static_cast<size_t>(f)], v, key);
  }
  static std::vector<std::string> strings(const json::Value& v, const std::string& key) {
    if (!v.is_array()) wrong(key, "an array");
    std::vector<std::string> out;
    for (const auto& item : v.items) string(out.emplace_back(), item, key);
    return out;
  }
  static void property(PropertyData& p, const std::string& k, const json::Value& m,
                       const std::string& where) {
    if (k == "name") return string(p.name, m, k);
    if (k == "value") return string(p.value, m, k);
    unknown(where + "." + k);
  }
  template <class F>
  static void members(const json::Value& v, const std::string& key, F&& each) {
    expect_object(v, key);
    for (const auto& [k, m] : v.members) each(proto_name(k), m);
  }
  template <class Item, class F>
  static std::vector<Item> items(const json::Value& v, const std::string& key, F&& each) {
    if (!v.is_array()) wrong(key, "an array");
    std::vector<Item> out;
    for (const auto& element : v.items) {
      expect_object(element, key + "[]");
      Item& item = out.emplace_back();
      for (const auto& [k, m] : element.members) {
        const std::string name = proto_name(k);
        each(item, name, m);
      }
    }
    return out;
  }
};

inline opis_status host_record_from_json(opis_record* record, opis_str text, opis_call* call) {
  if (record == nullptr) return OPIS_INVALID_INPUT;
  try {
    RecordData parsed = JsonReader().record(json::parse(view(text)));
    *data_of(record) = std::move(parsed);
    return OPIS_OK;
  } catch (const std::invalid_argument& e) {
    const std::string message = std::string("not an opis record: ") + e.what();
    return host_fail(call, OPIS_INVALID_INPUT, {message.data(), message.size()});
  } catch (...) {
    return OPIS_INTERNAL;
  }
}

// Protobuf bytes need protobuf, which the harness does without.
inline opis_status host_record_serialize(const opis_record*, opis_str*) {
  return OPIS_UNSUPPORTED;
}
inline opis_status host_record_parse(opis_record*, opis_str) {
  return OPIS_UNSUPPORTED;
}

inline const opis_host_api* host_table() {
  static const opis_host_api table = {
      sizeof(opis_host_api),
      OPIS_ABI_MAJOR,
      OPIS_ABI_MINOR,
      host_log,
      host_fail,
      host_warn,
      host_cancelled,
      host_config_json,
      host_config_string,
      host_config_int,
      host_config_double,
      host_config_bool,
      host_config_array_size,
      host_config_string_at,
      host_record_new,
      host_record_free,
      host_record_emit,
      host_record_get,
      host_record_set,
      host_list_size,
      host_list_get,
      host_list_append,
      host_list_set,
      host_list_remove,
      host_list_clear,
      host_record_to_json,
      host_record_from_json,
      host_record_serialize,
      host_record_parse,
      host_call_error,
  };
  return &table;
}

}  // namespace detail

// ============================================================ public API

// A plugin callback failed: its status and the message it gave.
class Failure : public std::runtime_error {
 public:
  Failure(opis_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  opis_status status() const noexcept { return status_; }

 private:
  opis_status status_;
};

// A record owned by the test. Accessors return views into the record, valid
// until it is next modified (or passed to a plugin).
class Record {
 public:
  Record() : data_(std::make_unique<detail::RecordData>()) {}
  Record(const Record& other) : data_(std::make_unique<detail::RecordData>(*other.data_)) {}
  Record& operator=(const Record& other) {
    *data_ = *other.data_;
    return *this;
  }
  Record(Record&&) noexcept = default;
  Record& operator=(Record&&) noexcept = default;
  ~Record() = default;

  // A record as an ingester would leave it: id, kind "document", text, title.
  static Record with_text(std::string_view text, std::string_view title = {}) {
    Record r;
    r.set(OPIS_FIELD_ID, "test-record");
    r.set(OPIS_FIELD_KIND, "document");
    r.set(OPIS_FIELD_TEXT, text);
    if (!title.empty()) r.set(OPIS_FIELD_TITLE, title);
    return r;
  }
  // A record from one line of records.jsonl; throws std::invalid_argument.
  static Record from_json(std::string_view line) {
    Record r;
    *r.data_ = detail::JsonReader().record(json::parse(line));
    return r;
  }

  std::string_view field(opis_field f) const { return view().get(f); }
  void set(opis_field f, std::string_view value) { view().set(f, value); }
  std::string_view id() const { return field(OPIS_FIELD_ID); }
  std::string_view kind() const { return field(OPIS_FIELD_KIND); }
  std::string_view title() const { return field(OPIS_FIELD_TITLE); }
  std::string_view summary() const { return field(OPIS_FIELD_SUMMARY); }
  std::string_view text() const { return field(OPIS_FIELD_TEXT); }
  std::string_view date_edtf() const { return field(OPIS_FIELD_DATE_EDTF); }
  std::string_view date_surface() const { return field(OPIS_FIELD_DATE_SURFACE); }
  std::string_view classification() const { return field(OPIS_FIELD_CLASSIFICATION); }
  std::string_view copy_number() const { return field(OPIS_FIELD_COPY_NUMBER); }
  std::string_view rights() const { return field(OPIS_FIELD_RIGHTS); }
  std::string_view language() const { return field(OPIS_FIELD_LANGUAGE); }
  std::string_view parent_id() const { return field(OPIS_FIELD_PARENT_ID); }
  std::string_view source_uri() const { return field(OPIS_FIELD_SOURCE_URI); }
  std::string_view source_media_type() const { return field(OPIS_FIELD_SOURCE_MEDIA_TYPE); }
  std::string_view source_sha256() const { return field(OPIS_FIELD_SOURCE_SHA256); }
  std::string_view source_name() const { return field(OPIS_FIELD_SOURCE_NAME); }

  // Lists: count(OPIS_LIST_DATES), list<opis::sdk::DateMention>(), or the
  // named accessors below.
  size_t count(opis_list list) const { return view().count(list); }
  template <class Item>
  std::vector<Item> list() const {
    return view().items<Item>();
  }
  template <class Item>
  void add(const Item& item) {
    view().add(item);
  }
  std::vector<std::string_view> texts(opis_list list) const { return view().texts(list); }
  void add_text(opis_list list, std::string_view value) { view().add_text(list, value); }

  std::vector<sdk::Annotation> annotations() const { return list<sdk::Annotation>(); }
  std::vector<sdk::DateMention> dates() const { return list<sdk::DateMention>(); }
  std::vector<sdk::Entity> entities() const { return list<sdk::Entity>(); }
  std::vector<sdk::Citation> citations() const { return list<sdk::Citation>(); }
  std::vector<sdk::Footnote> footnotes() const { return list<sdk::Footnote>(); }
  std::vector<sdk::Contributor> contributors() const { return list<sdk::Contributor>(); }
  std::vector<sdk::Link> links() const { return list<sdk::Link>(); }
  std::vector<sdk::Property> metadata() const { return list<sdk::Property>(); }
  std::vector<std::string_view> warnings() const { return texts(OPIS_LIST_WARNINGS); }
  std::vector<std::string_view> funders() const { return texts(OPIS_LIST_FUNDERS); }
  std::vector<std::string_view> stamps() const { return texts(OPIS_LIST_STAMPS); }

  // Annotation queries.
  std::vector<sdk::Annotation> annotations(std::string_view type) const {
    std::vector<sdk::Annotation> out;
    for (auto& a : annotations()) {
      if (a.type == type) out.push_back(std::move(a));
    }
    return out;
  }
  // The text an annotation spans; empty when it has no span or lies outside.
  std::string_view covered_text(const sdk::Annotation& a) const {
    const std::string_view t = text();
    if (a.end <= a.begin || a.end > t.size()) return {};
    return t.substr(a.begin, a.end - a.begin);
  }
  // The covered text of every annotation of `type`, in list order.
  std::vector<std::string_view> annotated(std::string_view type) const {
    std::vector<std::string_view> out;
    for (const auto& a : annotations(type)) out.push_back(covered_text(a));
    return out;
  }

  // One line of records.jsonl for the modelled fields (OPIS_JSON_* flags).
  std::string to_json(uint32_t flags = 0) const { return std::string(view().to_json(flags)); }

  // The C++ layer's view, for helpers written against opis::sdk.
  sdk::RecordView view() const { return sdk::RecordView(detail::host_table(), handle()); }
  opis_record* handle() const { return detail::handle_of(data_.get()); }

 private:
  friend class Harness;
  explicit Record(std::unique_ptr<detail::RecordData> data) : data_(std::move(data)) {}
  std::unique_ptr<detail::RecordData> data_;
};

// One plugin, loaded from its file or linked into the test, with one
// instance made from a config.
class Harness {
 public:
  // dlopen()s the plugin file (e.g. the target file of opis_add_plugin).
  explicit Harness(const std::string& plugin_file, std::string_view config = {}) {
#if defined(__SANITIZE_ADDRESS__)
    // Kept mapped so leak reports can still name the plugin's frames.
    constexpr int kFlags = RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE;
#else
    constexpr int kFlags = RTLD_NOW | RTLD_LOCAL;
#endif
    library_ = dlopen(plugin_file.c_str(), kFlags);
    if (library_ == nullptr) {
      const char* why = dlerror();
      throw std::runtime_error("cannot load plugin " + plugin_file + ": " +
                               (why != nullptr ? why : "unknown error"));
    }
    void* entry = dlsym(library_, OPIS_ENTRY_SYMBOL);
    if (entry == nullptr) {
      dlclose(library_);
      throw std::runtime_error(plugin_file + " is not an opis plugin: no " OPIS_ENTRY_SYMBOL);
    }
    opis_plugin_entry_fn function;
    static_assert(sizeof function == sizeof entry);
    std::memcpy(&function, &entry, sizeof function);
    try {
      adopt(function(), plugin_file);
      if (!config.empty()) configure(config);
    } catch (...) {
      dlclose(library_);
      throw;
    }
  }

  // Calls an entry function linked into the test (a plugin built as a
  // static or object library, or the fixture's own opis_plugin_v1).
  explicit Harness(opis_plugin_entry_fn entry, std::string_view config = {}) {
    adopt(entry(), "linked plugin");
    if (!config.empty()) configure(config);
  }

  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;
  ~Harness() {
    destroy_instance();
    if (library_ != nullptr) dlclose(library_);
  }

  // (Re)creates the instance from a JSON config object: checked against the
  // plugin's schema, defaults filled in, then the plugin's create. Throws
  // Failure(OPIS_INVALID_CONFIG) naming every violation, or the plugin's
  // own failure. Without a call, the first use configures with "{}".
  void configure(std::string_view config_json) {
    json::Value config;
    try {
      config = json::parse(config_json);
    } catch (const std::invalid_argument& e) {
      throw Failure(OPIS_INVALID_CONFIG, "config of " + name_ + ": " + e.what());
    }
    std::vector<std::string> errors;
    schema::validate(schema_, config, "", errors);
    if (!errors.empty()) {
      std::string message = "config of " + name_ + " does not fit its schema:";
      for (const auto& e : errors) message += "\n  " + e;
      throw Failure(OPIS_INVALID_CONFIG, message);
    }
    schema::fill_defaults(schema_, config);
    // The host hands plugins the config with members sorted by name.
    json::sort_members(config);
    destroy_instance();
    config_.value = std::move(config);
    config_.text = json::dump(config_.value);
    detail::CallData call = new_call("create");
    const opis_status status = invoke(call, [&](opis_call* c) {
      return descriptor_.create(detail::host_table(),
                                reinterpret_cast<const opis_config*>(&config_), &instance_, c);
    });
    if (status != OPIS_OK) {
      instance_ = nullptr;
      throw failure(call, status);
    }
    configured_ = true;
  }

  const opis_plugin_descriptor& descriptor() const {
    return descriptor_;
  }
  const std::string& name() const {
    return name_;
  }
  // The config the plugin got: defaults applied, as compact JSON.
  const std::string& config_json() const {
    return config_.text;
  }
  // Every log line and warning the plugin produced, as "level: message".
  const std::vector<std::string>& log() const {
    return log_;
  }

  int probe(std::string_view content, std::string_view name = "document.txt",
            std::string_view media_type = "text/plain") {
    require(descriptor_.kind == OPIS_KIND_INGEST, "probe");
    ensure_instance();
    if (descriptor_.probe == nullptr) return 50;
    const opis_document doc = document(content, name, media_type);
    const int confidence = descriptor_.probe(instance_, &doc);
    return confidence < 0 ? 0 : confidence > 100 ? 100 : confidence;
  }

  // The records the ingester emits for one document, in order. Throws
  // Failure when the plugin fails the document.
  std::vector<Record> ingest(std::string_view content, std::string_view name = "document.txt",
                             std::string_view media_type = "text/plain") {
    Ingested result = try_ingest(content, name, media_type);
    if (!result.ok()) throw Failure(result.status, result.message);
    return std::move(result.records);
  }

  // One document's outcome without throwing: the plugin's status and
  // message, and every record it emitted, also those emitted before it
  // failed (a test can check a refused document left none behind).
  struct Ingested {
    opis_status status = OPIS_OK;
    std::string message;
    std::vector<Record> records;
    bool ok() const { return status == OPIS_OK; }
  };
  Ingested try_ingest(std::string_view content, std::string_view name = "document.txt",
                      std::string_view media_type = "text/plain") {
    require(descriptor_.kind == OPIS_KIND_INGEST, "ingest");
    ensure_instance();
    const opis_document doc = document(content, name, media_type);
    std::vector<std::unique_ptr<detail::RecordData>> emitted;
    detail::CallData call = new_call(name);
    call.emitted = &emitted;
    Ingested result;
    result.status =
        invoke(call, [&](opis_call* c) { return descriptor_.ingest(instance_, &doc, c); });
    if (!result.ok()) result.message = failure(call, result.status).what();
    for (size_t i = 0; i < emitted.size(); ++i) {
      auto& r = *emitted[i];
      const auto fill = [&](opis_field f, std::string_view value) {
        auto& field = r.fields[static_cast<size_t>(f)];
        if (field.empty()) field.assign(value);
      };
      fill(OPIS_FIELD_ID, std::string(name) + "#" + std::to_string(i));
      fill(OPIS_FIELD_KIND, "document");
      fill(OPIS_FIELD_SOURCE_URI, name);
      fill(OPIS_FIELD_SOURCE_NAME, name.substr(name.find_last_of('/') + 1));
      fill(OPIS_FIELD_SOURCE_MEDIA_TYPE, media_type);
      result.records.push_back(Record(std::move(emitted[i])));
    }
    return result;
  }

  void enrich(Record& record) {
    require(descriptor_.kind == OPIS_KIND_ENRICH, "enrich");
    ensure_instance();
    detail::CallData call = new_call(record.id());
    const opis_status status = invoke(
        call, [&](opis_call* c) { return descriptor_.enrich(instance_, record.handle(), c); });
    record.data_->release_views();
    if (status != OPIS_OK) throw failure(call, status);
  }

  void write(const Record& record) {
    require(descriptor_.kind == OPIS_KIND_OUTPUT, "write");
    ensure_instance();
    detail::CallData call = new_call(record.id());
    const opis_status status = invoke(
        call, [&](opis_call* c) { return descriptor_.write(instance_, record.handle(), c); });
    record.data_->release_views();
    if (status != OPIS_OK) throw failure(call, status);
  }

  void flush() {
    require(descriptor_.kind == OPIS_KIND_OUTPUT, "flush");
    ensure_instance();
    if (descriptor_.flush == nullptr) return;
    detail::CallData call = new_call("flush");
    const opis_status status =
        invoke(call, [&](opis_call* c) { return descriptor_.flush(instance_, c); });
    if (status != OPIS_OK) throw failure(call, status);
  }

 private:
  void adopt(const opis_plugin_descriptor* d, const std::string& where) {
    if (d == nullptr) throw std::runtime_error(where + ": the entry returned no descriptor");
    // Sizes first: copy what both sides know into a zeroed struct.
    descriptor_ = opis_plugin_descriptor{};
    if (d->struct_size < offsetof(opis_plugin_descriptor, abi_minor) + sizeof(uint32_t)) {
      throw std::runtime_error(where + ": descriptor too small");
    }
    std::memcpy(static_cast<void*>(&descriptor_), d,
                d->struct_size < sizeof descriptor_ ? d->struct_size : sizeof descriptor_);
    const std::string abi =
        std::to_string(descriptor_.abi_major) + "." + std::to_string(descriptor_.abi_minor);
    if (descriptor_.abi_major != OPIS_ABI_MAJOR || descriptor_.abi_minor > OPIS_ABI_MINOR) {
      throw std::runtime_error(where + ": plugin ABI " + abi + " does not load on this harness (" +
                               OPIS_STRINGIFY(OPIS_ABI_MAJOR) "." OPIS_STRINGIFY(
                                   OPIS_ABI_MINOR) "): the major must match and the minor be at "
                                                   "most the harness's");
    }
    name_ = descriptor_.name != nullptr ? descriptor_.name : "";
    const bool callbacks_present =
        descriptor_.create != nullptr && descriptor_.destroy != nullptr &&
        (descriptor_.kind == OPIS_KIND_INGEST   ? descriptor_.ingest != nullptr
         : descriptor_.kind == OPIS_KIND_ENRICH ? descriptor_.enrich != nullptr
         : descriptor_.kind == OPIS_KIND_OUTPUT ? descriptor_.write != nullptr
                                                : false);
    if (name_.empty() || !callbacks_present) {
      throw std::runtime_error(where + ": descriptor lacks a name, a valid kind or callbacks");
    }
    try {
      const char* text = descriptor_.config_schema;
      schema_ = json::parse(text == nullptr || *text == '\0' ? "{}" : text);
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error(where + ": config schema: " + e.what());
    }
  }

  void require(bool right_kind, const char* what) const {
    if (!right_kind) {
      throw std::logic_error(std::string(what) + " called on " + name_ +
                             ", a plugin of another kind");
    }
  }
  void ensure_instance() {
    if (!configured_) configure("{}");
  }
  void destroy_instance() {
    if (instance_ != nullptr) descriptor_.destroy(instance_);
    instance_ = nullptr;
    configured_ = false;
  }

  detail::CallData new_call(std::string_view subject) {
    detail::CallData call;
    call.plugin = name_;
    call.subject.assign(subject);
    call.log = &log_;
    return call;
  }
  template <class F>
  static opis_status invoke(detail::CallData& call, F&& callback) {
    const detail::CallData* previous = detail::active_call;
    detail::active_call = &call;
    const opis_status status = callback(reinterpret_cast<opis_call*>(&call));
    detail::active_call = previous;
    return status;
  }
  Failure failure(const detail::CallData& call, opis_status status) const {
    return Failure(status,
                   call.failure_message.empty()
                       ? name_ + " failed with status " + std::to_string(static_cast<int>(status))
                       : call.failure_message);
  }
  static opis_document document(std::string_view content, std::string_view name,
                                std::string_view media_type) {
    const std::string_view base = name.substr(name.find_last_of('/') + 1);
    return opis_document{sizeof(opis_document),
                         {content.data(), content.size()},
                         {name.data(), name.size()},
                         {base.data(), base.size()},
                         {media_type.data(), media_type.size()},
                         {nullptr, 0}};
  }

  void* library_ = nullptr;
  opis_plugin_descriptor descriptor_{};
  std::string name_;
  json::Value schema_;
  detail::ConfigData config_;
  void* instance_ = nullptr;
  bool configured_ = false;
  std::vector<std::string> log_;
};

}  // namespace opis::testing

#endif  // OPIS_TESTING_HPP
