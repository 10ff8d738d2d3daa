// An open-addressing map from 64-bit key hashes to entry numbers. The scan
// looks up every capitalized word's key and prefix, so this sits on the hot
// path. Most look-ups miss (a capitalized word that starts no name), and the
// prefix table is large (every character-level prefix of every spelling, far
// more than fits a cache), so a bit filter sits in front of the slots: two
// bits per key in a filter of 16 bits per possible entry keeps false hits
// near 1%, so a miss is nearly always answered from the filter alone, which
// is small enough to stay cached.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

namespace opis::entities {

class HashIndex {
 public:
  static constexpr uint32_t kMissing = UINT32_MAX;

  // Sets the value of `key`; returns the value it replaced (kMissing if new).
  uint32_t set(uint64_t key, uint32_t value) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    Slot& slot = find_slot(slots_, slot_shift_, key);
    const uint32_t old = slot.used ? slot.value : kMissing;
    if (!slot.used) ++size_;
    slot = {key, value, true};
    mark(key);
    return old;
  }
  uint32_t get(uint64_t key) const {
    if (!maybe_contains(key)) return kMissing;
    const size_t mask = slots_.size() - 1;
    for (size_t i = slot_of(key, slot_shift_);; i = (i + 1) & mask) {
      const Slot& slot = slots_[i];
      if (!slot.used) return kMissing;
      if (slot.key == key) return slot.value;
    }
  }
  bool contains(uint64_t key) const { return get(key) != kMissing; }
  // Keeps a small table's slots and filter: the per-record table of learned
  // names is cleared for every record.
  void clear() {
    if (slots_.size() <= kSlotsKept) {
      std::fill(slots_.begin(), slots_.end(), Slot{});
      std::fill(filter_.begin(), filter_.end(), 0);
    } else {
      slots_.clear();
      filter_.clear();
      slot_shift_ = 64;
      filter_shift_ = 64;
    }
    size_ = 0;
  }

 private:
  static constexpr size_t kSlotsKept = 4096;
  struct Slot {
    uint64_t key = 0;
    uint32_t value = 0;
    bool used = false;
  };

  // FNV-1a's low bits depend on few input bits: slots and filter bits are
  // taken from the high bits of the key times odd constants.
  static constexpr uint64_t kSlotMix = 0x9E3779B97F4A7C15ull;
  static constexpr uint64_t kFilterMix = 0xC2B2AE3D27D4EB4Full;
  static size_t slot_of(uint64_t key, unsigned shift) {
    return static_cast<size_t>((key * kSlotMix) >> shift);
  }

  bool maybe_contains(uint64_t key) const {
    if (size_ == 0) return false;
    const uint64_t first = key >> filter_shift_;
    const uint64_t second = (key * kFilterMix) >> filter_shift_;
    return (filter_[first / 64] >> (first % 64) & 1) != 0 &&
           (filter_[second / 64] >> (second % 64) & 1) != 0;
  }
  void mark(uint64_t key) {
    const uint64_t first = key >> filter_shift_;
    const uint64_t second = (key * kFilterMix) >> filter_shift_;
    filter_[first / 64] |= uint64_t{1} << (first % 64);
    filter_[second / 64] |= uint64_t{1} << (second % 64);
  }

  static Slot& find_slot(std::vector<Slot>& slots, unsigned shift, uint64_t key) {
    const size_t mask = slots.size() - 1;
    for (size_t i = slot_of(key, shift);; i = (i + 1) & mask) {
      if (!slots[i].used || slots[i].key == key) return slots[i];
    }
  }

  void grow() {
    const size_t count = slots_.empty() ? 64 : slots_.size() * 2;
    unsigned bits = 0;
    while ((size_t{1} << bits) < count) ++bits;
    std::vector<Slot> bigger(count);
    slot_shift_ = 64 - bits;
    // 16 filter bits per slot's worth of entries at most half full: 8 per slot.
    filter_.assign(count * 8 / 64, 0);
    filter_shift_ = 64 - (bits + 3);
    for (const Slot& slot : slots_) {
      if (!slot.used) continue;
      find_slot(bigger, slot_shift_, slot.key) = slot;
      mark(slot.key);
    }
    slots_.swap(bigger);
  }

  std::vector<Slot> slots_;
  std::vector<uint64_t> filter_;
  unsigned slot_shift_ = 64;
  unsigned filter_shift_ = 64;
  size_t size_ = 0;
};

}  // namespace opis::entities
