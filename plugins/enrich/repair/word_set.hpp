// A set of short strings with a small tag each, tuned for the look-ups
// repair makes per token: open addressing over one flat array of 16-byte
// slots, a hash tag compared before any bytes, words of up to nine bytes
// (most of them) kept in their slot so a hit reads one cache line, longer
// ones in an arena. With a full word
// list the slots take megabytes, so most look-ups would wait on memory; the
// run scorer looks up mostly strings that are no word (a run decoded under
// the wrong offsets), so a bit filter of 64 KB over the hashes' top bits
// (small enough to stay in cache between records) turns most of them away.
// Repeated look-ups of one text are answered by the run finder's
// WordClassMemo before they reach this set.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "huge_page_array.hpp"

namespace opis::repair {

class WordSet {
 public:
  // ORs `tag` into the entry's tags; returns true when the entry is new.
  bool insert(std::string_view word, uint8_t tag);
  // The entry's tags, 0 when absent.
  uint8_t find(std::string_view word) const;
  size_t size() const { return size_; }

 private:
  static constexpr size_t kInlineBytes = 9;
  struct Slot {
    uint32_t check = 0;  // upper hash bits, never 0 in a used slot
    uint16_t length = 0;
    uint8_t tags = 0;
    char bytes[kInlineBytes] = {};  // the word, or its arena offset when longer
  };
  static_assert(sizeof(Slot) == 16);
  static uint64_t hash(std::string_view word);
  uint8_t find_in_slots(uint64_t h, std::string_view word) const;
  std::string_view word_of(const Slot& s) const;
  bool holds(const Slot& s, uint32_t check, std::string_view word) const {
    return s.check == check && s.length == word.size() && word_of(s) == word;
  }
  void grow();

  // The slots use the hash's low bits; the filter its top ones.
  static constexpr unsigned kFilterBits = 19;
  using Filter = std::array<uint64_t, (size_t{1} << kFilterBits) / 64>;
  static size_t filter_index(uint64_t h) { return static_cast<size_t>(h >> (64 - kFilterBits)); }
  bool may_hold(uint64_t h) const {
    const size_t i = filter_index(h);
    return ((*filter_)[i / 64] >> (i % 64) & 1U) != 0;
  }

  // Every run of three ASCII letters (case folded) in any entry, one bit
  // each: 2 KB, so it stays in cache. A string holding a triple no entry
  // holds is no entry, in any case: most strings a wrong offset decodes to
  // (and every damaged token) are turned away here, before the filter and
  // the slots, which are far larger and mostly out of cache.
  static constexpr size_t kTriples = 26 * 26 * 26;
  std::array<uint64_t, (kTriples + 63) / 64> triples_{};
  void add_triples(std::string_view word);
  bool has_triples_of(std::string_view word) const;

  HugePageArray<Slot> slots_;
  std::unique_ptr<Filter> filter_ = std::make_unique<Filter>();
  std::string arena_;
  size_t size_ = 0;
};

}  // namespace opis::repair
