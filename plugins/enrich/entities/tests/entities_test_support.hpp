// Runs enrich/entities through the SDK's harness (opis/testing.hpp) on a
// record built from text (and title, summary, expansion annotations) and
// looks up what it found. The result owns what it holds, so a test may keep
// an entity after the record is gone.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <opis/testing.hpp>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "temp_files.hpp"

namespace entities_test {

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
  std::string config = "{}";
};

// An entity and an annotation of the enriched record, copied out of the
// harness's views.
struct Entity {
  std::string type, canonical, authority_id;
  std::vector<std::string> surface;
};
struct Annotation {
  std::string type, value, plugin;
  uint32_t begin = 0;
  uint32_t end = 0;
};
struct Enriched {
  std::string text;
  std::vector<Entity> entities;
  std::vector<Annotation> annotations;
};

inline Enriched collect(const opis::testing::Record& record) {
  Enriched out;
  out.text.assign(record.text());
  for (const auto& e : record.entities()) {
    Entity entity{std::string(e.type), std::string(e.canonical), std::string(e.authority_id), {}};
    for (const auto s : e.surfaces) entity.surface.emplace_back(s);
    out.entities.push_back(std::move(entity));
  }
  for (const auto& a : record.annotations()) {
    out.annotations.push_back(
        {std::string(a.type), std::string(a.value), std::string(a.plugin), a.begin, a.end});
  }
  return out;
}

inline Enriched enrich(const Input& input) {
  auto record = opis::testing::Record::with_text(input.text, input.title);
  record.set(OPIS_FIELD_SUMMARY, input.summary);
  for (const auto& e : input.expansions) {
    // As archive-record leaves them (the harness stamps no plugin on a
    // test's own annotations; enrich/entities reads any "expansion").
    opis::sdk::Annotation a;
    a.type = "expansion";
    a.value = e.expansion;
    a.begin = e.begin;
    a.end = e.end;
    a.attributes.push_back({"abbreviation", e.abbreviation});
    record.add(a);
  }
  opis::testing::Harness plugin(OPIS_PLUGIN_FILE, input.config);
  EXPECT_NO_THROW(plugin.enrich(record));
  return collect(record);
}

inline Enriched enrich_text(const std::string& text, const std::string& config = "{}") {
  Input input;
  input.text = text;
  input.config = config;
  return enrich(input);
}

// A JSON string holding `s`, for configs naming files.
inline std::string json_string(std::string_view s) {
  return opis::testing::json::dump(opis::testing::json::Value::string_value(s));
}

// The entity of this type whose surfaces include `surface`, or null.
inline const Entity* with_surface(const Enriched& record, const std::string& surface) {
  for (const auto& e : record.entities) {
    for (const auto& s : e.surface) {
      if (s == surface) return &e;
    }
  }
  return nullptr;
}

inline const Entity* with_canonical(const Enriched& record, const std::string& canonical) {
  for (const auto& e : record.entities) {
    if (e.canonical == canonical) return &e;
  }
  return nullptr;
}

// The canonical name the text's only entity resolves to ("" when not one).
inline std::string sole_canonical(const std::string& text) {
  const auto record = enrich_text(text);
  return record.entities.size() == 1 ? record.entities[0].canonical : "";
}

inline std::string describe(const Enriched& record) {
  std::string out;
  for (const auto& e : record.entities) {
    out += e.type + " '" + e.canonical + "' [" + e.authority_id + "] surfaces:";
    for (const auto& s : e.surface) out += " '" + s + "'";
    out += "\n";
  }
  for (const auto& a : record.annotations) {
    if (a.type == "person" || a.type == "organization" || a.type == "place") {
      out += "  @" + std::to_string(a.begin) + "-" + std::to_string(a.end) + " " + a.type + " = " +
             a.value + "\n";
    }
  }
  return out;
}

inline std::filesystem::path source_dir() {
  return OPIS_TEST_SOURCE_DIR;
}

// The shared seed documents beside the repository; empty when absent.
inline std::filesystem::path seeds_dir() {
  return opis::test_files::seeds_beside(source_dir());
}

}  // namespace entities_test
