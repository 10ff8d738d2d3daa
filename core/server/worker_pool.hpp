// The daemon's workers: a fixed set of threads taking jobs from one bounded
// queue. A full queue is backpressure, never growth: unary calls are refused
// (the caller retries), streams park their next document and are told when a
// slot frees up, and stop reading until then (gRPC flow control does the rest).
// When a worker is idle and nothing is queued, the caller may run a job on
// its own thread under that worker's index instead (a Lease): the
// hand-off to a worker thread, two futex wake-ups per document, costs more
// than a small document's pipeline.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

namespace opis::server {

class WorkerPool {
 public:
  // A job runs on one worker and gets the worker's index (< workers()).
  using Job = std::function<void(unsigned worker)>;

  WorkerPool(unsigned workers, std::size_t queue_capacity);
  ~WorkerPool();  // runs what is queued, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  unsigned workers() const { return static_cast<unsigned>(threads_.size()); }
  std::size_t capacity() const { return capacity_; }

  enum class Submitted { queued, full, closed };
  // Queues `job` (moving from it), or leaves it untouched when the queue is
  // full or the pool stopped. With `on_space`, `full` also registers it to be
  // called once, from a worker, as soon as a slot frees up (or at stop()).
  Submitted try_submit(Job& job, std::function<void()> on_space = {});

  // An idle worker's index, held for a job the caller runs on its own
  // thread; no other job runs under that index until the lease ends.
  class Lease {
   public:
    Lease(Lease&& other) noexcept
        : pool_(std::exchange(other.pool_, nullptr)), worker_(other.worker_) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease() {
      if (pool_ != nullptr) pool_->release_worker(worker_);
    }
    unsigned worker() const { return worker_; }

   private:
    friend class WorkerPool;
    Lease(WorkerPool& pool, unsigned worker) : pool_(&pool), worker_(worker) {}
    WorkerPool* pool_;
    unsigned worker_;
  };
  // A lease when nothing is queued (queued jobs go first) and a worker is
  // idle; none once stopped.
  std::optional<Lease> try_lease_idle_worker();

  std::size_t queued() const;
  std::size_t running() const;

  // Stops taking jobs; queued ones still run. Joins the workers.
  void stop();

 private:
  void work();
  void release_worker(unsigned worker);

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable has_job_;
  std::deque<Job> jobs_;
  std::deque<std::function<void()>> waiting_for_space_;
  std::vector<unsigned> idle_workers_;  // indexes no job is running under
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace opis::server
