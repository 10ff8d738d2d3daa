// Helpers shared by the article tests: running the plugin and reading the
// parts of the records it makes.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace opis::article::test {

inline opis::test::PluginHarness ingester(const nlohmann::json& config = nlohmann::json::object()) {
  return opis::test::PluginHarness::builtin("ingest", "article", config);
}

// Ingests `text`, expecting success, and returns every record in order.
inline std::vector<opis::v1::Record> ingest_all(
    const std::string& text, const nlohmann::json& config = nlohmann::json::object()) {
  auto plugin = ingester(config);
  auto result = plugin.ingest(text);
  EXPECT_TRUE(result.call.ok()) << result.call.message;
  std::vector<opis::v1::Record> records;
  for (const auto& record : result.records) records.push_back(record->message);
  return records;
}

inline std::vector<opis::v1::Record> of_kind(const std::vector<opis::v1::Record>& records,
                                             const std::string& kind) {
  std::vector<opis::v1::Record> found;
  for (const auto& record : records) {
    if (record.kind() == kind) found.push_back(record);
  }
  return found;
}

using opis::test::annotations_of_type;
using opis::test::metadata_values;

// The values of the footnote_ref annotations, in order.
inline std::vector<std::string> marker_values(const opis::v1::Record& record) {
  std::vector<std::string> values;
  for (const auto& a : annotations_of_type(record, "footnote_ref")) values.push_back(a.value());
  return values;
}

// The text an annotation or footnote spans.
template <class Spanned>
std::string spanned(const opis::v1::Record& record, const Spanned& item) {
  if (item.end() < item.begin() || item.end() > record.text().size()) return "<bad span>";
  return record.text().substr(item.begin(), item.end() - item.begin());
}

inline std::vector<std::string> citation_raws(const opis::v1::Record& record) {
  std::vector<std::string> raws;
  for (const auto& citation : record.citations()) raws.push_back(citation.raw());
  return raws;
}

}  // namespace opis::article::test
