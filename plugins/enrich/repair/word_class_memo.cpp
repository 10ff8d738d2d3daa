#include "word_class_memo.hpp"

#include <cstdint>
#include <cstring>

#include "short_string_hash.hpp"

namespace opis::repair {
namespace {

constexpr size_t kFirstCapacity = 1024;

}  // namespace

WordClass WordClassMemo::classify(std::string_view core) {
  if (core.empty() || core.size() > kMaxLength || arena_.size() + core.size() > kMaxArena) {
    return lexicon_->classify(core);
  }
  if ((size_ + 1) * 2 > entries_.size()) grow();
  const uint64_t h = short_strings::hash(core);
  const uint32_t check = static_cast<uint32_t>(h >> 32) | 1U;
  const size_t mask = entries_.size() - 1;
  size_t i = static_cast<size_t>(h) & mask;
  for (;; i = (i + 1) & mask) {
    const Entry& e = entries_[i];
    if (e.check == 0) break;
    if (e.check != check) continue;
    const size_t offset = e.word & (kMaxArena - 1);
    const size_t length = ((e.word >> kOffsetBits) & (kMaxLength - 1)) + 1;
    if (length == core.size() &&
        short_strings::equal(arena_.data() + offset, core.data(), length)) {
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
    size_t i =
        static_cast<size_t>(short_strings::hash(std::string_view(arena_).substr(offset, length))) &
        mask;
    while (entries_[i].check != 0) i = (i + 1) & mask;
    entries_[i] = e;
  }
}

}  // namespace opis::repair
