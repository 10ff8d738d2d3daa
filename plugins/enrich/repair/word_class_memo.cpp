#include "word_class_memo.hpp"

#include <cstdint>
#include <cstring>

namespace opis::repair {
namespace {

uint64_t load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
uint32_t load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
uint64_t mix(uint64_t h, uint64_t v) {
  const __uint128_t m = static_cast<__uint128_t>(h ^ v) * 0x9E3779B97F4A7C15ULL;
  return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
}

// Whether the `n` bytes at `a` and `b` are equal, without a call for the
// short words most look-ups are: overlapping loads from both ends.
bool same_bytes(const char* a, const char* b, size_t n) {
  if (n >= 8) {
    if (n > 16) return std::memcmp(a, b, n) == 0;
    return load64(a) == load64(b) && load64(a + n - 8) == load64(b + n - 8);
  }
  if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

// Eight bytes a step (a byte-at-a-time hash was a fifth of the run finder's
// time): the tail is read as two overlapping four-byte loads, or three
// single bytes, so nothing past the word is touched.
inline uint64_t hash_of(std::string_view word) {
  const char* p = word.data();
  size_t n = word.size();
  uint64_t h = 0x6A09E667F3BCC909ULL ^ n;
  while (n > 8) {
    h = mix(h, load64(p));
    p += 8;
    n -= 8;
  }
  uint64_t tail = 0;
  if (n >= 4) {
    tail = load32(p) | static_cast<uint64_t>(load32(p + n - 4)) << 32;
  } else if (n > 0) {
    const auto b = [p](size_t i) {
      return static_cast<uint64_t>(static_cast<unsigned char>(p[i]));
    };
    tail = b(0) << 16 | b(n / 2) << 8 | b(n - 1);
  }
  return mix(h, tail);
}

constexpr size_t kFirstCapacity = 1024;

}  // namespace

WordClass WordClassMemo::classify(std::string_view core) {
  if (core.empty() || core.size() > kMaxLength || arena_.size() + core.size() > kMaxArena) {
    return lexicon_->classify(core);
  }
  if ((size_ + 1) * 2 > entries_.size()) grow();
  const uint64_t h = hash_of(core);
  const uint32_t check = static_cast<uint32_t>(h >> 32) | 1U;
  const size_t mask = entries_.size() - 1;
  size_t i = static_cast<size_t>(h) & mask;
  for (;; i = (i + 1) & mask) {
    const Entry& e = entries_[i];
    if (e.check == 0) break;
    if (e.check != check) continue;
    const size_t offset = e.word & (kMaxArena - 1);
    const size_t length = ((e.word >> kOffsetBits) & (kMaxLength - 1)) + 1;
    if (length == core.size() && same_bytes(arena_.data() + offset, core.data(), length)) {
      return static_cast<WordClass>(e.word >> (kOffsetBits + kLengthBits));
    }
  }
  const WordClass cls = lexicon_->classify(core);
  entries_[i] = {check, static_cast<uint32_t>(arena_.size()) |
                            static_cast<uint32_t>(core.size() - 1) << kOffsetBits |
                            static_cast<uint32_t>(cls) << (kOffsetBits + kLengthBits)};
  arena_.append(core);
  ++size_;
  return cls;
}

void WordClassMemo::clear() {
  entries_.clear();
  arena_.clear();
  size_ = 0;
}

void WordClassMemo::grow() {
  std::vector<Entry> old = std::move(entries_);
  entries_.assign(old.empty() ? kFirstCapacity : old.size() * 2, Entry{});
  const size_t mask = entries_.size() - 1;
  // The slot comes from the hash's lower half, which the entry does not
  // keep: rehash the word.
  for (const Entry& e : old) {
    if (e.check == 0) continue;
    const size_t offset = e.word & (kMaxArena - 1);
    const size_t length = ((e.word >> kOffsetBits) & (kMaxLength - 1)) + 1;
    size_t i = static_cast<size_t>(hash_of(std::string_view(arena_).substr(offset, length))) & mask;
    while (entries_[i].check != 0) i = (i + 1) & mask;
    entries_[i] = e;
  }
}

}  // namespace opis::repair
