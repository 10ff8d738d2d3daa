// The queue between readers and workers: FIFO, a full queue holds its
// producer back, and close() lets consumers drain before they stop.
//
// Blocking is observed through ordering (a promise the blocked thread can
// only fulfil after it is released), never through timing.
#include "opis/core/bounded_queue.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace {

using opis::core::BoundedQueue;

// Generous upper bound for "this thread should finish": only a hang (a
// lost wake-up, a deadlock) ever reaches it.
constexpr auto kHangLimit = std::chrono::seconds(30);

TEST(BoundedQueue, PopsInTheOrderPushed) {
  BoundedQueue<std::string> queue(4);
  ASSERT_TRUE(queue.push("a"));
  ASSERT_TRUE(queue.push("b"));
  ASSERT_TRUE(queue.push("c"));
  EXPECT_EQ(queue.size(), 3u);
  EXPECT_EQ(queue.pop(), "a");
  EXPECT_EQ(queue.pop(), "b");
  ASSERT_TRUE(queue.push("d"));
  EXPECT_EQ(queue.pop(), "c");
  EXPECT_EQ(queue.pop(), "d");
  EXPECT_EQ(queue.size(), 0u);
}

TEST(BoundedQueue, MoveOnlyValuesPassThrough) {
  BoundedQueue<std::unique_ptr<int>> queue(1);
  ASSERT_TRUE(queue.push(std::make_unique<int>(7)));
  auto value = queue.pop();
  ASSERT_TRUE(value.has_value());
  ASSERT_NE(*value, nullptr);
  EXPECT_EQ(**value, 7);
}

TEST(BoundedQueue, PushBlocksWhileFullUntilAPopMakesRoom) {
  BoundedQueue<int> queue(2);
  ASSERT_TRUE(queue.push(1));
  ASSERT_TRUE(queue.push(2));

  std::atomic<bool> third_pushed{false};
  auto producer = std::async(std::launch::async, [&] {
    const bool ok = queue.push(3);
    third_pushed = true;
    return ok;
  });
  // The producer cannot get past push(3) while the queue holds two items; a
  // short wait gives a broken queue the chance to show it (no timing claim).
  EXPECT_EQ(producer.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
  EXPECT_FALSE(third_pushed);
  EXPECT_EQ(queue.size(), 2u);

  EXPECT_EQ(queue.pop(), 1);
  ASSERT_EQ(producer.wait_for(kHangLimit), std::future_status::ready);
  EXPECT_TRUE(producer.get());
  EXPECT_EQ(queue.pop(), 2);
  EXPECT_EQ(queue.pop(), 3);
}

TEST(BoundedQueue, ZeroCapacityBehavesAsOne) {
  BoundedQueue<int> queue(0);
  ASSERT_TRUE(queue.push(1));
  auto producer = std::async(std::launch::async, [&] { return queue.push(2); });
  EXPECT_EQ(producer.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
  EXPECT_EQ(queue.pop(), 1);
  ASSERT_EQ(producer.wait_for(kHangLimit), std::future_status::ready);
  EXPECT_TRUE(producer.get());
  EXPECT_EQ(queue.pop(), 2);
}

TEST(BoundedQueue, CloseLetsConsumersDrainThenPopReturnsNullopt) {
  BoundedQueue<int> queue(4);
  ASSERT_TRUE(queue.push(1));
  ASSERT_TRUE(queue.push(2));
  queue.close();
  EXPECT_EQ(queue.pop(), 1);
  EXPECT_EQ(queue.pop(), 2);
  EXPECT_EQ(queue.pop(), std::nullopt);
  EXPECT_EQ(queue.pop(), std::nullopt);
}

TEST(BoundedQueue, PushAfterCloseFailsAndAddsNothing) {
  BoundedQueue<int> queue(4);
  queue.close();
  EXPECT_FALSE(queue.push(1));
  EXPECT_EQ(queue.size(), 0u);
  EXPECT_EQ(queue.pop(), std::nullopt);
}

TEST(BoundedQueue, CloseWakesAConsumerWaitingOnAnEmptyQueue) {
  BoundedQueue<int> queue(1);
  auto consumer = std::async(std::launch::async, [&] { return queue.pop(); });
  EXPECT_EQ(consumer.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
  queue.close();
  ASSERT_EQ(consumer.wait_for(kHangLimit), std::future_status::ready);
  EXPECT_EQ(consumer.get(), std::nullopt);
}

TEST(BoundedQueue, CloseReleasesAProducerBlockedOnAFullQueue) {
  BoundedQueue<int> queue(1);
  ASSERT_TRUE(queue.push(1));
  auto producer = std::async(std::launch::async, [&] { return queue.push(2); });
  EXPECT_EQ(producer.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
  queue.close();
  ASSERT_EQ(producer.wait_for(kHangLimit), std::future_status::ready);
  EXPECT_FALSE(producer.get());
  // What was queued before close() is still delivered; the refused value is not.
  EXPECT_EQ(queue.pop(), 1);
  EXPECT_EQ(queue.pop(), std::nullopt);
}

TEST(BoundedQueue, ManyProducersAndConsumersDeliverEveryItemExactlyOnce) {
  constexpr int kProducers = 4;
  constexpr int kConsumers = 3;
  constexpr int kPerProducer = 2000;
  BoundedQueue<int> queue(8);

  std::vector<std::future<std::vector<int>>> consumers;
  for (int c = 0; c < kConsumers; ++c) {
    consumers.push_back(std::async(std::launch::async, [&] {
      std::vector<int> got;
      while (auto value = queue.pop()) got.push_back(*value);
      return got;
    }));
  }
  std::vector<std::future<bool>> producers;
  for (int p = 0; p < kProducers; ++p) {
    producers.push_back(std::async(std::launch::async, [&queue, p] {
      bool all_pushed = true;
      for (int i = 0; i < kPerProducer; ++i) all_pushed &= queue.push(p * kPerProducer + i);
      return all_pushed;
    }));
  }
  for (auto& producer : producers) {
    ASSERT_EQ(producer.wait_for(kHangLimit), std::future_status::ready);
    EXPECT_TRUE(producer.get());
  }
  queue.close();

  std::vector<int> seen(kProducers * kPerProducer, 0);
  for (auto& consumer : consumers) {
    ASSERT_EQ(consumer.wait_for(kHangLimit), std::future_status::ready);
    const std::vector<int> got = consumer.get();
    // Each producer's items reach any one consumer in the order pushed.
    std::vector<int> last(kProducers, -1);
    for (const int value : got) {
      ++seen[value];
      const int producer = value / kPerProducer;
      EXPECT_LT(last[producer], value) << "producer " << producer << " reordered";
      last[producer] = value;
    }
  }
  for (size_t i = 0; i < seen.size(); ++i) {
    ASSERT_EQ(seen[i], 1) << "item " << i;
  }
}

}  // namespace
