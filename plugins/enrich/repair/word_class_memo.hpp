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

 private:
  struct Entry {
    uint64_t hash = 0;
    uint32_t offset = 0;  // the word's bytes in arena_
    uint16_t length = 0;
    uint8_t used = 0;
    WordClass cls = WordClass::kNeutral;
  };
  // Words longer than this are classified each time: they are rare, and
  // the entry's length field stays small.
  static constexpr size_t kMaxLength = 64;

  void grow();

  const Lexicon* lexicon_;
  std::vector<Entry> entries_;
  std::string arena_;
  size_t size_ = 0;
};

}  // namespace opis::repair
