// Runs enrich/citations through the SDK's harness (opis/testing.hpp) on a
// record built from text, raw citations and footnotes, and finds citations
// in the result. The result owns its citations, so a test may keep one
// after the record is gone.
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

namespace citations_test {

struct Input {
  std::string text;
  std::vector<std::string> raws;
  std::vector<std::string> footnotes;
  std::string config = "{}";
};

// One citation of the enriched record, copied out of the harness's views.
struct Citation {
  std::string raw, kind, archive, archive_name, fond, opis, delo, pages, publication, date;
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct Enriched {
  std::string text;
  std::vector<Citation> citations;
};

inline Enriched collect(const opis::testing::Record& record) {
  Enriched out;
  out.text.assign(record.text());
  for (const auto& c : record.citations()) {
    out.citations.push_back({std::string(c.raw), std::string(c.kind), std::string(c.archive),
                             std::string(c.archive_name), std::string(c.fond), std::string(c.opis),
                             std::string(c.delo), std::string(c.pages), std::string(c.publication),
                             std::string(c.date), c.begin, c.end});
  }
  return out;
}

inline Enriched enrich(const Input& input) {
  auto record = opis::testing::Record::with_text(input.text);
  for (const auto& raw : input.raws) {
    opis::sdk::Citation citation;
    citation.raw = raw;
    record.add(citation);
  }
  for (const auto& note : input.footnotes) {
    opis::sdk::Footnote footnote;
    footnote.text = note;
    record.add(footnote);
  }
  opis::testing::Harness plugin(OPIS_PLUGIN_FILE, input.config);
  EXPECT_NO_THROW(plugin.enrich(record));
  return collect(record);
}

inline Enriched enrich_text(const std::string& text) {
  return enrich({text, {}, {}});
}
inline Enriched enrich_raw(const std::string& raw) {
  return enrich({"", {raw}, {}});
}

// A JSON string holding `s`, for configs naming files.
inline std::string json_string(std::string_view s) {
  return opis::testing::json::dump(opis::testing::json::Value::string_value(s));
}

// The citation that cites this delo (and these pages, when given), or null.
inline const Citation* find_delo(const Enriched& record, const std::string& delo,
                                 const std::string& pages = "") {
  for (const auto& c : record.citations) {
    if (c.delo == delo && (pages.empty() || c.pages == pages)) return &c;
  }
  return nullptr;
}

inline std::string describe(const Enriched& record) {
  std::string out;
  for (const auto& c : record.citations) {
    out += "[" + c.kind + "] archive='" + c.archive + "' name='" + c.archive_name +
           "' f=" + c.fond + " o=" + c.opis + " d=" + c.delo + " p=" + c.pages + " pub='" +
           c.publication + "' date=" + c.date + " raw='" + c.raw + "' @" + std::to_string(c.begin) +
           "-" + std::to_string(c.end) + "\n";
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

}  // namespace citations_test
