// The records the linker has seen: keys, ids and text signatures (never
// texts), with lookups by key and by LSH band. Not synchronized: the
// enricher guards it.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text_signature.hpp"

namespace opis::link {

struct IndexEntry {
  std::string key;  // link_key(); may be empty
  std::string id;
  std::string kind;
  std::optional<TextSignature> signature;
};

// LSH banding: 16 bands of 4 rows make two texts with Jaccard similarity
// 0.8 share a band with probability 1 - (1 - 0.8^4)^16 ≈ 0.9997, and two with
// 0.3 with probability ≈ 0.12 (then rejected by the full comparison).
inline constexpr size_t kBands = 16;
inline constexpr size_t kRowsPerBand = kMinHashSize / kBands;

class LinkIndex {
 public:
  // False when an entry with this id is already indexed (it is kept as is).
  bool add(IndexEntry entry);

  size_t size() const { return entries_.size(); }
  bool contains(std::string_view id) const { return ids_.contains(id); }
  const IndexEntry& at(uint32_t index) const { return entries_[index]; }
  const std::vector<IndexEntry>& entries() const { return entries_; }

  // Entries with exactly this key, in the order they were added.
  const std::vector<uint32_t>& with_key(const std::string& key) const;
  // Entries sharing at least one band with `minhash`, ascending.
  std::vector<uint32_t> candidates(const MinHash& minhash) const;

 private:
  std::vector<IndexEntry> entries_;
  // Looked up by string_view (the record's id as the host gives it).
  struct IdHash {
    using is_transparent = void;
    size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
  };
  std::unordered_set<std::string, IdHash, std::equal_to<>> ids_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_key_;

  // The LSH buckets: (band, band hash) -> entries, in one open-addressing
  // table (linear probing, at most half full). A record's 16 lookups were a
  // tenth of link's time through std::unordered_map.
  struct BandSlot {
    uint64_t hash = 0;
    uint32_t band = 0;    // band + 1; 0: an empty slot
    uint32_t bucket = 0;  // index into band_buckets_
  };
  const std::vector<uint32_t>* find_band(size_t band, uint64_t hash) const;
  std::vector<uint32_t>& band_bucket(size_t band, uint64_t hash);
  void grow_band_slots();

  std::vector<BandSlot> band_slots_;
  std::vector<std::vector<uint32_t>> band_buckets_;
};

}  // namespace opis::link
