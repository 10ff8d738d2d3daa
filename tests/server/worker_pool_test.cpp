#include "worker_pool.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <optional>
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

TEST(WorkerPool, ALeaseHoldsAnIdleWorkersIndexAndQueuedJobsGoFirst) {
  WorkerPool pool(1, 4);
  std::atomic<bool> lease_over{false};
  std::atomic<bool> ran_after_lease{false};
  {
    std::optional<WorkerPool::Lease> lease = pool.try_lease_idle_worker();
    ASSERT_TRUE(lease);
    EXPECT_EQ(lease->worker(), 0u);
    EXPECT_EQ(pool.running(), 1u);
    EXPECT_FALSE(pool.try_lease_idle_worker()) << "the only worker is leased";
    WorkerPool::Job job = [&](unsigned worker) {
      EXPECT_EQ(worker, 0u);
      ran_after_lease = lease_over.load();
    };
    ASSERT_EQ(pool.try_submit(job), WorkerPool::Submitted::queued);
    lease_over = true;
  }
  pool.stop();
  EXPECT_TRUE(ran_after_lease) << "a queued job must wait for the leased index";
  EXPECT_FALSE(pool.try_lease_idle_worker()) << "a stopped pool leases nothing";
}

TEST(WorkerPool, LeasesTakeDistinctIndexes) {
  WorkerPool pool(2, 4);
  std::optional<WorkerPool::Lease> first = pool.try_lease_idle_worker();
  std::optional<WorkerPool::Lease> second = pool.try_lease_idle_worker();
  ASSERT_TRUE(first && second);
  EXPECT_NE(first->worker(), second->worker());
  EXPECT_FALSE(pool.try_lease_idle_worker());
  second.reset();
  EXPECT_TRUE(pool.try_lease_idle_worker()) << "an ended lease frees its index";
}

TEST(WorkerPool, AStoppedPoolSaysClosed) {
  WorkerPool pool(1, 4);
  pool.stop();
  WorkerPool::Job job = [](unsigned) {};
  EXPECT_EQ(pool.try_submit(job), WorkerPool::Submitted::closed);
}

}  // namespace
}  // namespace opis::server
