// Builds records by hand and runs the real enrich/link plugin over them
// through the SDK's harness (opis/testing.hpp), with no host.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <opis/testing.hpp>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <vector>

namespace opis::link::test {

struct RecordSpec {
  std::string id;
  std::string kind = "record";
  std::string title;
  std::string date;  // date.edtf
  std::string text;
  std::string source = "file:///corpus/document.txt";
};

inline opis::testing::Record build(const RecordSpec& spec) {
  auto record = opis::testing::Record::with_text(spec.text, spec.title);
  record.set(OPIS_FIELD_ID, spec.id);
  record.set(OPIS_FIELD_KIND, spec.kind);
  if (!spec.date.empty()) record.set(OPIS_FIELD_DATE_EDTF, spec.date);
  record.set(OPIS_FIELD_SOURCE_URI, spec.source);
  record.set(OPIS_FIELD_SOURCE_SHA256, "sha256-of-" + spec.source);
  return record;
}

using LinkTuple = std::tuple<std::string, std::string, double>;  // type, target, score

inline std::vector<LinkTuple> links_of(const opis::testing::Record& record) {
  std::vector<LinkTuple> out;
  for (const auto& l : record.links()) {
    out.emplace_back(std::string(l.type), std::string(l.target_id), l.score);
  }
  return out;
}

// Enriches each record in turn with one plugin instance, as the host calls
// an in-order enricher; returns the links each got, in the same order. The
// instance (and its index_file) lives until the call returns.
inline std::vector<std::vector<LinkTuple>> link_all(const std::vector<RecordSpec>& specs,
                                                    std::string_view config = "{}") {
  opis::testing::Harness plugin(OPIS_PLUGIN_FILE, config);
  std::vector<std::vector<LinkTuple>> out;
  for (const auto& spec : specs) {
    auto record = build(spec);
    EXPECT_NO_THROW(plugin.enrich(record));
    out.push_back(links_of(record));
  }
  return out;
}

// A JSON string holding `s`, for configs naming files.
inline std::string json_string(std::string_view s) {
  return opis::testing::json::dump(opis::testing::json::Value::string_value(s));
}

inline std::filesystem::path source_dir() {
  return OPIS_TEST_SOURCE_DIR;
}

// A text of `words` words that repeats no 5-word shingle, from a fixed
// vocabulary and a fixed pseudo-random sequence (`seed`).
inline std::vector<std::string> generated_words(size_t words, uint32_t seed) {
  static const char* const kVocabulary[] = {
      "the",       "embassy",    "reported",  "that",      "grain",      "delivery",   "was",
      "delayed",   "ministry",   "of",        "foreign",   "affairs",    "asked",      "for",
      "advice",    "on",         "letter",    "plenum",    "decisions",  "party",      "central",
      "committee", "ambassador", "visit",     "harvest",   "shortfall",  "wheat",      "rural",
      "attitudes", "after",      "september", "case",      "leadership", "avoids",     "sides",
      "between",   "congress",   "materials", "publicity", "limited",    "counsellor", "secretary"};
  constexpr size_t kSize = sizeof(kVocabulary) / sizeof(kVocabulary[0]);
  std::vector<std::string> out;
  uint32_t state = seed;
  for (size_t i = 0; i < words; ++i) {
    state = state * 1664525u + 1013904223u;
    out.emplace_back(kVocabulary[(state >> 16) % kSize]);
  }
  return out;
}

inline std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& w : words) {
    if (!text.empty()) text += ' ';
    text += w;
  }
  return text;
}

}  // namespace opis::link::test
