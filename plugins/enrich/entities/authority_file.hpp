// Reading authority files: TAB-separated "type, canonical, authority_id,
// variants" lines. Several files make one authority; a later row with the
// same canonical replaces the earlier one (a user file corrects the built-in
// one without editing it).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "name_table.hpp"

namespace opis::entities {

class AuthorityRows {
 public:
  // Throws std::invalid_argument "SOURCE:LINE: reason" for a malformed row.
  void parse(std::string_view tsv, std::string_view source_name);
  // The table of every row's canonical and variants.
  void build(NameTable& table, const SurnameFolds& surnames) const;
  size_t size() const { return rows_.size(); }

 private:
  struct Row {
    EntityEntry entry;
    std::vector<std::string> variants;
  };
  std::vector<Row> rows_;
  std::unordered_map<std::string, size_t> by_canonical_;
};

}  // namespace opis::entities
