// Entities and the keys of all their spellings: the authority file, and a
// second, per-document table of what the document itself defines
// (acronyms and their expansions).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hash_index.hpp"
#include "romanization_key.hpp"
#include "string_table.hpp"

namespace opis::entities {

struct EntityEntry {
  std::string type;  // person | organization | place
  std::string canonical;
  std::string authority_id;
};

class NameTable {
 public:
  // Adds an entity reachable by `spellings` (the canonical is not implied).
  // A spelling whose key another entity already has moves to this one.
  uint32_t add(EntityEntry entry, const std::vector<std::string>& spellings,
               const SurnameFolds& surnames);
  // Makes `spelling` one more way to write entity `index`.
  void add_spelling(uint32_t index, std::string_view spelling, const SurnameFolds& surnames);
  void clear();

  const EntityEntry& entry(uint32_t index) const { return entries_[index]; }
  size_t size() const { return entries_.size(); }
  // The entity whose key this is; -1 when none.
  int64_t find(uint64_t key) const {
    const uint32_t index = keys_.get(key);
    return index == HashIndex::kMissing ? -1 : static_cast<int64_t>(index);
  }
  bool is_prefix(uint64_t prefix) const { return prefixes_.contains(prefix); }
  // An all-capital word some spelling uses as an acronym (raw spelling).
  bool is_acronym(std::string_view raw) const { return acronyms_.contains(raw); }
  size_t max_words() const { return max_words_; }
  // Spellings whose key an earlier entity had: "spelling (old -> new)".
  const std::vector<std::string>& collisions() const { return collisions_; }

 private:
  std::vector<EntityEntry> entries_;
  HashIndex keys_;
  HashIndex prefixes_;
  StringTable acronyms_;
  std::vector<std::string> collisions_;
  size_t max_words_ = 0;
  std::vector<uint64_t> prefix_scratch_;
  std::vector<std::string> acronym_scratch_;
};

}  // namespace opis::entities
