#include "worker_pool.hpp"

#include <utility>

namespace opis::server {

WorkerPool::WorkerPool(unsigned workers, std::size_t queue_capacity)
    : capacity_(queue_capacity == 0 ? 1 : queue_capacity) {
  if (workers == 0) workers = 1;
  threads_.reserve(workers);
  for (unsigned i = workers; i-- > 0;) idle_workers_.push_back(i);
  for (unsigned i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() {
  stop();
}

WorkerPool::Submitted WorkerPool::try_submit(Job& job, std::function<void()> on_space) {
  std::lock_guard lock(mutex_);
  if (stopping_) return Submitted::closed;
  if (jobs_.size() >= capacity_) {
    if (on_space) waiting_for_space_.push_back(std::move(on_space));
    return Submitted::full;
  }
  jobs_.push_back(std::move(job));
  has_job_.notify_one();
  return Submitted::queued;
}

std::optional<WorkerPool::Lease> WorkerPool::try_lease_idle_worker() {
  std::lock_guard lock(mutex_);
  // Queued jobs go first: running beside them would overtake them.
  if (stopping_ || !jobs_.empty() || idle_workers_.empty()) return std::nullopt;
  const unsigned worker = idle_workers_.back();
  idle_workers_.pop_back();
  ++running_;
  return Lease(*this, worker);
}

void WorkerPool::release_worker(unsigned worker) {
  std::lock_guard lock(mutex_);
  idle_workers_.push_back(worker);
  --running_;
  // A job queued meanwhile may have found no free index.
  if (!jobs_.empty()) has_job_.notify_one();
}

std::size_t WorkerPool::queued() const {
  std::lock_guard lock(mutex_);
  return jobs_.size();
}

std::size_t WorkerPool::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

void WorkerPool::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    has_job_.notify_all();
  }
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  // Whoever still waits for space is told, so it can see the pool is closed.
  std::deque<std::function<void()>> waiting;
  {
    std::lock_guard lock(mutex_);
    waiting.swap(waiting_for_space_);
  }
  for (auto& notify : waiting) notify();
}

void WorkerPool::work() {
  for (;;) {
    Job job;
    unsigned index = 0;
    std::function<void()> notify;
    {
      std::unique_lock lock(mutex_);
      // A job waits for a free index: an inline run may hold one.
      has_job_.wait(lock, [&] {
        return (stopping_ && jobs_.empty()) || (!jobs_.empty() && !idle_workers_.empty());
      });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
      index = idle_workers_.back();
      idle_workers_.pop_back();
      ++running_;
      if (!waiting_for_space_.empty()) {
        notify = std::move(waiting_for_space_.front());
        waiting_for_space_.pop_front();
      }
    }
    // Outside the lock: the callback usually submits again.
    if (notify) notify();
    job(index);
    std::lock_guard lock(mutex_);
    idle_workers_.push_back(index);
    --running_;
  }
}

}  // namespace opis::server
