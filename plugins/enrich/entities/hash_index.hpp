// An open-addressing map from 64-bit key hashes to entry numbers. The scan
// looks up every capitalized word's prefix, so this sits on the hot path;
// the hashes are already uniform, so the table uses their low bits directly
// instead of std::unordered_map's modulo and node chasing. Most look-ups
// miss (a capitalized word that starts no name): an 8 KB bit filter over the
// hashes' top bits answers those from the L1 cache, without touching the
// slots.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace opis::entities {

class HashIndex {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  // Sets the value of `key`; returns the value it replaced (kMissing if new).
  uint32_t set(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    Slot& slot = find_slot(slots_, key);
    const uint32_t old = slot.used ? slot.value : kMissing;
    if (!slot.used) ++size_;
    slot = {key, value, true};
    filter_[filter_word(key)] |= filter_bit(key);
    return old;
  }
  uint32_t get(uint64_t key) const {
    if ((filter_[filter_word(key)] & filter_bit(key)) == 0) return kMissing;
    const size_t mask = slots_.size() - 1;
    for (size_t i = static_cast<size_t>(key) & mask;; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (!slot.used) return kMissing;
      if (slot.key == key) return slot.value;
    }
  }
  bool contains(uint64_t key) const { return get(key) != kMissing; }
  void clear() {
    slots_.clear();
    filter_.fill(0);
    size_ = 0;
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
    bool used = false;
  };

  static Slot& find_slot(std::vector<Slot>& slots, uint64_t key) {
    const size_t mask = slots.size() - 1;
    for (size_t i = static_cast<size_t>(key) & mask;; i = (i + 1) & mask) {
      if (!slots[i].used || slots[i].key == key) return slots[i];
    }
  }

  void grow() {
    std::vector<Slot> bigger(slots_.empty() ? 64 : slots_.size() * 2);
    for (const Slot& slot : slots_) {
      if (slot.used) find_slot(bigger, slot.key) = slot;
    }
    slots_.swap(bigger);
  }

  // FNV-1a mixes best into the high bits; the slots use the low ones.
  static constexpr unsigned kFilterBits = 16;
  static size_t filter_word(uint64_t key) {
    return static_cast<size_t>(key >> (64 - kFilterBits)) / 64;
  }
  static uint64_t filter_bit(uint64_t key) {
    return uint64_t{1} << ((key >> (64 - kFilterBits)) % 64);
  }

  std::vector<Slot> slots_;
  std::array<uint64_t, (size_t{1} << kFilterBits) / 64> filter_{};
  size_t size_ = 0;
};

}  // namespace opis::entities
