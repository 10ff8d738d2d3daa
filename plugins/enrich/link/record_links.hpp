// Which links a record gets from the entries it is compared with. Pure
// functions over index entries, so the rules are testable without a host.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "link_index.hpp"

namespace opis::link {

inline constexpr std::string_view kListingEntryKind = "listing_entry";
inline constexpr std::string_view kFullRecordKind = "record";

struct FoundLink {
  std::string type;
  std::string target_id;
  double score = 0.0;
  bool operator==(const FoundLink&) const = default;
};

struct LinkRules {
  double near_duplicate_threshold = 0.8;
  size_t max_text_links = 20;
};

// Collects the links of `subject` to the entries of `index`, into `out`:
// - a listing_entry to every record with its key: "full_record", 1.0;
// - a record to every listing_entry with its key: "listed_in", 1.0;
// - to every entry with the same word sequence: "same_as", 1.0;
// - to every other entry whose estimated Jaccard similarity reaches the
//   threshold: "near_duplicate", the estimate.
// Never to the subject's own id.
void collect_links(const IndexEntry& subject, const LinkIndex& index, const LinkRules& rules,
                   std::vector<FoundLink>& out);

// Sorts links into a canonical order (type, best score first, target id),
// drops repeats and keeps at most `max_text_links` same_as/near_duplicate.
void finish_links(std::vector<FoundLink>& links, size_t max_text_links);

}  // namespace opis::link
