// Glyphs of a damaged font that stand for something else inside its shifted
// runs (data/glyphs.tsv): ligatures and typographic punctuation. These are
// facts about one font, so they live in data, not code.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace opis::repair {

struct GlyphMeaning {
  std::string replacement;
  std::string reason;  // "ligature glyph", "punctuation glyph"
};

class GlyphTable {
 public:
  // Lines "glyph<TAB>replacement<TAB>kind"; kind "ligature" or "punctuation".
  // Returns the number of lines it could not read.
  size_t add(std::string_view tsv);
  // Called for every character of a suspect run: a direct index for
  // Latin-1, where fonts put their ligatures, a short scan for the rest.
  // The most letters a byte of a damaged token can decode to: 1, unless a
  // glyph's replacement has more characters than the glyph has bytes. It
  // bounds what the tokens of a run not decoded yet can still add.
  size_t max_letters_per_byte() const { return max_letters_per_byte_; }

  [[gnu::always_inline]] const GlyphMeaning* find(char32_t glyph) const {
    if (glyph < latin1_.size()) {
      return latin1_[glyph] < 0 ? nullptr : &entries_[static_cast<size_t>(latin1_[glyph])].second;
    }
    return find_beyond_latin1(glyph);
  }

 private:
  const GlyphMeaning* find_beyond_latin1(char32_t glyph) const {
    for (const auto& [cp, meaning] : entries_) {
      if (cp == glyph) return &meaning;
    }
    return nullptr;
  }

  std::vector<std::pair<char32_t, GlyphMeaning>> entries_;
  size_t max_letters_per_byte_ = 1;
  std::array<int16_t, 256> latin1_ = filled();
  static std::array<int16_t, 256> filled() {
    std::array<int16_t, 256> a{};
    a.fill(-1);
    return a;
  }
};

}  // namespace opis::repair
