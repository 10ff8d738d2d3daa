// The record's contributors without duplicates: a (name, role) pair is kept
// once, names compared with titles dropped, white space collapsed and ASCII
// case folded, so "Ambassador József Kárpáti" from an ingester and "József
// Kárpáti" found here are the same author.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "found_contributor.hpp"
#include "name_lexicon.hpp"

namespace opis::contributors {

class ContributorSet {
 public:
  explicit ContributorSet(const NameLexicon& lexicon) : lexicon_(lexicon) {}

  // Records an entry the record already has; returns false for a repeat.
  bool insert(std::string_view name, std::string_view role);
  bool has_role(std::string_view role) const;

 private:
  std::string key(std::string_view name, std::string_view role) const;

  const NameLexicon& lexicon_;
  std::unordered_set<std::string> keys_;
  std::unordered_set<std::string> roles_;
};

}  // namespace opis::contributors
