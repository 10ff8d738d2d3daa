#include "word_class_memo_pool.hpp"

#include <utility>

namespace opis::repair {

WordClassMemoPool::Loan::Loan(WordClassMemoPool& pool, const Lexicon& lexicon) : pool_(pool) {
  {
    const std::lock_guard<std::mutex> lock(pool_.mutex_);
    if (!pool_.idle_.empty()) {
      memo_ = std::move(pool_.idle_.back());
      pool_.idle_.pop_back();
    }
  }
  if (memo_ == nullptr) {
    memo_ = std::make_unique<WordClassMemo>(lexicon);
  } else {
    memo_->rebind(lexicon);
  }
}

WordClassMemoPool::Loan::~Loan() {
  if (memo_->size() > kMaxWords) memo_->clear();
  const std::lock_guard<std::mutex> lock(pool_.mutex_);
  pool_.idle_.push_back(std::move(memo_));
}

}  // namespace opis::repair
