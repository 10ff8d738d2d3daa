// The daemon's workers: a fixed set of threads taking jobs from one bounded
// queue. A full queue is backpressure, never growth: unary calls are refused
// (the caller retries), streams park their next document and are told when a
// slot frees up, and stop reading until then (gRPC flow control does the rest).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
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

  std::size_t queued() const;
  std::size_t running() const;

  // Stops taking jobs; queued ones still run. Joins the workers.
  void stop();

 private:
  void work(unsigned index);

  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable has_job_;
  std::deque<Job> jobs_;
  std::deque<std::function<void()>> waiting_for_space_;
  std::size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace opis::server
