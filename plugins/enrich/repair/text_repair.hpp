// The repair passes in order over one text: mojibake, shifted glyph runs,
// line joins, NFC. Each pass's offset map is kept so that any span of the
// input can be carried onto the output.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "glyph_table.hpp"
#include "letter_bigrams.hpp"
#include "lexicon.hpp"
#include "line_joins.hpp"
#include "shifted_runs.hpp"
#include "text_edits.hpp"
#include "word_class_memo_pool.hpp"

namespace opis::repair {

struct RepairOptions {
  LineJoinOptions lines;
  ShiftSearch search;
};

struct RepairResult {
  std::string text;
  std::vector<RepairNote> notes;  // offsets into `text`
  std::vector<EditMap> maps;      // one per pass that changed something

  bool changed() const { return !maps.empty(); }
  size_t map_begin(size_t position) const;
  size_t map_end(size_t position) const;
};

class TextRepairer {
 public:
  TextRepairer(Lexicon lexicon, LetterBigrams bigrams, GlyphTable glyphs, RepairOptions options)
      : lexicon_(std::move(lexicon)),
        bigrams_(std::move(bigrams)),
        glyphs_(std::move(glyphs)),
        options_(options),
        memos_(std::make_shared<WordClassMemoPool>()) {}

  RepairResult repair(std::string_view text) const;
  // The same, except that `text` stays empty when no pass changed anything:
  // for a caller that keeps the input when it is clean, most texts, and
  // would only throw the copy away.
  RepairResult repair_changes(std::string_view text) const;
  const Lexicon& lexicon() const { return lexicon_; }

 private:
  Lexicon lexicon_;
  LetterBigrams bigrams_;
  GlyphTable glyphs_;
  RepairOptions options_;
  // Shared by copies, which hold the same words.
  std::shared_ptr<WordClassMemoPool> memos_;
};

}  // namespace opis::repair
