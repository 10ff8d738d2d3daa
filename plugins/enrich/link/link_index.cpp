#include "link_index.hpp"

#include <algorithm>

namespace opis::link {
namespace {

uint64_t band_hash(const MinHash& minhash, size_t band) {
  uint64_t h = band;
  for (size_t row = 0; row < kRowsPerBand; ++row) {
    h = mix64(h ^ minhash[band * kRowsPerBand + row]);
  }
  return h;
}

// The band hashes are already mixed; the band spreads equal hashes of
// different bands.
size_t slot_of(size_t band, uint64_t hash, size_t mask) {
  return static_cast<size_t>(hash + band * 0x9E3779B97F4A7C15ULL) & mask;
}

}  // namespace

bool LinkIndex::add(IndexEntry entry) {
  if (!ids_.insert(entry.id).second) return false;
  const auto index = static_cast<uint32_t>(entries_.size());
  if (!entry.key.empty()) by_key_[entry.key].push_back(index);
  if (entry.signature) {
    for (size_t band = 0; band < kBands; ++band) {
      band_bucket(band, band_hash(entry.signature->minhash, band)).push_back(index);
    }
  }
  entries_.push_back(std::move(entry));
  return true;
}

const std::vector<uint32_t>& LinkIndex::with_key(const std::string& key) const {
  static const std::vector<uint32_t> kNone;
  const auto found = by_key_.find(key);
  return found == by_key_.end() ? kNone : found->second;
}

std::vector<uint32_t> LinkIndex::candidates(const MinHash& minhash) const {
  std::vector<uint32_t> out;
  for (size_t band = 0; band < kBands; ++band) {
    if (const auto* bucket = find_band(band, band_hash(minhash, band))) {
      out.insert(out.end(), bucket->begin(), bucket->end());
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const std::vector<uint32_t>* LinkIndex::find_band(size_t band, uint64_t hash) const {
  if (band_slots_.empty()) return nullptr;
  const size_t mask = band_slots_.size() - 1;
  for (size_t i = slot_of(band, hash, mask);; i = (i + 1) & mask) {
    const BandSlot& slot = band_slots_[i];
    if (slot.band == 0) return nullptr;
    if (slot.hash == hash && slot.band == band + 1) return &band_buckets_[slot.bucket];
  }
}

std::vector<uint32_t>& LinkIndex::band_bucket(size_t band, uint64_t hash) {
  if ((band_buckets_.size() + 1) * 2 > band_slots_.size()) grow_band_slots();
  const size_t mask = band_slots_.size() - 1;
  for (size_t i = slot_of(band, hash, mask);; i = (i + 1) & mask) {
    BandSlot& slot = band_slots_[i];
    if (slot.band == 0) {
      slot = {hash, static_cast<uint32_t>(band + 1), static_cast<uint32_t>(band_buckets_.size())};
      return band_buckets_.emplace_back();
    }
    if (slot.hash == hash && slot.band == band + 1) return band_buckets_[slot.bucket];
  }
}

void LinkIndex::grow_band_slots() {
  std::vector<BandSlot> old = std::move(band_slots_);
  band_slots_.assign(std::max<size_t>(64, old.size() * 2), BandSlot{});
  const size_t mask = band_slots_.size() - 1;
  for (const BandSlot& slot : old) {
    if (slot.band == 0) continue;
    size_t i = slot_of(slot.band - 1, slot.hash, mask);
    while (band_slots_[i].band != 0) i = (i + 1) & mask;
    band_slots_[i] = slot;
  }
}

}  // namespace opis::link
