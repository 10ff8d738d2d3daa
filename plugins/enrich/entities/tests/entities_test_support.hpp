// Runs enrich/entities on a record built from text (and title, summary,
// expansion annotations) and looks up what it found.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace entities_test {

using nlohmann::json;

struct Expansion {
  std::string abbreviation;
  std::string expansion;
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct Input {
  std::string text;
  std::string title;
  std::string summary;
  std::vector<Expansion> expansions;
  json config = json::object();
};

inline opis::v1::Record enrich(const Input& input) {
  auto record = opis::test::make_record(input.text, input.title);
  record->message.set_summary(input.summary);
  for (const auto& e : input.expansions) {
    auto* a = record->message.add_annotations();
    a->set_type("expansion");
    a->set_value(e.expansion);
    a->set_begin(e.begin);
    a->set_end(e.end);
    a->set_plugin("archive-record");
    auto* attribute = a->add_attributes();
    attribute->set_name("abbreviation");
    attribute->set_value(e.abbreviation);
  }
  auto plugin = opis::test::PluginHarness::builtin("enrich", "entities", input.config);
  const auto result = plugin.enrich(*record);
  EXPECT_TRUE(result.ok()) << result.message;
  return record->message;
}

inline opis::v1::Record enrich_text(const std::string& text, const json& config = json::object()) {
  Input input;
  input.text = text;
  input.config = config;
  return enrich(input);
}

// The entity of this type whose surfaces include `surface`, or null.
inline const opis::v1::Entity* with_surface(const opis::v1::Record& record,
                                            const std::string& surface) {
  for (const auto& e : record.entities()) {
    for (const auto& s : e.surface()) {
      if (s == surface) return &e;
    }
  }
  return nullptr;
}

inline const opis::v1::Entity* with_canonical(const opis::v1::Record& record,
                                              const std::string& canonical) {
  for (const auto& e : record.entities()) {
    if (e.canonical() == canonical) return &e;
  }
  return nullptr;
}

// The canonical name the text's only entity resolves to ("" when not one).
inline std::string sole_canonical(const std::string& text) {
  const auto record = enrich_text(text);
  return record.entities_size() == 1 ? record.entities(0).canonical() : "";
}

inline std::string describe(const opis::v1::Record& record) {
  std::string out;
  for (const auto& e : record.entities()) {
    out += e.type() + " '" + e.canonical() + "' [" + e.authority_id() + "] surfaces:";
    for (const auto& s : e.surface()) out += " '" + s + "'";
    out += "\n";
  }
  for (const auto& a : record.annotations()) {
    if (a.type() == "person" || a.type() == "organization" || a.type() == "place") {
      out += "  @" + std::to_string(a.begin()) + "-" + std::to_string(a.end()) + " " + a.type() +
             " = " + a.value() + "\n";
    }
  }
  return out;
}

}  // namespace entities_test
