// The WordClassMemos of one TextRepairer, kept from record to record: a
// record borrows one for its run finder and gives it back, so each worker
// thread in turn finds the words it met in earlier records (most of an
// archive's words, its damaged tokens too, recur from record to record)
// without asking the lexicon again. A memo is a cache of the lexicon's
// answers per string, not of any record's result, and it is emptied once it
// holds kMaxWords strings, so memory stays bounded whatever the corpus.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "lexicon.hpp"
#include "word_class_memo.hpp"

namespace opis::repair {

class WordClassMemoPool {
 public:
  // Large enough for the words of a long article and the strings its runs
  // decode to under the offsets tried; ~1 MB of table and arena.
  static constexpr size_t kMaxWords = size_t{1} << 15;

  // A memo asking `lexicon` (always the pool owner's), returned when the
  // Loan ends.
  class Loan {
   public:
    Loan(WordClassMemoPool& pool, const Lexicon& lexicon);
    ~Loan();
    Loan(const Loan&) = delete;
    Loan& operator=(const Loan&) = delete;
    WordClassMemo& memo() { return *memo_; }

   private:
    WordClassMemoPool& pool_;
    std::unique_ptr<WordClassMemo> memo_;
  };

 private:
  std::mutex mutex_;
  std::vector<std::unique_ptr<WordClassMemo>> idle_;
};

}  // namespace opis::repair
