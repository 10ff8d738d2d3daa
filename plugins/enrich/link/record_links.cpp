#include "record_links.hpp"

#include <algorithm>
#include <tuple>

namespace opis::link {
namespace {

int type_rank(std::string_view type) {
  if (type == "full_record") return 0;
  if (type == "listed_in") return 1;
  if (type == "same_as") return 2;
  return 3;
}

bool is_text_link(std::string_view type) {
  return type == "same_as" || type == "near_duplicate";
}

}  // namespace

void collect_links(const IndexEntry& subject, const LinkIndex& index, const LinkRules& rules,
                   std::vector<FoundLink>& out) {
  const auto linkable = [&](const IndexEntry& entry) { return entry.id != subject.id; };
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

void finish_links(std::vector<FoundLink>& links, size_t max_text_links) {
  // One link per (type, target), whatever the caller collected.
  std::sort(links.begin(), links.end(), [](const FoundLink& a, const FoundLink& b) {
    return std::tie(a.type, a.target_id, b.score) < std::tie(b.type, b.target_id, a.score);
  });
  links.erase(std::unique(links.begin(), links.end(),
                          [](const FoundLink& a, const FoundLink& b) {
                            return a.type == b.type && a.target_id == b.target_id;
                          }),
              links.end());
  std::sort(links.begin(), links.end(), [](const FoundLink& a, const FoundLink& b) {
    return std::make_tuple(type_rank(a.type), -a.score, std::string_view(a.target_id)) <
           std::make_tuple(type_rank(b.type), -b.score, std::string_view(b.target_id));
  });
  size_t text_links = 0;
  std::erase_if(links, [&](const FoundLink& link) {
    return is_text_link(link.type) && ++text_links > max_text_links;
  });
}

}  // namespace opis::link
