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

}  // namespace

bool LinkIndex::add(IndexEntry entry) {
  if (!ids_.insert(entry.id).second) return false;
  const auto index = static_cast<uint32_t>(entries_.size());
  if (!entry.key.empty()) by_key_[entry.key].push_back(index);
  if (entry.signature) {
    for (size_t band = 0; band < kBands; ++band) {
      bands_[band][band_hash(entry.signature->minhash, band)].push_back(index);
    }
  }
  entries_.push_back(std::move(entry));
  return true;
}

std::vector<uint32_t> LinkIndex::with_key(const std::string& key) const {
  const auto found = by_key_.find(key);
  return found == by_key_.end() ? std::vector<uint32_t>{} : found->second;
}

std::vector<uint32_t> LinkIndex::candidates(const MinHash& minhash) const {
  std::vector<uint32_t> out;
  for (size_t band = 0; band < kBands; ++band) {
    const auto found = bands_[band].find(band_hash(minhash, band));
    if (found != bands_[band].end())
      out.insert(out.end(), found->second.begin(), found->second.end());
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace opis::link
