#include "archive_table.hpp"

#include "name_table_file.hpp"
#include "text_scan.hpp"

namespace opis::citations {

void ArchiveTable::add_tsv(std::string_view content, std::string_view origin) {
  for (auto& row : parse_tsv(content, origin, 2)) {
    const size_t index = entries_.size();
    entries_.push_back({row.columns[0], row.columns[1]});
    by_key_[name_key(row.columns[0])] = index;
    by_key_[name_key(row.columns[1])] = index;
    if (row.columns.size() > 2) {
      for (const auto& alias : split_aliases(row.columns[2])) by_key_[name_key(alias)] = index;
    }
  }
}

const ArchiveEntry* ArchiveTable::find(std::string_view name) const {
  const auto it = by_key_.find(name_key(name));
  return it == by_key_.end() ? nullptr : &entries_[it->second];
}

const ArchiveEntry* ArchiveTable::resolve(std::string_view written) const {
  written = trim(written);
  if (const auto* entry = find(written)) return entry;
  if (written.empty() || written.back() != ')') return nullptr;
  const size_t open = written.rfind('(');
  if (open == std::string_view::npos) return nullptr;
  std::string_view inside = trim(written.substr(open + 1, written.size() - open - 2));
  // Scholarly texts introduce the short form they go on to use.
  for (const std::string_view lead : {"hereafter ", "hereinafter ", "henceforth ", "further "}) {
    if (inside.size() > lead.size() && name_key(inside.substr(0, lead.size())) == lead) {
      inside = trim(inside.substr(lead.size()));
      break;
    }
  }
  if (const auto* entry = find(inside)) return entry;
  return find(written.substr(0, open));
}

}  // namespace opis::citations
