// What the authority says about a word that starts a sequence: the key
// hasher after it, the entry it names alone, and whether a longer name
// starts with it. The scan asks this for every capitalized word, and a text
// repeats its capitalized words (The, Soviet, Korea, Kim), so the answer is
// kept per spelling. It depends on the word and the authority only, never
// on a document: the learned table is asked afresh.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "romanization_key.hpp"
#include "string_table.hpp"

namespace opis::entities {

struct FirstWord {
  KeyHasher hasher;        // after the word (and an initial's mark)
  int64_t entry = -1;      // the authority entry the word alone names, or -1
  bool is_prefix = false;  // some authority key continues past the word
};

class FirstWords {
 public:
  // The word's answer, or nullptr when it has none yet. `flags` tells what
  // besides the raw spelling the answer depends on.
  const FirstWord* find(std::string_view raw, uint8_t flags) {
    make_key(raw, flags);
    const uint32_t index = index_.get(key_);
    return index == StringTable::kMissing ? nullptr : &words_[index];
  }
  // Keeps the answer for the word last passed to find().
  const FirstWord& add(const FirstWord& word) {
    // Bounded: a text of ever new words must not grow it without end.
    if (words_.size() >= kMaxWords) {
      index_.clear();
      words_.clear();
    }
    index_.set(key_, static_cast<uint32_t>(words_.size()));
    words_.push_back(word);
    return words_.back();
  }

 private:
  static constexpr size_t kMaxWords = 1 << 14;

  void make_key(std::string_view raw, uint8_t flags) {
    key_.assign(raw);
    key_ += static_cast<char>(flags);
  }

  StringTable index_;
  std::vector<FirstWord> words_;
  std::string key_;
};

}  // namespace opis::entities
