#include "word_set.hpp"

#include <limits>

namespace opis::repair {
namespace {

uint32_t check_of(uint64_t h) {
  const auto c = static_cast<uint32_t>(h >> 32);
  return c == 0 ? 1 : c;
}

}  // namespace

uint64_t WordSet::hash(std::string_view word) {
  // FNV-1a: words are short, so a byte loop beats anything vectorised.
  uint64_t h = 1469598103934665603ULL;
  for (const char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h ^ (h >> 29);
}

uint8_t WordSet::find(std::string_view word) const {
  if (slots_.empty()) return 0;
  const uint64_t h = hash(word);
  const uint32_t check = check_of(h);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.check == 0) return 0;
    if (s.check == check && s.length == word.size() &&
        std::string_view(arena_).substr(s.offset, s.length) == word) {
      return s.tags;
    }
  }
}

bool WordSet::insert(std::string_view word, uint8_t tag) {
  if (word.size() > std::numeric_limits<uint16_t>::max()) return false;
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const uint64_t h = hash(word);
  const uint32_t check = check_of(h);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    Slot& s = slots_[i];
    if (s.check == 0) {
      s = {check, static_cast<uint32_t>(arena_.size()), static_cast<uint16_t>(word.size()), tag};
      arena_.append(word);
      ++size_;
      return true;
    }
    if (s.check == check && s.length == word.size() &&
        std::string_view(arena_).substr(s.offset, s.length) == word) {
      s.tags |= tag;
      return false;
    }
  }
}

void WordSet::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.check == 0) continue;
    const uint64_t h = hash(std::string_view(arena_).substr(s.offset, s.length));
    size_t i = h & mask;
    while (slots_[i].check != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace opis::repair
