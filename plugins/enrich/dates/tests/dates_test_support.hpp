// Runs the real enrich/dates plugin over small records for the tests.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "test_support.hpp"

namespace opis::dates::test {

struct FoundDate {
  std::string surface;
  std::string edtf;
  uint32_t begin = 0;
  uint32_t end = 0;
  bool operator==(const FoundDate&) const = default;
};

inline std::ostream& operator<<(std::ostream& out, const FoundDate& d) {
  return out << "{\"" << d.surface << "\" " << d.edtf << " [" << d.begin << "," << d.end << ")}";
}

// Enriches a record with `text` (and a date line in date.surface when given)
// and returns it; the call must succeed.
inline opis::v1::Record enrich(const std::string& text, const std::string& date_surface = "",
                               const nlohmann::json& config = nlohmann::json::object()) {
  auto plugin = opis::test::PluginHarness::builtin("enrich", "dates", config);
  auto record = opis::test::make_record(text);
  if (!date_surface.empty()) record->message().mutable_date()->set_surface(date_surface);
  const auto result = plugin.enrich(*record);
  EXPECT_TRUE(result.ok()) << result.message;
  return record->message();
}

inline std::vector<FoundDate> dates_of(const opis::v1::Record& record) {
  std::vector<FoundDate> out;
  for (const auto& d : record.dates()) out.push_back({d.surface(), d.edtf(), d.begin(), d.end()});
  return out;
}

// surface -> edtf pairs, the shape most tests check.
inline std::vector<std::pair<std::string, std::string>> found_in(
    const std::string& text, const std::string& date_surface = "",
    const nlohmann::json& config = nlohmann::json::object()) {
  std::vector<std::pair<std::string, std::string>> out;
  const opis::v1::Record record = enrich(text, date_surface, config);
  for (const auto& d : record.dates()) {
    out.emplace_back(d.surface(), d.edtf());
  }
  return out;
}

inline std::string warnings_of(const opis::v1::Record& record) {
  std::string all;
  for (const auto& w : record.warnings()) all += w + "\n";
  return all;
}

}  // namespace opis::dates::test
