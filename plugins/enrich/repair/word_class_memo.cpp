#include "word_class_memo.hpp"

#include <cstdint>
#include <cstring>

namespace opis::repair {
namespace {

uint64_t hash_of(std::string_view word) {
  uint64_t h = 1469598103934665603ULL;
  for (const char c : word) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h ^ (h >> 31);
}

constexpr size_t kFirstCapacity = 1024;

}  // namespace

WordClass WordClassMemo::classify(std::string_view core) {
  if (core.size() > kMaxLength || arena_.size() > UINT32_MAX - kMaxLength) {
    return lexicon_->classify(core);
  }
  if ((size_ + 1) * 2 > entries_.size()) grow();
  const uint64_t h = hash_of(core);
  const size_t mask = entries_.size() - 1;
  size_t i = static_cast<size_t>(h) & mask;
  for (;; i = (i + 1) & mask) {
    const Entry& e = entries_[i];
    if (e.used == 0) break;
    if (e.hash == h && e.length == core.size() &&
        std::memcmp(arena_.data() + e.offset, core.data(), core.size()) == 0) {
      return e.cls;
    }
  }
  const WordClass cls = lexicon_->classify(core);
  entries_[i] = {h, static_cast<uint32_t>(arena_.size()), static_cast<uint16_t>(core.size()), 1,
                 cls};
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
  for (const Entry& e : old) {
    if (e.used == 0) continue;
    size_t i = static_cast<size_t>(e.hash) & mask;
    while (entries_[i].used != 0) i = (i + 1) & mask;
    entries_[i] = e;
  }
}

}  // namespace opis::repair
