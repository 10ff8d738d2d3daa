#include "glyph_table.hpp"

#include <algorithm>

#include "utf8.hpp"

namespace opis::repair {

size_t GlyphTable::add(std::string_view tsv) {
  size_t bad = 0;
  while (!tsv.empty()) {
    const size_t end = tsv.find('\n');
    std::string_view line = tsv.substr(0, end);
    tsv.remove_prefix(end == std::string_view::npos ? tsv.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab1 == std::string_view::npos || tab2 == std::string_view::npos || tab1 == 0) {
      ++bad;
      continue;
    }
    const Decoded glyph = decode_at(line, 0);
    const std::string_view replacement = line.substr(tab1 + 1, tab2 - tab1 - 1);
    const std::string_view kind = line.substr(tab2 + 1);
    if (glyph.length != tab1 || replacement.empty() ||
        (kind != "ligature" && kind != "punctuation")) {
      ++bad;
      continue;
    }
    size_t characters = 0;
    for (const char c : replacement) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    max_letters_per_byte_ =
        std::max(max_letters_per_byte_, (characters + glyph.length - 1) / glyph.length);
    GlyphMeaning meaning{std::string(replacement), std::string(kind) + " glyph"};
    size_t index = 0;
    while (index < entries_.size() && entries_[index].first != glyph.cp) ++index;
    if (index == entries_.size()) {
      entries_.emplace_back(glyph.cp, std::move(meaning));
    } else {
      entries_[index].second = std::move(meaning);
    }
    if (glyph.cp < latin1_.size()) latin1_[glyph.cp] = static_cast<int16_t>(index);
  }
  return bad;
}

}  // namespace opis::repair
