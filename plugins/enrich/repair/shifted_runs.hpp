// Runs of text whose glyphs were shifted by a constant code-point offset, as
// a PDF font with a broken encoding leaves them ("WKH" for "the", offset
// -29). The offset is found per run by trying every offset in a window and
// scoring the decoded run against the lexicon (or, without a word list, the
// letter-pair model); nothing about one font is hard-coded except its glyph
// table.
#pragma once

#include <string_view>
#include <vector>

#include "glyph_table.hpp"
#include "letter_bigrams.hpp"
#include "lexicon.hpp"
#include "text_edits.hpp"
#include "word_class_memo.hpp"

namespace opis::repair {

// The widest window: the config's `max_offset` is at most this, and a
// larger ShiftSearch::max_offset is taken as this.
inline constexpr int kMaxShiftSearch = 1024;

struct ShiftSearch {
  int max_offset = 64;  // offsets -max..+max are tried
};

// One edit per decoded run (reason "shifted glyphs (offset N)", N the
// damage's offset), with notes for the glyphs it mapped and the characters
// it could not recover. The notes' reasons are views: a glyph's points into
// `glyphs`, which must outlive the edits.
std::vector<Edit> find_shifted_runs(std::string_view text, const Lexicon& lexicon,
                                    const LetterBigrams& bigrams, const GlyphTable& glyphs,
                                    const ShiftSearch& search = {});
// The same, asking the lexicon through `classes` (a memo of its answers,
// which may hold words of earlier texts).
std::vector<Edit> find_shifted_runs(std::string_view text, WordClassMemo& classes,
                                    const Lexicon& lexicon, const LetterBigrams& bigrams,
                                    const GlyphTable& glyphs, const ShiftSearch& search);

}  // namespace opis::repair
