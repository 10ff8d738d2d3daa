// Runs enrich/citations on a record built from text, raw citations and
// footnotes, and finds citations in the result.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace citations_test {

using nlohmann::json;

struct Input {
  std::string text;
  std::vector<std::string> raws;
  std::vector<std::string> footnotes;
  json config = json::object();
};

inline opis::v1::Record enrich(const Input& input) {
  auto record = opis::test::make_record(input.text);
  for (const auto& raw : input.raws) record->message.add_citations()->set_raw(raw);
  for (const auto& note : input.footnotes) record->message.add_footnotes()->set_text(note);
  auto plugin = opis::test::PluginHarness::builtin("enrich", "citations", input.config);
  const auto result = plugin.enrich(*record);
  EXPECT_TRUE(result.ok()) << result.message;
  return record->message;
}

inline opis::v1::Record enrich_text(const std::string& text) {
  return enrich({text, {}, {}});
}
inline opis::v1::Record enrich_raw(const std::string& raw) {
  return enrich({"", {raw}, {}});
}

// The citation that cites this delo (and these pages, when given), or null.
inline const opis::v1::Citation* find_delo(const opis::v1::Record& record, const std::string& delo,
                                           const std::string& pages = "") {
  for (const auto& c : record.citations()) {
    if (c.delo() == delo && (pages.empty() || c.pages() == pages)) return &c;
  }
  return nullptr;
}

inline std::string describe(const opis::v1::Record& record) {
  std::string out;
  for (const auto& c : record.citations()) {
    out += "[" + c.kind() + "] archive='" + c.archive() + "' name='" + c.archive_name() +
           "' f=" + c.fond() + " o=" + c.opis() + " d=" + c.delo() + " p=" + c.pages() + " pub='" +
           c.publication() + "' date=" + c.date() + " raw='" + c.raw() + "' @" +
           std::to_string(c.begin()) + "-" + std::to_string(c.end()) + "\n";
  }
  return out;
}

}  // namespace citations_test
