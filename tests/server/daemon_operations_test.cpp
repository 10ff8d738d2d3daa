// Operating the daemon: reloads, metrics, systemd readiness, clients in
// other languages.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <thread>

#include "daemon_config.hpp"
#include "daemon_process.hpp"
#include "test_support.hpp"

namespace opis::test {
namespace {

using opis::v1::ProcessResponse;

const std::filesystem::path kTelegram =
    source_dir() / "examples/corpus/record-1957-03-14-mikoyan-telegram.txt";

bool has_provenance(const opis::v1::Record& record, const std::string& plugin) {
  for (const auto& p : record.provenance()) {
    if (p.plugin() == plugin) return true;
  }
  return false;
}

opis::v1::Record process_one(DaemonProcess& daemon, const std::string& text) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  opis::v1::ProcessRequest request;
  request.set_content(text);
  request.set_file_name("note.txt");
  ProcessResponse response;
  const auto status = daemon.service()->Process(&context, request, &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response.records_size() > 0 ? response.records(0) : opis::v1::Record{};
}

// GET /metrics over a plain socket.
std::string http_get(const std::string& address, const std::string& path) {
  const auto colon = address.rfind(':');
  const std::string port = address.substr(colon + 1);
  const std::string command = "exec 3<>/dev/tcp/127.0.0.1/" + port + "; printf 'GET " + path +
                              " HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n' >&3; cat <&3";
  std::string out;
  FILE* pipe = ::popen(("bash -c \"" + command + "\"").c_str(), "r");
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  ::pclose(pipe);
  return out;
}

TEST(DaemonOperations, SighupReloadsAndABrokenConfigKeepsTheOldPipeline) {
  TempDir dir;
  const auto config = write_daemon_config(
      dir, {.pipeline = kTextOnlyPipeline, .extra = "metrics:\n  listen: 127.0.0.1:0\n"});
  DaemonProcess daemon(config);
  EXPECT_FALSE(has_provenance(process_one(daemon, "Moscow, 3 January 1962.\n"), "dates"));

  // A good change: the dates enricher joins the pipeline.
  dir.write("pipeline.yaml", std::string(kTextOnlyPipeline) + "enrich:\n  - plugin: dates\n");
  daemon.signal(SIGHUP);
  bool reloaded = false;
  for (int i = 0; i < 600 && !reloaded; ++i) {  // a reload loads every plugin: slow under ASan
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    reloaded = daemon.log().find("SIGHUP: reloaded") != std::string::npos;
  }
  ASSERT_TRUE(reloaded) << daemon.log();
  const auto enriched = process_one(daemon, "Moscow, 3 January 1962.\n");
  EXPECT_TRUE(has_provenance(enriched, "dates"));
  ASSERT_GE(enriched.dates_size(), 1);
  EXPECT_EQ(enriched.dates(0).edtf(), "1962-01-03");

  // A broken change: an unknown plugin. The reload is refused and logged;
  // the running pipeline (with dates) keeps serving, connections stay up.
  auto channel = daemon.channel();
  dir.write("pipeline.yaml", std::string(kTextOnlyPipeline) + "enrich:\n  - plugin: no-such\n");
  daemon.signal(SIGHUP);
  bool refused = false;
  for (int i = 0; i < 600 && !refused; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    refused = daemon.log().find("reload refused") != std::string::npos;
  }
  ASSERT_TRUE(refused) << daemon.log();
  EXPECT_NE(daemon.log().find("no-such"), std::string::npos);
  EXPECT_EQ(DaemonProcess::health(*channel, std::chrono::seconds(5)), "SERVING");
  EXPECT_TRUE(has_provenance(process_one(daemon, "Moscow, 3 January 1962.\n"), "dates"));
  const std::string metrics = http_get(daemon.metrics_address(), "/metrics");
  EXPECT_NE(metrics.find("opis_reloads_total{outcome=\"ok\"} 1"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("opis_reloads_total{outcome=\"failed\"} 1"), std::string::npos);
}

TEST(DaemonOperations, MetricsEndpointCountsDocumentsAndTimesPlugins) {
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(dir, {.extra = "metrics:\n  listen: 127.0.0.1:0\n"}));
  ASSERT_FALSE(daemon.metrics_address().empty());
  process_one(daemon, "A note written in Pyongyang on 5 October 1956.\n");
  const std::string page = http_get(daemon.metrics_address(), "/metrics");
  EXPECT_NE(page.find("HTTP/1.1 200 OK"), std::string::npos) << page;
  EXPECT_NE(page.find("text/plain; version=0.0.4"), std::string::npos);
  EXPECT_NE(page.find("opis_documents_total{outcome=\"ok\"} 1"), std::string::npos) << page;
  EXPECT_NE(page.find("opis_records_total 1"), std::string::npos);
  EXPECT_NE(page.find("opis_queue_depth 0"), std::string::npos);
  EXPECT_NE(page.find("opis_plugin_duration_seconds_count{plugin=\"enrich/dates\"} 1"),
            std::string::npos);
  EXPECT_NE(page.find("opis_rpc_total{method=\"Process\",code=\"OK\"} 1"), std::string::npos);
  EXPECT_NE(http_get(daemon.metrics_address(), "/other").find("404"), std::string::npos);
}

TEST(DaemonOperations, TellsSystemdWhenReadyPingsTheWatchdogAndSaysWhenStopping) {
  TempDir dir;
  const auto socket_path = dir / "notify.sock";
  const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);

  // WATCHDOG_USEC without WATCHDOG_PID: the watchdog is on for the daemon.
  DaemonProcess daemon(write_daemon_config(dir, {.pipeline = kTextOnlyPipeline}), {},
                       {"NOTIFY_SOCKET=" + socket_path.string(), "WATCHDOG_USEC=400000"});
  const auto next_message = [&] {
    char buffer[512] = {};
    const ssize_t n = ::recv(fd, buffer, sizeof buffer - 1, 0);
    return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : std::string();
  };
  EXPECT_NE(next_message().find("READY=1"), std::string::npos);
  // Pings at half the watchdog interval.
  int pings = 0;
  for (int i = 0; i < 10 && pings < 3; ++i) pings += next_message() == "WATCHDOG=1" ? 1 : 0;
  EXPECT_EQ(pings, 3);
  daemon.signal(SIGTERM);
  bool stopping = false;
  for (int i = 0; i < 10 && !stopping; ++i) {
    stopping = next_message().find("STOPPING=1") != std::string::npos;
  }
  EXPECT_TRUE(stopping);
  EXPECT_EQ(daemon.wait_exit(std::chrono::seconds(30)), 0);
  ::close(fd);
}

// The example clients, run as a user would: they must print the telegram's
// enriched record as a JSON line.
void expect_client_prints_the_telegram(const std::string& command) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buffer[65536];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = ::pclose(pipe);
  ASSERT_EQ(status, 0) << command << "\n" << out;
  std::istringstream lines(out);
  std::string line;
  std::vector<nlohmann::json> records;
  while (std::getline(lines, line)) records.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(records.size(), 1u) << out;
  EXPECT_EQ(records[0]["kind"], "record");
  EXPECT_EQ(records[0]["date"]["edtf"], "1957-03-14");
  EXPECT_EQ(records[0]["citations"][0]["archive"], "RGANI");
  EXPECT_EQ(records[0]["source"]["uri"], kTelegram.string());
}

TEST(DaemonOperations, PythonClientProcessesAndStreams) {
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(dir, {}));
  const std::string client = "/usr/bin/python3 " +
                             (source_dir() / "examples/clients/python/opis_client.py").string() +
                             " --server " + daemon.address() + " ";
  expect_client_prints_the_telegram(client + kTelegram.string());
  expect_client_prints_the_telegram(client + "--stream " + kTelegram.string());
}

TEST(DaemonOperations, NodeClientProcessesAndStreams) {
  if (std::system("command -v node >/dev/null 2>&1") != 0) GTEST_SKIP() << "node is not installed";
  TempDir dir;
  const std::string token = "node-client-token-0123456789abcdef";
  DaemonProcess daemon(
      write_daemon_config(dir, {.extra = "auth:\n  tokens: [\"" + token + "\"]\n"}));
  const std::string client = "node " +
                             (source_dir() / "examples/clients/node/opis_client.js").string() +
                             " --server " + daemon.address() + " --token " + token + " ";
  expect_client_prints_the_telegram(client + kTelegram.string());
  expect_client_prints_the_telegram(client + "--stream " + kTelegram.string());
}

}  // namespace
}  // namespace opis::test
