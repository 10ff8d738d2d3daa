#include "word_set.hpp"

#include <array>
#include <cstring>
#include <limits>

namespace opis::repair {
namespace {

uint32_t check_of(uint64_t h) {
  const auto c = static_cast<uint32_t>(h >> 32);
  return c == 0 ? 1 : c;
}

// A letter's index (0-25) whatever its case; kNotLetter for other bytes.
constexpr unsigned kNotLetter = 26;
unsigned folded_letter(char c) {
  const unsigned lower = static_cast<unsigned char>(c) | 0x20U;
  return lower >= 'a' && lower <= 'z' ? lower - 'a' : kNotLetter;
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

std::string_view WordSet::word_of(const Slot& s) const {
  if (s.length <= kInlineBytes) return {s.bytes, s.length};
  uint32_t offset = 0;
  std::memcpy(&offset, s.bytes, sizeof offset);
  return std::string_view(arena_).substr(offset, s.length);
}

void WordSet::add_triples(std::string_view word) {
  unsigned a = kNotLetter;
  unsigned b = kNotLetter;
  for (const char c : word) {
    const unsigned x = folded_letter(c);
    if (a != kNotLetter && b != kNotLetter && x != kNotLetter) {
      const size_t t = (a * 26 + b) * 26 + x;
      triples_[t / 64] |= uint64_t{1} << (t % 64);
    }
    a = b;
    b = x;
  }
}

bool WordSet::has_triples_of(std::string_view word) const {
  unsigned a = kNotLetter;
  unsigned b = kNotLetter;
  for (const char c : word) {
    const unsigned x = folded_letter(c);
    if (a != kNotLetter && b != kNotLetter && x != kNotLetter) {
      const size_t t = (a * 26 + b) * 26 + x;
      if ((triples_[t / 64] >> (t % 64) & 1U) == 0) return false;
    }
    a = b;
    b = x;
  }
  return true;
}

uint8_t WordSet::find(std::string_view word) const {
  if (slots_.empty() || !has_triples_of(word)) return 0;
  const uint64_t h = hash(word);
  return may_hold(h) ? find_in_slots(h, word) : 0;
}

uint8_t WordSet::find_in_slots(uint64_t h, std::string_view word) const {
  const uint32_t check = check_of(h);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.check == 0) return 0;
    if (holds(s, check, word)) return s.tags;
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
      if (word.size() > kInlineBytes &&
          arena_.size() > std::numeric_limits<uint32_t>::max() - word.size()) {
        return false;
      }
      s = Slot{check, static_cast<uint16_t>(word.size()), tag, {}};
      if (word.size() <= kInlineBytes) {
        std::memcpy(s.bytes, word.data(), word.size());
      } else {
        const auto offset = static_cast<uint32_t>(arena_.size());
        std::memcpy(s.bytes, &offset, sizeof offset);
        arena_.append(word);
      }
      add_triples(word);
      const size_t bit = filter_index(h);
      (*filter_)[bit / 64] |= uint64_t{1} << (bit % 64);
      ++size_;
      return true;
    }
    if (holds(s, check, word)) {
      s.tags |= tag;
      return false;
    }
  }
}

void WordSet::grow() {
  HugePageArray<Slot> old = std::move(slots_);
  slots_ = HugePageArray<Slot>(old.empty() ? 1024 : old.size() * 2);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.check == 0) continue;
    const uint64_t h = hash(word_of(s));
    size_t i = h & mask;
    while (slots_[i].check != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

}  // namespace opis::repair
