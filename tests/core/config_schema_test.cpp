// Plugin config validation: each supported JSON Schema keyword accepts and
// refuses, every refusal names the path, defaults are filled in, and a
// schema using a keyword the host cannot check is itself refused.
#include "opis/core/config_schema.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "opis/core/error.hpp"

namespace {

using nlohmann::json;
using opis::core::ConfigSchema;
using opis::core::UsageError;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

std::vector<std::string> violations(const std::string& schema, const std::string& config) {
  return ConfigSchema(schema).validate(json::parse(config));
}

// The message of the UsageError the schema raises, or "" when it is accepted.
std::string schema_error(const std::string& schema) {
  try {
    [[maybe_unused]] const ConfigSchema parsed(schema);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

constexpr const char* kTyped = R"({
  "type": "object",
  "properties": {
    "name": {"type": "string"},
    "count": {"type": "integer"},
    "ratio": {"type": "number"},
    "strict": {"type": "boolean"},
    "tags": {"type": "array"},
    "limits": {"type": "object"},
    "nothing": {"type": "null"}
  }
})";

TEST(ConfigSchema, ValuesOfTheDeclaredTypesPass) {
  EXPECT_THAT(violations(kTyped, R"({"name": "x", "count": 3, "ratio": 0.5, "strict": true,
                                     "tags": [], "limits": {}, "nothing": null})"),
              IsEmpty());
}

TEST(ConfigSchema, TypeMismatchNamesThePathAndBothTypes) {
  EXPECT_THAT(violations(kTyped, R"({"name": 5})"),
              ElementsAre(HasSubstr("at /name: expected string, got integer")));
  EXPECT_THAT(violations(kTyped, R"({"count": "3"})"),
              ElementsAre(HasSubstr("at /count: expected integer, got string")));
  EXPECT_THAT(violations(kTyped, R"({"ratio": true})"),
              ElementsAre(HasSubstr("at /ratio: expected number, got boolean")));
  EXPECT_THAT(violations(kTyped, R"({"strict": "yes"})"),
              ElementsAre(HasSubstr("at /strict: expected boolean, got string")));
  EXPECT_THAT(violations(kTyped, R"({"tags": {}})"),
              ElementsAre(HasSubstr("at /tags: expected array, got object")));
  EXPECT_THAT(violations(kTyped, R"({"limits": []})"),
              ElementsAre(HasSubstr("at /limits: expected object, got array")));
  EXPECT_THAT(violations(kTyped, R"({"nothing": 0})"),
              ElementsAre(HasSubstr("at /nothing: expected null, got integer")));
}

TEST(ConfigSchema, RootMismatchIsReportedAtSlash) {
  EXPECT_THAT(violations(kTyped, "[1]"),
              ElementsAre(HasSubstr("at /: expected object, got array")));
}

TEST(ConfigSchema, IntegerValuedFloatIsAnInteger) {
  EXPECT_THAT(violations(kTyped, R"({"count": 2.0})"), IsEmpty());
  EXPECT_THAT(violations(kTyped, R"({"count": 2.5})"),
              ElementsAre(HasSubstr("at /count: expected integer, got number")));
}

TEST(ConfigSchema, IntegerIsANumber) {
  EXPECT_THAT(violations(kTyped, R"({"ratio": 2})"), IsEmpty());
}

TEST(ConfigSchema, TypeListAcceptsAnyOfItsTypes) {
  const char* schema = R"({"properties": {"v": {"type": ["string", "null"]}}})";
  EXPECT_THAT(violations(schema, R"({"v": "x"})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"v": null})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"v": 1})"),
              ElementsAre(HasSubstr("at /v: expected string or null, got integer")));
}

TEST(ConfigSchema, EnumAcceptsOnlyListedValues) {
  const char* schema = R"({"properties": {"mode": {"enum": ["replace", "append"]}}})";
  EXPECT_THAT(violations(schema, R"({"mode": "append"})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"mode": "truncate"})"),
              ElementsAre(AllOf(HasSubstr("at /mode:"), HasSubstr("\"truncate\""),
                                HasSubstr("is not one of [\"replace\",\"append\"]"))));
}

TEST(ConfigSchema, ConstAcceptsOnlyThatValue) {
  const char* schema = R"({"properties": {"version": {"const": 1}}})";
  EXPECT_THAT(violations(schema, R"({"version": 1})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"version": 2})"),
              ElementsAre(HasSubstr("at /version: must be 1")));
}

TEST(ConfigSchema, MissingRequiredPropertyIsNamed) {
  const char* schema = R"({"type": "object", "required": ["path"],
                           "properties": {"path": {"type": "string"}}})";
  EXPECT_THAT(violations(schema, R"({"path": "out.jsonl"})"), IsEmpty());
  EXPECT_THAT(violations(schema, "{}"),
              ElementsAre(HasSubstr("at /: missing required property 'path'")));
}

TEST(ConfigSchema, UnknownPropertyListsKnownOnes) {
  const char* schema = R"({"type": "object", "additionalProperties": false,
                           "properties": {"size": {}, "color": {}}})";
  EXPECT_THAT(violations(schema, R"({"color": 1})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"colour": "red"})"),
              ElementsAre(HasSubstr("at /: unknown property 'colour' (known: color, size)")));
}

TEST(ConfigSchema, UnknownPropertyWhenThePluginTakesNoConfig) {
  EXPECT_THAT(violations(R"({"type": "object", "additionalProperties": false})", R"({"x": 1})"),
              ElementsAre(HasSubstr("unknown property 'x' (this plugin takes no config)")));
}

TEST(ConfigSchema, AdditionalPropertiesSchemaChecksTheExtraValues) {
  const char* schema = R"({"properties": {"name": {"type": "string"}},
                           "additionalProperties": {"type": "integer"}})";
  EXPECT_THAT(violations(schema, R"({"name": "n", "a": 1, "b": 2})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"name": "n", "b": "two"})"),
              ElementsAre(HasSubstr("at /b: expected integer, got string")));
}

TEST(ConfigSchema, ItemsAreCheckedWithTheirIndexInThePath) {
  const char* schema =
      R"({"properties": {"tags": {"type": "array", "items": {"type": "string"}}}})";
  EXPECT_THAT(violations(schema, R"({"tags": ["a", "b"]})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"tags": ["a", 2, "c", false]})"),
              ElementsAre(HasSubstr("at /tags/1: expected string, got integer"),
                          HasSubstr("at /tags/3: expected string, got boolean")));
}

TEST(ConfigSchema, NestedObjectsReportTheFullPath) {
  const char* schema = R"({"properties": {"outer": {"properties": {"inner": {
                             "type": "array", "items": {"properties": {"n": {"type": "integer"}}}}}}}})";
  EXPECT_THAT(violations(schema, R"({"outer": {"inner": [{"n": 1}, {"n": "x"}]}})"),
              ElementsAre(HasSubstr("at /outer/inner/1/n: expected integer, got string")));
}

TEST(ConfigSchema, InclusiveBoundsAcceptTheBoundItself) {
  const char* schema = R"({"properties": {"n": {"minimum": 1, "maximum": 10}}})";
  EXPECT_THAT(violations(schema, R"({"n": 1})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"n": 10})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"n": 0})"),
              ElementsAre(HasSubstr("at /n: 0 is less than the minimum 1")));
  EXPECT_THAT(violations(schema, R"({"n": 10.5})"),
              ElementsAre(HasSubstr("at /n: 10.5 is more than the maximum 10")));
}

TEST(ConfigSchema, ExclusiveBoundsRefuseTheBoundItself) {
  const char* schema = R"({"properties": {"n": {"exclusiveMinimum": 0, "exclusiveMaximum": 1}}})";
  EXPECT_THAT(violations(schema, R"({"n": 0.5})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"n": 0})"),
              ElementsAre(HasSubstr("at /n: 0 must be more than 0")));
  EXPECT_THAT(violations(schema, R"({"n": 1})"),
              ElementsAre(HasSubstr("at /n: 1 must be less than 1")));
}

TEST(ConfigSchema, StringLengthCountsCharactersNotBytes) {
  const char* schema = R"({"properties": {"s": {"minLength": 2, "maxLength": 3}}})";
  // "Жук" is three characters in six bytes.
  EXPECT_THAT(violations(schema, R"({"s": "Жук"})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"s": "Ж"})"),
              ElementsAre(HasSubstr("at /s: shorter than 2 characters")));
  EXPECT_THAT(violations(schema, R"({"s": "Жуки"})"),
              ElementsAre(HasSubstr("at /s: longer than 3 characters")));
}

TEST(ConfigSchema, ArraySizeBounds) {
  const char* schema = R"({"properties": {"a": {"minItems": 1, "maxItems": 2}}})";
  EXPECT_THAT(violations(schema, R"({"a": [1, 2]})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"a": []})"),
              ElementsAre(HasSubstr("at /a: fewer than 1 items")));
  EXPECT_THAT(violations(schema, R"({"a": [1, 2, 3]})"),
              ElementsAre(HasSubstr("at /a: more than 2 items")));
}

TEST(ConfigSchema, PatternIsAnUnanchoredEcmaScriptSearch) {
  const char* anchored = R"({"properties": {"s": {"pattern": "^[a-z]+$"}}})";
  EXPECT_THAT(violations(anchored, R"({"s": "abc"})"), IsEmpty());
  EXPECT_THAT(violations(anchored, R"({"s": "abc1"})"),
              ElementsAre(HasSubstr("at /s: \"abc1\" does not match \"^[a-z]+$\"")));
  const char* unanchored = R"({"properties": {"s": {"pattern": "\\d{4}"}}})";
  EXPECT_THAT(violations(unanchored, R"({"s": "year 1961"})"), IsEmpty());
  EXPECT_THAT(violations(unanchored, R"({"s": "year 61"})"), SizeIs(1));
}

TEST(ConfigSchema, AnyOfNeedsAtLeastOneMatch) {
  const char* schema =
      R"({"properties": {"v": {"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 0}]}}})";
  EXPECT_THAT(violations(schema, R"({"v": "x"})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"v": 3})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"v": -3})"),
              ElementsAre(HasSubstr("at /v: matches none of the allowed forms (anyOf)")));
}

TEST(ConfigSchema, OneOfNeedsExactlyOneMatch) {
  const char* schema =
      R"({"properties": {"v": {"oneOf": [{"type": "number"}, {"type": "integer"}]}}})";
  EXPECT_THAT(violations(schema, R"({"v": 1.5})"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"v": 2})"),
              ElementsAre(HasSubstr("at /v: matches 2 of the allowed forms, exactly one")));
  EXPECT_THAT(violations(schema, R"({"v": "x"})"),
              ElementsAre(HasSubstr("at /v: matches 0 of the allowed forms")));
}

TEST(ConfigSchema, FalseSchemaRefusesAnyValue) {
  const char* schema = R"({"properties": {"legacy": false}})";
  EXPECT_THAT(violations(schema, "{}"), IsEmpty());
  EXPECT_THAT(violations(schema, R"({"legacy": 1})"),
              ElementsAre(HasSubstr("at /legacy: no value is allowed here")));
}

TEST(ConfigSchema, EveryViolationIsReportedNotJustTheFirst) {
  const char* schema = R"({"type": "object", "additionalProperties": false, "required": ["path"],
                           "properties": {"path": {"type": "string"}, "n": {"maximum": 3}}})";
  EXPECT_THAT(violations(schema, R"({"n": 4, "extra": true})"), SizeIs(3));
}

TEST(ConfigSchema, DefaultsFillMissingValuesOnly) {
  const ConfigSchema schema(R"({"properties": {
    "mode": {"type": "string", "default": "replace"},
    "limit": {"type": "integer", "default": 10}
  }})");
  EXPECT_EQ(schema.with_defaults(json::object()),
            json::parse(R"({"mode": "replace", "limit": 10})"));
  EXPECT_EQ(schema.with_defaults(json::parse(R"({"mode": "append"})")),
            json::parse(R"({"mode": "append", "limit": 10})"));
}

TEST(ConfigSchema, NestedDefaultsAreFilledInsideAbsentAndPresentObjects) {
  const ConfigSchema schema(R"({"properties": {
    "limits": {"type": "object", "properties": {
      "max": {"type": "integer", "default": 5},
      "unit": {"type": "string", "default": "pages"}
    }},
    "retry": {"type": "object", "properties": {"count": {"type": "integer"}}}
  }})");
  // An absent object gets its defaults; one without any defaults stays absent.
  EXPECT_EQ(schema.with_defaults(json::object()),
            json::parse(R"({"limits": {"max": 5, "unit": "pages"}})"));
  EXPECT_EQ(schema.with_defaults(json::parse(R"({"limits": {"max": 9}})")),
            json::parse(R"({"limits": {"max": 9, "unit": "pages"}})"));
}

TEST(ConfigSchema, ObjectDefaultGetsItsOwnNestedDefaults) {
  const ConfigSchema schema(R"({"properties": {
    "limits": {"type": "object", "default": {"max": 1},
               "properties": {"max": {"default": 5}, "unit": {"default": "pages"}}}
  }})");
  EXPECT_EQ(schema.with_defaults(json::object()),
            json::parse(R"({"limits": {"max": 1, "unit": "pages"}})"));
}

TEST(ConfigSchema, UnsupportedKeywordMakesTheSchemaInvalid) {
  for (const std::string keyword :
       {"$ref", "allOf", "not", "if", "patternProperties", "dependentRequired"}) {
    SCOPED_TRACE(keyword);
    const std::string schema = R"({"type": "object", ")" + keyword + R"(": {}})";
    EXPECT_THAT(schema_error(schema), HasSubstr("unsupported keyword '" + keyword + "'"));
  }
}

TEST(ConfigSchema, UnsupportedKeywordIsFoundInNestedSchemas) {
  EXPECT_THAT(schema_error(R"({"properties": {"a": {"$ref": "#/defs/a"}}})"),
              HasSubstr("unsupported keyword '$ref' at #/properties/a"));
  EXPECT_THAT(schema_error(R"({"items": {"not": {"type": "string"}}})"),
              HasSubstr("unsupported keyword 'not' at #/items"));
  EXPECT_THAT(schema_error(R"({"anyOf": [{"type": "string"}, {"allOf": []}]})"),
              HasSubstr("unsupported keyword 'allOf'"));
}

TEST(ConfigSchema, KeywordWithAValueOfTheWrongShapeMakesTheSchemaInvalid) {
  // Otherwise "minimum": "3" would silently check nothing, and "minLength":
  // "3" would throw while validating a user's config.
  EXPECT_THAT(schema_error(R"({"properties": {"n": {"minimum": "3"}}})"),
              HasSubstr("invalid config schema at #/properties/n: 'minimum' must be a number"));
  EXPECT_THAT(schema_error(R"({"properties": {"s": {"minLength": "3"}}})"),
              HasSubstr("'minLength' must be a non-negative integer"));
  EXPECT_THAT(schema_error(R"({"properties": {"a": {"maxItems": -1}}})"),
              HasSubstr("'maxItems' must be a non-negative integer"));
  EXPECT_THAT(schema_error(R"({"properties": {"s": {"type": "strng"}}})"),
              HasSubstr("'type' must be a type name"));
  EXPECT_THAT(schema_error(R"({"type": ["string", 1]})"), HasSubstr("'type' must be a type name"));
  EXPECT_THAT(schema_error(R"({"required": "path"})"),
              HasSubstr("'required' must be an array of property names"));
  EXPECT_THAT(schema_error(R"({"enum": "a"})"), HasSubstr("'enum' must be an array"));
  EXPECT_THAT(schema_error(R"({"pattern": 5})"), HasSubstr("'pattern' must be a string"));
  EXPECT_THAT(schema_error(R"({"items": [{"type": "string"}]})"),
              HasSubstr("'items' must be a schema"));
  EXPECT_THAT(schema_error(R"({"additionalProperties": "no"})"),
              HasSubstr("'additionalProperties' must be a schema"));
}

TEST(ConfigSchema, AnnotationKeywordsAreAccepted) {
  EXPECT_EQ(schema_error(R"({"$schema": "https://json-schema.org/draft/2020-12/schema",
                             "$id": "opis:test", "title": "T", "description": "D",
                             "properties": {"a": {"examples": [1], "deprecated": true}}})"),
            "");
}

TEST(ConfigSchema, InvalidPatternIsRefusedAtConstruction) {
  EXPECT_THAT(schema_error(R"({"properties": {"s": {"pattern": "[a-z"}}})"),
              HasSubstr("invalid pattern \"[a-z\""));
  EXPECT_THAT(schema_error(R"({"items": {"pattern": "(unclosed"}})"), HasSubstr("invalid pattern"));
}

TEST(ConfigSchema, SchemaTextMustBeAJsonObject) {
  EXPECT_THAT(schema_error("{not json"), HasSubstr("not valid JSON"));
  EXPECT_THAT(schema_error("[]"), HasSubstr("not an object"));
  EXPECT_THAT(schema_error(R"({"properties": {"a": 3}})"), HasSubstr("not an object"));
}

TEST(ConfigSchema, EmptySchemaTextAcceptsAnyConfig) {
  EXPECT_THAT(violations("", R"({"anything": [1, "two"]})"), IsEmpty());
}

}  // namespace
