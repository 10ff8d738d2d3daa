#include "name_table.hpp"

#include <algorithm>

namespace opis::entities {

uint32_t NameTable::add(EntityEntry entry, const std::vector<std::string>& spellings,
                        const SurnameFolds& surnames) {
  const auto index = static_cast<uint32_t>(entries_.size());
  entries_.push_back(std::move(entry));
  for (const std::string& spelling : spellings) add_spelling(index, spelling, surnames);
  return index;
}

void NameTable::add_spelling(uint32_t index, std::string_view spelling,
                             const SurnameFolds& surnames) {
  prefix_scratch_.clear();
  acronym_scratch_.clear();
  size_t words = 0;
  const uint64_t key = phrase_key(spelling, surnames, &prefix_scratch_, &acronym_scratch_, &words);
  if (words == 0) return;
  // Every sequence starts from the empty prefix.
  prefixes_.set(KeyHasher().prefix(), 0);
  const uint32_t replaced = keys_.set(key, index);
  if (replaced != HashIndex::kMissing && replaced != index) {
    collisions_.push_back(std::string(spelling) + " (" + entries_[replaced].canonical + " -> " +
                          entries_[index].canonical + ")");
  }
  for (const uint64_t prefix : prefix_scratch_) prefixes_.set(prefix, 0);
  for (const auto& word : acronym_scratch_) acronyms_.set(word, 0);
  max_words_ = std::max(max_words_, words);
}

void NameTable::clear() {
  entries_.clear();
  keys_.clear();
  prefixes_.clear();
  acronyms_.clear();
  collisions_.clear();
  max_words_ = 0;
}

}  // namespace opis::entities
