// The classes of one text's tokens, each asked of the lexicon once: a text
// repeats its words (damaged ones too: every shifted "the" is "WKH"), and a
// run is decoded under the same offset again and again, so most look-ups of
// a text are repeats. A lexicon look-up folds case, splits hyphens and may
// probe the word table (megabytes, mostly out of cache) several times; a
// repeat here costs a hash and a compare in a table that stays in cache.
// A TextRepairer keeps its memos (one per thread at work, see
// WordClassMemoPool) from record to record: the words of one archive recur
// in all its records, and the lexicon's answer for a string never changes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.hpp"

namespace opis::repair {

class WordClassMemo {
 public:
  explicit WordClassMemo(const Lexicon& lexicon) : lexicon_(&lexicon) {}

  // lexicon.classify(core), remembered.
  WordClass classify(std::string_view core);

  // The lexicon to ask from now on: the same words (the memo's owner may
  // have moved), or clear() first.
  void rebind(const Lexicon& lexicon) { lexicon_ = &lexicon; }
  size_t size() const { return size_; }
  void clear();

  // The offset that last decoded a run of a text classified through this
  // memo. The run finder scores it first when it searches the window for a
  // new text's first run: the right offset found first makes every other
  // offset stop early. It orders the search only; which offset wins does
  // not depend on it.
  int recent_offset() const { return recent_offset_; }
  void set_recent_offset(int offset) { recent_offset_ = offset; }

 private:
  // Eight bytes, so the table of a long article's words (tens of thousands
  // of slots, probed at random) stays mostly in the core's own cache: with
  // 24-byte entries the probe's load was most of a look-up. `check` is the
  // hash's upper half, never 0 in a used slot; `word` packs the word's
  // arena offset, its length less one and its class.
  struct Entry {
    uint32_t check = 0;
    uint32_t word = 0;
  };
  static constexpr unsigned kOffsetBits = 24;
  static constexpr unsigned kLengthBits = 6;
  // Words longer than this are classified each time: they are rare.
  static constexpr size_t kMaxLength = size_t{1} << kLengthBits;
  // Past this many bytes of words the memo takes no more (a pool empties
  // its memos long before).
  static constexpr size_t kMaxArena = size_t{1} << kOffsetBits;

  void grow();

  const Lexicon* lexicon_;
  std::vector<Entry> entries_;
  std::string arena_;
  size_t size_ = 0;
  int recent_offset_ = 0;
};

}  // namespace opis::repair
