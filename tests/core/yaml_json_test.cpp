// YAML scalars become JSON types by YAML 1.2's core schema; quoting keeps a
// string a string.
#include "opis/core/yaml_json.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using nlohmann::json;

json convert(const std::string& yaml) {
  return opis::core::yaml_to_json(YAML::Load(yaml));
}

TEST(YamlToJson, PlainIntegersBecomeIntegers) {
  const json doc = convert("a: 42\nb: -7\nc: +3\nd: 0");
  EXPECT_EQ(doc, json::parse(R"({"a": 42, "b": -7, "c": 3, "d": 0})"));
  EXPECT_TRUE(doc["a"].is_number_integer());
  EXPECT_TRUE(doc["c"].is_number_integer());
}

TEST(YamlToJson, PlainFloatsBecomeFloats) {
  const json doc = convert("a: 1.5\nb: -0.25\nc: 1e3\nd: 2.0");
  ASSERT_TRUE(doc["a"].is_number_float());
  EXPECT_DOUBLE_EQ(doc["a"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(doc["b"].get<double>(), -0.25);
  EXPECT_DOUBLE_EQ(doc["c"].get<double>(), 1000.0);
  EXPECT_TRUE(doc["d"].is_number_float());
}

TEST(YamlToJson, BooleansInTheCoreSchemaSpellings) {
  const json doc = convert("a: true\nb: false\nc: True\nd: FALSE");
  EXPECT_EQ(doc, json::parse(R"({"a": true, "b": false, "c": true, "d": false})"));
}

TEST(YamlToJson, NullTildeAndEmptyValuesBecomeNull) {
  const json doc = convert("a: null\nb: ~\nc:\n");
  EXPECT_TRUE(doc["a"].is_null());
  EXPECT_TRUE(doc["b"].is_null());
  EXPECT_TRUE(doc["c"].is_null());
  EXPECT_EQ(doc.size(), 3u);
}

TEST(YamlToJson, QuotedScalarsStayStrings) {
  const json doc = convert(R"(version: "1.0"
flag: 'true'
count: "42"
nothing: "null"
tilde: '~')");
  EXPECT_EQ(doc, json::parse(R"({"version": "1.0", "flag": "true", "count": "42",
                                 "nothing": "null", "tilde": "~"})"));
}

TEST(YamlToJson, WordsThatOnlyLookTypedStayStrings) {
  // YAML 1.1 read these as booleans; YAML 1.2's core schema does not.
  const json doc = convert("a: yes\nb: no\nc: on\nd: 1.2.3\ne: 0x1G");
  EXPECT_EQ(doc, json::parse(R"({"a": "yes", "b": "no", "c": "on", "d": "1.2.3", "e": "0x1G"})"));
}

TEST(YamlToJson, NestedMapsAndSequencesKeepTheirShape) {
  const json doc = convert(R"(
ingest:
  - text
  - plugin: jsonl
    config:
      limits: {max: 3, ratio: 0.5}
      tags: [a, "1", 2, ~]
empty_list: []
empty_map: {}
)");
  const json expected = json::parse(R"({
    "ingest": ["text", {"plugin": "jsonl",
                        "config": {"limits": {"max": 3, "ratio": 0.5},
                                   "tags": ["a", "1", 2, null]}}],
    "empty_list": [],
    "empty_map": {}
  })");
  EXPECT_EQ(doc, expected);
}

TEST(YamlToJson, IntegerTooLargeForInt64BecomesAFloat) {
  const json doc = convert("big: 123456789012345678901234567890");
  ASSERT_TRUE(doc["big"].is_number_float());
  EXPECT_DOUBLE_EQ(doc["big"].get<double>(), 1.2345678901234568e29);
}

}  // namespace
