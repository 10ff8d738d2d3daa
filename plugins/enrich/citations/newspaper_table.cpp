#include "newspaper_table.hpp"

#include <algorithm>

#include "name_table_file.hpp"
#include "text_scan.hpp"

namespace opis::citations {

void NewspaperTable::add_tsv(std::string_view content, std::string_view origin) {
  for (auto& row : parse_tsv(content, origin, 1)) {
    std::vector<std::string> spellings{row.columns[0]};
    if (row.columns.size() > 1) {
      for (auto& alias : split_aliases(row.columns[1])) spellings.push_back(std::move(alias));
    }
    for (auto& spelling : spellings) {
      const auto duplicate = std::find_if(titles_.begin(), titles_.end(),
                                          [&](const auto& t) { return t.spelling == spelling; });
      if (duplicate != titles_.end()) {
        duplicate->title = row.columns[0];  // the later file wins
        continue;
      }
      titles_.push_back({spelling, row.columns[0]});
      if (spelling.size() < 2) {
        start_filter_.add_first(spelling[0]);
        for (int second = 0; second < 256; ++second) {
          first_pairs_.set(pair_index(spelling[0], static_cast<char>(second)));
        }
      } else {
        first_pairs_.set(pair_index(spelling[0], spelling[1]));
        start_filter_.add(spelling[0], spelling[1]);
      }
      auto& bucket = by_first_byte_[static_cast<unsigned char>(spelling.front())];
      bucket.push_back(titles_.size() - 1);
      std::stable_sort(bucket.begin(), bucket.end(), [&](size_t a, size_t b) {
        return titles_[a].spelling.size() > titles_[b].spelling.size();
      });
    }
  }
}

const NewspaperTitle* NewspaperTable::match_at(std::string_view text, size_t pos) const {
  for (const size_t index : by_first_byte_[static_cast<unsigned char>(text[pos])]) {
    const auto& candidate = titles_[index];
    // The second byte first: it turns most capitalised words away cheaply.
    if (candidate.spelling.size() > 1 &&
        (pos + 1 >= text.size() || text[pos + 1] != candidate.spelling[1])) {
      continue;
    }
    if (!starts_with_at(text, pos, candidate.spelling)) continue;
    const size_t end = pos + candidate.spelling.size();
    if (end < text.size() && (is_ascii_alnum(text[end]) || is_non_ascii(text[end]))) continue;
    return &candidate;
  }
  return nullptr;
}

}  // namespace opis::citations
