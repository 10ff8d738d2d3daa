// Helpers shared by the article tests: running the plugin through the SDK's
// harness (opis/testing.hpp, no host, no protobuf) and reading the parts of
// the records it makes.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <opis/testing.hpp>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "temp_files.hpp"

namespace opis::article::test {

using opis::testing::Harness;
using opis::testing::Record;

inline Harness ingester(std::string_view config = "{}") {
  return Harness(OPIS_PLUGIN_FILE, config);
}

// Ingests `text`, expecting success, and returns every record in order.
inline std::vector<Record> ingest_all(const std::string& text, std::string_view config = "{}") {
  auto plugin = ingester(config);
  auto result = plugin.try_ingest(text);
  EXPECT_TRUE(result.ok()) << result.message;
  return std::move(result.records);
}

inline std::vector<Record> of_kind(const std::vector<Record>& records, std::string_view kind) {
  std::vector<Record> found;
  for (const auto& record : records) {
    if (record.kind() == kind) found.push_back(record);
  }
  return found;
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

// The values of the footnote_ref annotations, in order.
inline std::vector<std::string> marker_values(const Record& record) {
  std::vector<std::string> values;
  for (const auto& a : annotations_of_type(record, "footnote_ref")) values.emplace_back(a.value);
  return values;
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

}  // namespace opis::article::test
