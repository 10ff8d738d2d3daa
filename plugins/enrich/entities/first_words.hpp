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
#include "short_string_hash.hpp"

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
    if (slots_.empty()) slots_.assign(kSlots, Slot{});
    const uint64_t h = short_strings::hash(raw) ^ (uint64_t{flags} + 1) * 0x9E3779B97F4A7C15ULL;
    check_ = static_cast<uint32_t>(h >> 32) | 1U;
    for (slot_ = static_cast<size_t>(h) & (kSlots - 1);; slot_ = (slot_ + 1) & (kSlots - 1)) {
      const Slot& slot = slots_[slot_];
      if (slot.check == 0) break;
      if (slot.check != check_) continue;
      const Word& word = words_[slot.index];
      if (word.flags == flags &&
          short_strings::equal(std::string_view(keys_).substr(word.key_begin, word.key_size),
                               raw)) {
        return &word.answer;
      }
    }
    raw_ = raw;
    flags_ = flags;
    return nullptr;
  }
  // Keeps the answer for the word last passed to find() without an answer.
  const FirstWord& add(const FirstWord& answer) {
    // Bounded: a text of ever new words must not grow it without end.
    if (words_.size() >= kMaxWords) {
      slots_.assign(kSlots, Slot{});
      words_.clear();
      keys_.clear();
      find(raw_, flags_);  // the slot to fill in the emptied table
    }
    slots_[slot_] = {check_, static_cast<uint32_t>(words_.size())};
    words_.push_back(
        {answer, static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(raw_.size()), flags_});
    keys_.append(raw_);
    return words_.back().answer;
  }

 private:
  static constexpr size_t kMaxWords = 1 << 14;
  // Twice the words at most, so probes stay short; eight bytes a slot, so
  // the table (256 KB) mostly stays in the core's cache between records.
  static constexpr size_t kSlots = kMaxWords * 2;

  struct Slot {
    uint32_t check = 0;  // the hash's upper half, never 0 in a used slot
    uint32_t index = 0;  // in words_
  };
  struct Word {
    FirstWord answer;
    uint32_t key_begin = 0;  // the raw spelling in keys_
    uint32_t key_size = 0;
    uint8_t flags = 0;
  };

  std::vector<Slot> slots_;
  std::vector<Word> words_;
  std::string keys_;
  // What find() last missed, for add(): the word, its flags, hash and slot.
  std::string_view raw_;
  uint8_t flags_ = 0;
  uint32_t check_ = 0;
  size_t slot_ = 0;
};

}  // namespace opis::entities
