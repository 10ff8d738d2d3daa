// Many clients at once, and a shutdown in the middle of the load.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <set>
#include <thread>

#include "daemon_config.hpp"
#include "daemon_process.hpp"
#include "test_support.hpp"

namespace opis::test {
namespace {

using opis::v1::ProcessRequest;
using opis::v1::ProcessResponse;

struct StreamOutcome {
  std::multiset<std::string> answered;  // request ids, duplicates kept
  std::size_t errors = 0;
  grpc::Status status;
};

// One client: `documents` small text documents through one stream, reading
// concurrently with writing.
StreamOutcome run_stream(DaemonProcess& daemon, int client, int documents) {
  StreamOutcome outcome;
  auto service = daemon.service();
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(120));
  auto stream = service->ProcessStream(&context);
  std::thread writer([&] {
    for (int i = 0; i < documents; ++i) {
      ProcessRequest request;
      request.set_request_id(std::to_string(client) + "/" + std::to_string(i));
      request.set_content("Document " + std::to_string(i) + " of client " + std::to_string(client) +
                          ", a short plain text.\n");
      request.set_file_name("doc.txt");
      if (!stream->Write(request)) break;
    }
    stream->WritesDone();
  });
  ProcessResponse response;
  while (stream->Read(&response)) {
    outcome.answered.insert(response.request_id());
    if (response.has_error()) ++outcome.errors;
  }
  writer.join();
  outcome.status = stream->Finish();
  return outcome;
}

TEST(DaemonLoad, FiftyStreamingClientsGetEveryResponseExactlyOnce) {
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(dir, {.pipeline = kTextOnlyPipeline}));
  constexpr int kClients = 50;
  constexpr int kDocuments = 200;
  std::vector<StreamOutcome> outcomes(kClients);
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] { outcomes[c] = run_stream(daemon, c, kDocuments); });
  }
  for (auto& t : clients) t.join();
  for (int c = 0; c < kClients; ++c) {
    const auto& o = outcomes[c];
    ASSERT_TRUE(o.status.ok()) << "client " << c << ": " << o.status.error_message();
    EXPECT_EQ(o.errors, 0u) << "client " << c;
    ASSERT_EQ(o.answered.size(), static_cast<std::size_t>(kDocuments)) << "client " << c;
    const std::set<std::string> unique(o.answered.begin(), o.answered.end());
    EXPECT_EQ(unique.size(), o.answered.size()) << "client " << c << " got duplicates";
    for (int i = 0; i < kDocuments; ++i) {
      EXPECT_TRUE(unique.contains(std::to_string(c) + "/" + std::to_string(i)));
    }
  }
  daemon.signal(SIGTERM);
  ASSERT_EQ(daemon.wait_exit(std::chrono::seconds(60)), 0) << daemon.log();
  EXPECT_EQ(read_jsonl(dir / "out" / "records.jsonl").size(),
            static_cast<std::size_t>(kClients * kDocuments));
}

TEST(DaemonLoad, SigtermDuringLoadCompletesOrRefusesCallsAndFlushesOutputs) {
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(dir, {.pipeline = kTextOnlyPipeline}));
  constexpr int kClients = 8;
  std::atomic<bool> stop{false};
  std::atomic<int> ok_calls{0};
  std::atomic<int> records_received{0};
  std::mutex mutex;
  std::set<grpc::StatusCode> failure_codes;
  std::vector<std::thread> clients;
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      auto service = daemon.service();
      for (int i = 0; !stop; ++i) {
        grpc::ClientContext context;
        context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
        ProcessRequest request;
        request.set_request_id(std::to_string(c) + "/" + std::to_string(i));
        request.set_content("Load document " + std::to_string(i) + "\n");
        request.set_file_name("load.txt");
        ProcessResponse response;
        const auto status = service->Process(&context, request, &response);
        if (status.ok()) {
          ++ok_calls;
          records_received += response.records_size();
        } else {
          std::lock_guard lock(mutex);
          failure_codes.insert(status.error_code());
          if (status.error_code() == grpc::StatusCode::UNAVAILABLE) return;
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  daemon.signal(SIGTERM);
  const int exit_code = daemon.wait_exit(std::chrono::seconds(60));
  stop = true;
  for (auto& t : clients) t.join();
  EXPECT_EQ(exit_code, 0) << daemon.log();
  EXPECT_GT(ok_calls.load(), 0);
  for (const auto code : failure_codes) {
    EXPECT_TRUE(code == grpc::StatusCode::UNAVAILABLE || code == grpc::StatusCode::CANCELLED)
        << "unexpected status code " << code;
  }
  // Every answered record reached the output, whole: the file parses line
  // by line, and no line is cut short.
  const auto written = read_jsonl(dir / "out" / "records.jsonl");
  EXPECT_GE(written.size(), static_cast<std::size_t>(records_received.load()));
}

}  // namespace
}  // namespace opis::test
