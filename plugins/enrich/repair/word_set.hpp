// A set of short strings with a small tag each, tuned for the look-ups
// repair makes per token: open addressing over one flat slot array, a hash
// tag compared before any bytes, all strings in one arena.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace opis::repair {

class WordSet {
 public:
  // ORs `tag` into the entry's tags; returns true when the entry is new.
  bool insert(std::string_view word, uint8_t tag);
  // The entry's tags, 0 when absent.
  uint8_t find(std::string_view word) const;
  size_t size() const { return size_; }

 private:
  struct Slot {
    uint32_t check = 0;  // upper hash bits, never 0 in a used slot
    uint32_t offset = 0;
    uint16_t length = 0;
    uint8_t tags = 0;
  };
  static uint64_t hash(std::string_view word);
  void grow();

  std::vector<Slot> slots_;
  std::string arena_;
  size_t size_ = 0;
};

}  // namespace opis::repair
