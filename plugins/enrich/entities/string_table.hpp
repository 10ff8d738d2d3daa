// A map from short strings (raw spellings) to numbers, searched with a
// string_view. The scan asks it about nearly every capitalized word (is it a
// surname spelling, a title, a non-name word, an acronym), so it is flat:
// the keys live in one buffer, the slots in one array probed linearly, and a
// slot keeps its key's hash so that a miss rarely compares bytes.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "short_string_hash.hpp"

namespace opis::entities {

class StringTable {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  // Sets the value of `key`, adding it if new.
  void set(std::string_view key, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    const uint64_t hash = hash_of(key);
    Slot& slot = find_slot(slots_, hash, key);
    if (!used(slot)) {
      slot = {hash, static_cast<uint32_t>(keys_.size()), static_cast<uint32_t>(key.size()), value,
              generation_};
      keys_.append(key);
      ++size_;
      const size_t shape = shape_of(key);
      shapes_[shape / 64] |= uint64_t{1} << (shape % 64);
      return;
    }
    slot.value = value;
  }
  // The value of `key`; kMissing when it has none.
  uint32_t get(std::string_view key) const {
    if (size_ == 0 || !shape_may_be_key(key)) return kMissing;
    const uint64_t hash = hash_of(key);
    const size_t mask = slots_.size() - 1;
    for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (!used(slot)) return kMissing;
      if (slot.hash == hash && short_strings::equal(key_of(slot), key)) return slot.value;
    }
  }
  bool contains(std::string_view key) const { return get(key) != kMissing; }
  size_t size() const { return size_; }
  // Keeps a small table's slots: a per-record table is cleared for every
  // record, and allocating them anew, or even rewriting them, each time costs
  // more than starting a new generation, which leaves every slot unused.
  void clear() {
    if (slots_.size() > kSlotsKept) {
      slots_.clear();
    } else if (++generation_ == 0) {
      std::fill(slots_.begin(), slots_.end(), Slot{});
      generation_ = 1;
    }
    keys_.clear();
    shapes_ = {};
    size_ = 0;
  }

 private:
  static constexpr size_t kSlotsKept = 4096;
  struct Slot {
    uint64_t hash = 0;
    uint32_t key_begin = 0;  // in keys_
    uint32_t key_size = 0;
    uint32_t value = 0;
    uint32_t generation = 0;  // used when it is the table's generation_
  };

  bool used(const Slot& slot) const { return slot.generation == generation_; }

  // A key's first letter and length: most words asked about a small word
  // list (the, of, said) share neither with any of its words, and this
  // answers them without hashing.
  static size_t shape_of(std::string_view key) {
    const size_t first = key.empty() ? 0 : static_cast<unsigned char>(key.front()) % 32;
    return first * 16 + std::min<size_t>(key.size(), 15);
  }
  bool shape_may_be_key(std::string_view key) const {
    const size_t shape = shape_of(key);
    return (shapes_[shape / 64] >> (shape % 64) & 1) != 0;
  }

  static uint64_t hash_of(std::string_view key) { return short_strings::hash(key); }
  std::string_view key_of(const Slot& slot) const {
    return std::string_view(keys_).substr(slot.key_begin, slot.key_size);
  }
  Slot& find_slot(std::vector<Slot>& slots, uint64_t hash, std::string_view key) const {
    const size_t mask = slots.size() - 1;
    for (size_t i = static_cast<size_t>(hash) & mask;; i = (i + 1) & mask) {
      Slot& slot = slots[i];
      if (!used(slot) || (slot.hash == hash && key_of(slot) == key)) return slot;
    }
  }
  void grow() {
    std::vector<Slot> bigger(slots_.empty() ? 64 : slots_.size() * 2);
    const size_t mask = bigger.size() - 1;
    for (const Slot& slot : slots_) {
      if (!used(slot)) continue;
      size_t i = static_cast<size_t>(slot.hash) & mask;
      while (used(bigger[i])) i = (i + 1) & mask;
      bigger[i] = slot;
    }
    slots_.swap(bigger);
  }

  std::vector<Slot> slots_;
  std::string keys_;                             // every key, back to back
  std::array<uint64_t, 32 * 16 / 64> shapes_{};  // bit per shape_of() of a key
  size_t size_ = 0;
  uint32_t generation_ = 1;  // never 0, the generation of a new slot
};

}  // namespace opis::entities
