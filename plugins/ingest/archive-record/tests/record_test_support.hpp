// Helpers shared by the archive-record tests: running the plugin through the
// SDK's harness (opis/testing.hpp, no host, no protobuf) and reading the
// parts of the record it makes.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <opis/testing.hpp>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "temp_files.hpp"

namespace opis::archive_record::test {

using opis::testing::Harness;
using opis::testing::Record;

inline Harness ingester(std::string_view config = "{}") {
  return Harness(OPIS_PLUGIN_FILE, config);
}

// Ingests `page`, expecting exactly one record.
inline Record ingest_one(const std::string& page, std::string_view config = "{}") {
  auto plugin = ingester(config);
  auto result = plugin.try_ingest(page);
  EXPECT_TRUE(result.ok()) << result.message;
  EXPECT_EQ(result.records.size(), 1u);
  return result.records.empty() ? Record() : std::move(result.records.front());
}

// A config member holding a list of one path, as JSON.
inline std::string path_list_config(const std::string& member, const std::string& path) {
  return "{" + opis::testing::json::dump(opis::testing::json::Value::string_value(member)) + ": [" +
         opis::testing::json::dump(opis::testing::json::Value::string_value(path)) + "]}";
}

inline std::vector<opis::sdk::Annotation> annotations_of_type(const Record& record,
                                                              std::string_view type) {
  return record.annotations(type);
}

// The values of every metadata entry called `name`, in order.
inline std::vector<std::string> metadata_values(const Record& record, std::string_view name) {
  std::vector<std::string> values;
  for (const auto& property : record.metadata()) {
    if (property.name == name) values.emplace_back(property.value);
  }
  return values;
}

inline std::string attribute(const opis::sdk::Annotation& annotation, std::string_view name) {
  for (const auto& property : annotation.attributes) {
    if (property.name == name) return std::string(property.value);
  }
  return {};
}

// The text an annotation or footnote spans.
template <class Spanned>
std::string spanned(const Record& record, const Spanned& item) {
  const std::string_view text = record.text();
  if (item.end < item.begin || item.end > text.size()) return "<bad span>";
  return std::string(text.substr(item.begin, item.end - item.begin));
}

inline std::vector<std::string> citation_raws(const Record& record) {
  std::vector<std::string> raws;
  for (const auto& citation : record.citations()) raws.emplace_back(citation.raw);
  return raws;
}

inline std::filesystem::path source_dir() {
  return std::filesystem::path(OPIS_TEST_SOURCE_DIR);
}

// The shared seed documents beside the repository; empty when absent.
inline std::filesystem::path seeds_dir() {
  return opis::test_files::seeds_beside(source_dir());
}

using opis::test_files::read_file;
using opis::test_files::TempDir;

}  // namespace opis::archive_record::test
