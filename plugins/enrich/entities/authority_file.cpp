#include "authority_file.hpp"

#include <stdexcept>

namespace opis::entities {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const size_t at = s.find(separator);
    parts.push_back(s.substr(0, at));
    if (at == std::string_view::npos) return parts;
    s.remove_prefix(at + 1);
  }
}

bool is_valid_type(std::string_view type) {
  return type == "person" || type == "organization" || type == "place";
}

// "wikidata:Q123": a scheme, a colon, and a value without blanks.
bool is_valid_authority_id(std::string_view id) {
  const size_t colon = id.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 == id.size()) return false;
  return id.find_first_of(" \t") == std::string_view::npos;
}

}  // namespace

void AuthorityRows::parse(std::string_view tsv, std::string_view source_name) {
  size_t line_number = 0;
  const auto fail = [&](const std::string& reason) {
    throw std::invalid_argument(std::string(source_name) + ":" + std::to_string(line_number) +
                                ": " + reason);
  };
  while (!tsv.empty()) {
    const size_t eol = tsv.find('\n');
    const std::string_view line = tsv.substr(0, eol);
    tsv.remove_prefix(eol == std::string_view::npos ? tsv.size() : eol + 1);
    ++line_number;
    if (trim(line).empty() || trim(line).front() == '#') continue;
    const auto columns = split(line, '\t');
    if (columns.size() < 2 || columns.size() > 4) {
      fail(
          "expected 2 to 4 TAB-separated columns (type, canonical, authority_id, variants), "
          "found " +
          std::to_string(columns.size()));
    }
    Row row;
    row.entry.type = trim(columns[0]);
    row.entry.canonical = trim(columns[1]);
    if (!is_valid_type(row.entry.type)) {
      fail("unknown type '" + row.entry.type + "' (expected person, organization or place)");
    }
    if (row.entry.canonical.empty()) fail("empty canonical name");
    if (columns.size() > 2) {
      row.entry.authority_id = trim(columns[2]);
      if (!row.entry.authority_id.empty() && !is_valid_authority_id(row.entry.authority_id)) {
        fail("authority_id '" + row.entry.authority_id + "' is not of the form scheme:value");
      }
    }
    row.variants.push_back(row.entry.canonical);
    if (columns.size() > 3) {
      for (const std::string_view variant : split(columns[3], '|')) {
        if (!trim(variant).empty()) row.variants.emplace_back(trim(variant));
      }
    }
    const auto [it, inserted] = by_canonical_.emplace(row.entry.canonical, rows_.size());
    if (inserted) {
      rows_.push_back(std::move(row));
    } else {
      rows_[it->second] = std::move(row);
    }
  }
}

void AuthorityRows::build(NameTable& table, const SurnameFolds& surnames) const {
  for (const Row& row : rows_) table.add(row.entry, row.variants, surnames);
}

}  // namespace opis::entities
