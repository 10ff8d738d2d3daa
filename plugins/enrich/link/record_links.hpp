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

// Collects the links of `subject` to the entries of `index` that `eligible`
// accepts, into `out`:
// - a listing_entry to every record with its key: "full_record", 1.0;
// - a record to every listing_entry with its key: "listed_in", 1.0;
// - to every entry with the same word sequence: "same_as", 1.0;
// - to every other entry whose estimated Jaccard similarity reaches the
//   threshold: "near_duplicate", the estimate.
// Never to the subject's own id.
template <class Eligible>
void collect_links(const IndexEntry& subject, const LinkIndex& index, const LinkRules& rules,
                   Eligible&& eligible, std::vector<FoundLink>& out);

// Sorts links into a canonical order (type, best score first, target id),
// drops repeats and keeps at most `max_text_links` same_as/near_duplicate.
void finish_links(std::vector<FoundLink>& links, size_t max_text_links);

// ----------------------------------------------------------------------

template <class Eligible>
void collect_links(const IndexEntry& subject, const LinkIndex& index, const LinkRules& rules,
                   Eligible&& eligible, std::vector<FoundLink>& out) {
  const auto linkable = [&](const IndexEntry& entry) {
    return entry.id != subject.id && eligible(entry);
  };
  if (!subject.key.empty()) {
    std::string_view wanted_kind;
    std::string type;
    if (subject.kind == kListingEntryKind) {
      wanted_kind = kFullRecordKind;
      type = "full_record";
    } else if (subject.kind == kFullRecordKind) {
      wanted_kind = kListingEntryKind;
      type = "listed_in";
    }
    if (!wanted_kind.empty()) {
      for (const uint32_t i : index.with_key(subject.key)) {
        const IndexEntry& entry = index.at(i);
        if (entry.kind == wanted_kind && linkable(entry)) out.push_back({type, entry.id, 1.0});
      }
    }
  }
  if (!subject.signature) return;
  const TextSignature& mine = *subject.signature;
  for (const uint32_t i : index.candidates(mine.minhash)) {
    const IndexEntry& entry = index.at(i);
    if (!entry.signature || !linkable(entry)) continue;
    const TextSignature& theirs = *entry.signature;
    if (theirs.text_hash == mine.text_hash && theirs.words == mine.words) {
      out.push_back({"same_as", entry.id, 1.0});
      continue;
    }
    const double similarity = estimated_jaccard(mine.minhash, theirs.minhash);
    if (similarity >= rules.near_duplicate_threshold) {
      out.push_back({"near_duplicate", entry.id, similarity});
    }
  }
}

}  // namespace opis::link
