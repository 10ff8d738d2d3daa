// Helpers shared by the archive-record tests: running the plugin and reading
// the parts of the record it makes.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace opis::archive_record::test {

inline opis::test::PluginHarness ingester(const nlohmann::json& config = nlohmann::json::object()) {
  return opis::test::PluginHarness::builtin("ingest", "archive-record", config);
}

// Ingests `page`, expecting exactly one record.
inline opis::v1::Record ingest_one(const std::string& page,
                                   const nlohmann::json& config = nlohmann::json::object()) {
  auto plugin = ingester(config);
  auto result = plugin.ingest(page);
  EXPECT_TRUE(result.call.ok()) << result.call.message;
  EXPECT_EQ(result.records.size(), 1u);
  return result.records.empty() ? opis::v1::Record() : result.records.front()->message;
}

using opis::test::annotations_of_type;
using opis::test::metadata_values;

inline std::string attribute(const opis::v1::Annotation& annotation, const std::string& name) {
  for (const auto& property : annotation.attributes()) {
    if (property.name() == name) return property.value();
  }
  return {};
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

}  // namespace opis::archive_record::test
