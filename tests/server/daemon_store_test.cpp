// Search and GetRecord over gRPC: the daemon answers from the same
// RecordStore as `opis search`, over its own pipeline's archive or the one
// its config names.
#include <gtest/gtest.h>
#include <signal.h>

#include <sstream>
#include <thread>
#include <vector>

#include "daemon_config.hpp"
#include "daemon_process.hpp"
#include "test_support.hpp"

namespace opis::test {
namespace {

const std::filesystem::path kTelegram =
    source_dir() / "examples/corpus/record-1957-03-14-mikoyan-telegram.txt";

grpc::Status search(DaemonProcess& daemon, const v1::SearchRequest& request,
                    v1::SearchResponse& response) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  return daemon.service()->Search(&context, request, &response);
}

grpc::Status get_record(DaemonProcess& daemon, const std::string& id,
                        v1::GetRecordResponse& response) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  v1::GetRecordRequest request;
  request.set_id(id);
  return daemon.service()->GetRecord(&context, request, &response);
}

TEST(DaemonStore, SearchesTheArchiveItsConfigNamesLikeOpisSearch) {
  TempDir dir;
  const auto batch = run_opis({"run", "--no-progress", "--out", (dir / "batch").string(),
                               (source_dir() / "examples" / "corpus").string()});
  ASSERT_EQ(batch.exit_code, 0) << batch.err;
  const auto archive = dir / "batch" / "archive.sqlite";
  DaemonConfig config;
  config.pipeline = kTextOnlyPipeline;
  config.extra = "store: " + archive.string() + "\n";
  DaemonProcess daemon(write_daemon_config(dir, config));
  ASSERT_TRUE(daemon.wait_health("SERVING", std::chrono::seconds(30))) << daemon.log();

  v1::SearchRequest request;
  request.set_person("Pak Heonyeong");
  request.set_kind("record");
  v1::SearchResponse response;
  ASSERT_TRUE(search(daemon, request, response).ok());
  const auto cli = run_opis({"search", "--db", archive.string(), "--person", "Pak Heonyeong",
                             "--kind", "record", "--json"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  ASSERT_GE(response.hits_size(), 3);  // the memorandum, the telegram, the speech
  std::vector<std::string> ids;
  for (const auto& hit : response.hits()) ids.push_back(hit.id());
  std::vector<std::string> cli_ids;
  std::istringstream lines(cli.out);
  for (std::string line; std::getline(lines, line);) {
    cli_ids.push_back(nlohmann::json::parse(line)["id"].get<std::string>());
  }
  EXPECT_EQ(ids, cli_ids);  // the same hits in the same order

  v1::GetRecordResponse record;
  ASSERT_TRUE(get_record(daemon, response.hits(0).id(), record).ok());
  EXPECT_EQ(record.record().id(), response.hits(0).id());
  EXPECT_EQ(record.record().title(), response.hits(0).title());

  const auto missing = get_record(daemon, "no-such-id", record);
  EXPECT_EQ(missing.error_code(), grpc::StatusCode::NOT_FOUND);
  v1::SearchRequest bad;
  bad.set_query("\"Mikoyan");
  const auto invalid = search(daemon, bad, response);
  EXPECT_EQ(invalid.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(invalid.error_message().find("invalid search query"), std::string::npos)
      << invalid.error_message();
}

TEST(DaemonStore, FindsWhatItsOwnPipelineWrote) {
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(dir, {}));  // the default pipeline: archive.sqlite
  ASSERT_TRUE(daemon.wait_health("SERVING", std::chrono::seconds(30))) << daemon.log();
  v1::ProcessResponse processed;
  {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    ASSERT_TRUE(
        daemon.service()->Process(&context, request_for_file(kTelegram, "t1"), &processed).ok());
  }
  ASSERT_EQ(processed.records_size(), 1);

  // The daemon flushes its outputs every 0.2 s in tests.
  v1::SearchRequest request;
  request.set_query("Mikoyan");
  v1::SearchResponse response;
  for (int attempt = 0; attempt < 100 && response.hits_size() == 0; ++attempt) {
    response.Clear();
    const auto status = search(daemon, request, response);
    if (!status.ok()) {
      // Until the first flush the archive may not be there yet.
      EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION)
          << status.error_message();
    }
    if (response.hits_size() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_EQ(response.hits_size(), 1) << daemon.log();
  EXPECT_EQ(response.hits(0).id(), processed.records(0).id());
  EXPECT_NE(response.hits(0).snippet().find("[Mikoyan]"), std::string::npos);

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait_exit(std::chrono::seconds(30)), 0) << daemon.log();
}

}  // namespace
}  // namespace opis::test
