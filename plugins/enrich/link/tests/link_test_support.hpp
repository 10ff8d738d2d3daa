// Builds records by hand and runs the real enrich/link plugin over them.
#pragma once

#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "test_support.hpp"

namespace opis::link::test {

struct RecordSpec {
  std::string id;
  std::string kind = "record";
  std::string title;
  std::string date;  // date.edtf
  std::string text;
  std::string source = "file:///corpus/document.txt";
};

inline std::unique_ptr<opis_record> build(const RecordSpec& spec) {
  auto record = opis::test::make_record(spec.text, spec.title);
  record->message.set_id(spec.id);
  record->message.set_kind(spec.kind);
  if (!spec.date.empty()) record->message.mutable_date()->set_edtf(spec.date);
  record->message.mutable_source()->set_uri(spec.source);
  record->message.mutable_source()->set_sha256("sha256-of-" + spec.source);
  return record;
}

using LinkTuple = std::tuple<std::string, std::string, double>;  // type, target, score

inline std::vector<LinkTuple> links_of(const opis::v1::Record& record) {
  std::vector<LinkTuple> out;
  for (const auto& l : record.links()) out.emplace_back(l.type(), l.target_id(), l.score());
  return out;
}

// Enriches each record in turn with one plugin instance; returns the links
// each got, in the same order. The instance (and its index_file) lives until
// the call returns.
inline std::vector<std::vector<LinkTuple>> link_all(
    const std::vector<RecordSpec>& specs, const nlohmann::json& config = nlohmann::json::object()) {
  auto plugin = opis::test::PluginHarness::builtin("enrich", "link", config);
  std::vector<std::vector<LinkTuple>> out;
  for (const auto& spec : specs) {
    auto record = build(spec);
    const auto result = plugin.enrich(*record);
    EXPECT_TRUE(result.ok()) << result.message;
    out.push_back(links_of(record->message));
  }
  return out;
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
