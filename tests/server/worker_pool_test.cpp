#include "worker_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <set>

namespace opis::server {
namespace {

TEST(WorkerPool, RunsEveryJobOnAWorkerWithItsIndex) {
  WorkerPool pool(3, 100);
  std::mutex mutex;
  std::set<unsigned> indexes;
  std::atomic<int> ran{0};
  for (int i = 0; i < 60; ++i) {
    WorkerPool::Job job = [&](unsigned worker) {
      std::lock_guard lock(mutex);
      indexes.insert(worker);
      ++ran;
    };
    ASSERT_EQ(pool.try_submit(job), WorkerPool::Submitted::queued);
  }
  pool.stop();
  EXPECT_EQ(ran.load(), 60);
  for (unsigned index : indexes) EXPECT_LT(index, 3u);
}

TEST(WorkerPool, AFullQueueRefusesAndLeavesTheJobUntouched) {
  WorkerPool pool(1, 1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> started;
  WorkerPool::Job blocker = [&, released](unsigned) {
    started.set_value();
    released.wait();
  };
  ASSERT_EQ(pool.try_submit(blocker), WorkerPool::Submitted::queued);
  started.get_future().wait();  // the worker is busy; the queue is empty
  WorkerPool::Job waiting = [](unsigned) {};
  ASSERT_EQ(pool.try_submit(waiting), WorkerPool::Submitted::queued);
  EXPECT_EQ(pool.queued(), 1u);

  int value = 0;
  WorkerPool::Job refused = [&value](unsigned) { value = 1; };
  std::atomic<int> told{0};
  EXPECT_EQ(pool.try_submit(refused, [&] { ++told; }), WorkerPool::Submitted::full);
  ASSERT_TRUE(refused) << "a refused job must stay with the caller";
  EXPECT_EQ(told.load(), 0);
  release.set_value();
  pool.stop();
  // Told once, when the waiting job left the queue.
  EXPECT_EQ(told.load(), 1);
  EXPECT_EQ(value, 0);
}

TEST(WorkerPool, AStoppedPoolSaysClosed) {
  WorkerPool pool(1, 4);
  pool.stop();
  WorkerPool::Job job = [](unsigned) {};
  EXPECT_EQ(pool.try_submit(job), WorkerPool::Submitted::closed);
}

}  // namespace
}  // namespace opis::server
