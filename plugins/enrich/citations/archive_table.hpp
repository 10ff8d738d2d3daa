// Archives by acronym, full name and alias: the built-in data/archives.tsv
// with the users' files merged over it.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace opis::citations {

struct ArchiveEntry {
  std::string acronym;
  std::string name;  // full English name
};

class ArchiveTable {
 public:
  // Adds the rows of one TSV (acronym, full name, aliases); a later file's
  // entry replaces an earlier one with the same acronym or alias.
  void add_tsv(std::string_view content, std::string_view origin);

  // The entry a name as written refers to: the name itself, or for
  // "Name (ACR)" / "Name (hereafter ACR)" either part.
  const ArchiveEntry* resolve(std::string_view written) const;
  const ArchiveEntry* find(std::string_view name) const;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<ArchiveEntry> entries_;
  std::unordered_map<std::string, size_t> by_key_;
};

}  // namespace opis::citations
