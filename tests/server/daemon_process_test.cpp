// The daemon end to end, from C++: a known document through the default
// pipeline, streams with a bad document among good ones, plugins, sockets.
#include "daemon_process.hpp"

#include <grpcpp/generic/generic_stub.h>
#include <gtest/gtest.h>
#include <opis/plugin.h>
#include <signal.h>

#include "daemon_config.hpp"
#include "test_support.hpp"

namespace opis::test {
namespace {

using opis::v1::ProcessRequest;
using opis::v1::ProcessResponse;

const std::filesystem::path kTelegram =
    source_dir() / "examples/corpus/record-1957-03-14-mikoyan-telegram.txt";

TEST(Daemon, ProcessEnrichesAKnownDocumentThroughTheDefaultPipeline) {
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(dir, {}));
  ASSERT_TRUE(daemon.wait_health("SERVING", std::chrono::seconds(30))) << daemon.log();

  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  ProcessResponse response;
  const auto status =
      daemon.service()->Process(&context, request_for_file(kTelegram, "t1"), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.request_id(), "t1");
  ASSERT_EQ(response.records_size(), 1);
  const auto& record = response.records(0);
  EXPECT_EQ(record.kind(), "record");
  EXPECT_EQ(record.date().edtf(), "1957-03-14");
  EXPECT_NE(record.title().find("Mikoyan"), std::string::npos);
  ASSERT_GE(record.citations_size(), 1);
  EXPECT_EQ(record.citations(0).archive(), "RGANI");
  EXPECT_EQ(record.citations(0).delo(), "410");
  bool translator = false;
  for (const auto& c : record.contributors()) translator |= c.role() == "translator";
  EXPECT_TRUE(translator);
  EXPECT_EQ(record.source().uri(), kTelegram.string());

  // The same record as batch mode gives (ids depend on content only).
  const auto batch =
      run_opis({"run", "--no-progress", "--out", (dir / "batch").string(), kTelegram.string()});
  ASSERT_EQ(batch.exit_code, 0) << batch.err;
  const auto lines = read_jsonl(dir / "batch" / "records.jsonl");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["id"], record.id());
  EXPECT_EQ(lines[0]["title"], record.title());

  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait_exit(std::chrono::seconds(30)), 0) << daemon.log();
  // The daemon's own output holds the record too, flushed at drain.
  const auto written = read_jsonl(dir / "out" / "records.jsonl");
  ASSERT_EQ(written.size(), 1u);
  EXPECT_EQ(written[0]["id"], record.id());
}

TEST(Daemon, StreamAnswersEveryRequestByItsIdAndFailsOnlyTheBadDocument) {
  static constexpr char kBinary[] = "\x00\x01\x02\xff\xfe binary";
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(dir, {.pipeline = kTextOnlyPipeline}));
  grpc::ClientContext context;
  auto stream = daemon.service()->ProcessStream(&context);
  const std::vector<std::pair<std::string, std::string>> documents = {
      {"good-1", "A first plain text document.\n"},
      {"bad", std::string(kBinary, sizeof kBinary - 1)},
      {"good-2", "A second plain text document.\n"},
  };
  for (const auto& [id, content] : documents) {
    ProcessRequest request;
    request.set_request_id(id);
    request.set_content(content);
    request.set_file_name(id + ".txt");
    ASSERT_TRUE(stream->Write(request));
  }
  stream->WritesDone();
  std::map<std::string, ProcessResponse> answers;
  ProcessResponse response;
  while (stream->Read(&response)) answers[response.request_id()] = response;
  const auto status = stream->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  ASSERT_EQ(answers.size(), 3u);
  EXPECT_FALSE(answers["good-1"].has_error());
  EXPECT_EQ(answers["good-1"].records_size(), 1);
  EXPECT_FALSE(answers["good-2"].has_error());
  ASSERT_TRUE(answers["bad"].has_error());
  EXPECT_EQ(answers["bad"].error().code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(answers["bad"].error().message().find("bad.txt"), std::string::npos)
      << answers["bad"].error().message();
  EXPECT_EQ(answers["bad"].records_size(), 0);
}

TEST(Daemon, APipelineWithoutOutputsAnswersWithTheRecords) {
  TempDir dir;
  DaemonProcess daemon(
      write_daemon_config(dir, {.pipeline = "version: 1\ningest:\n  - plugin: text\n"}));
  grpc::ClientContext unary;
  ProcessResponse response;
  const auto status =
      daemon.service()->Process(&unary, request_for_file(kTelegram, "telegram"), &response);
  ASSERT_TRUE(status.ok()) << status.error_message() << daemon.log();
  ASSERT_EQ(response.records_size(), 1);
  EXPECT_EQ(response.records(0).text(), read_file(kTelegram));

  grpc::ClientContext context;
  auto stream = daemon.service()->ProcessStream(&context);
  for (const std::string id : {"one", "two"}) {
    ProcessRequest request;
    request.set_request_id(id);
    request.set_content("The document called " + id + ".\n");
    ASSERT_TRUE(stream->Write(request));
  }
  stream->WritesDone();
  std::map<std::string, std::string> texts;
  while (stream->Read(&response)) {
    ASSERT_EQ(response.records_size(), 1) << response.request_id();
    texts[response.request_id()] = response.records(0).text();
  }
  ASSERT_TRUE(stream->Finish().ok());
  EXPECT_EQ(texts, (std::map<std::string, std::string>{{"one", "The document called one.\n"},
                                                       {"two", "The document called two.\n"}}));
}

// Raw messages on ProcessStream, through gRPC's generic client; the answers' bytes.
std::vector<std::string> raw_stream(grpc::Channel& channel, const std::vector<std::string>& sent) {
  grpc::CompletionQueue queue;
  grpc::GenericStub generic(std::shared_ptr<grpc::Channel>(&channel, [](grpc::Channel*) {}));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  auto call = generic.PrepareCall(&context, "/opis.v1.ArchiveService/ProcessStream", &queue);
  const auto step = [&queue](auto&& operation) {
    void* tag = nullptr;
    bool ok = false;
    operation(reinterpret_cast<void*>(1));
    return queue.Next(&tag, &ok) && ok;
  };
  std::vector<std::string> answers;
  bool ok = step([&](void* tag) { call->StartCall(tag); });
  for (const auto& message : sent) {
    grpc::Slice slice(message);
    grpc::ByteBuffer out(&slice, 1);
    ok = ok && step([&](void* tag) { call->Write(out, tag); });
  }
  ok = ok && step([&](void* tag) { call->WritesDone(tag); });
  grpc::ByteBuffer in;
  while (ok && step([&](void* tag) { call->Read(&in, tag); })) {
    std::vector<grpc::Slice> slices;
    in.Dump(&slices);
    std::string answer;
    for (const auto& s : slices) answer.append(reinterpret_cast<const char*>(s.begin()), s.size());
    answers.push_back(answer);
  }
  grpc::Status status;
  step([&](void* tag) { call->Finish(&status, tag); });
  EXPECT_TRUE(status.ok()) << status.error_message();
  queue.Shutdown();
  void* tag = nullptr;
  bool drained = false;
  while (queue.Next(&tag, &drained)) {
  }
  return answers;
}

TEST(Daemon, AStreamMessageThatIsNotAProcessRequestFailsAloneAndTheStreamGoesOn) {
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(dir, {.pipeline = kTextOnlyPipeline}));
  // Field 1 (request_id, a string) holding invalid UTF-8.
  const std::string not_a_request("\x0a\x02\xc3\x28", 4);
  ProcessRequest good;
  good.set_request_id("good");
  good.set_content("A plain text document.\n");
  const auto answers = raw_stream(*daemon.channel(), {not_a_request, good.SerializeAsString()});
  ASSERT_EQ(answers.size(), 2u);
  std::map<std::string, ProcessResponse> by_id;
  for (const auto& bytes : answers) {
    ProcessResponse response;
    ASSERT_TRUE(response.ParseFromString(bytes));
    by_id[response.request_id()] = response;
  }
  ASSERT_EQ(by_id.size(), 2u);
  EXPECT_EQ(by_id[""].error().code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(by_id[""].error().message().find("not a ProcessRequest"), std::string::npos);
  EXPECT_FALSE(by_id["good"].has_error());
  ASSERT_EQ(by_id["good"].records_size(), 1);
  EXPECT_EQ(by_id["good"].records(0).text(), "A plain text document.\n");
}

TEST(Daemon, ListsItsPluginsAndServesOnAUnixSocketToo) {
  TempDir dir;
  const std::string socket = "unix:" + (dir / "opis.sock").string();
  DaemonProcess daemon(write_daemon_config(dir, {.pipeline = kTextOnlyPipeline}),
                       {"--listen", "127.0.0.1:0", "--listen", socket});
  ASSERT_EQ(daemon.addresses().size(), 2u);
  EXPECT_EQ(daemon.addresses()[1], socket);

  auto unix_channel = grpc::CreateChannel(socket, grpc::InsecureChannelCredentials());
  auto service = opis::v1::ArchiveService::NewStub(unix_channel);
  grpc::ClientContext context;
  opis::v1::ListPluginsResponse plugins;
  ASSERT_TRUE(service->ListPlugins(&context, {}, &plugins).ok());
  bool text = false, dates = false;
  for (const auto& p : plugins.plugins()) {
    text |= p.kind() == "ingest" && p.name() == "text" &&
            p.abi() == OPIS_STRINGIFY(OPIS_ABI_MAJOR) "." OPIS_STRINGIFY(OPIS_ABI_MINOR);
    dates |= p.kind() == "enrich" && p.name() == "dates" && !p.config_schema().empty();
  }
  EXPECT_TRUE(text);
  EXPECT_TRUE(dates);
}

// Server reflection, spoken through gRPC's generic client so the test needs no
// reflection protos: a ServerReflectionRequest with list_services set is
// field 7 (a string) = "".
std::string reflection_list_services(grpc::Channel& channel) {
  grpc::CompletionQueue queue;
  grpc::GenericStub generic(std::shared_ptr<grpc::Channel>(&channel, [](grpc::Channel*) {}));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  auto call = generic.PrepareCall(
      &context, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", &queue);
  const auto step = [&queue](auto&& operation) {
    void* tag = nullptr;
    bool ok = false;
    operation(reinterpret_cast<void*>(1));
    return queue.Next(&tag, &ok) && ok;
  };
  const std::string request("\x3a\x00", 2);
  grpc::Slice slice(request);
  grpc::ByteBuffer out(&slice, 1);
  grpc::ByteBuffer in;
  grpc::Status status;
  std::string answer;
  if (step([&](void* tag) { call->StartCall(tag); }) &&
      step([&](void* tag) { call->Write(out, tag); }) &&
      step([&](void* tag) { call->WritesDone(tag); }) &&
      step([&](void* tag) { call->Read(&in, tag); })) {
    std::vector<grpc::Slice> slices;
    in.Dump(&slices);
    for (const auto& s : slices) answer.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  step([&](void* tag) { call->Finish(&status, tag); });
  queue.Shutdown();
  void* tag = nullptr;
  bool ok = false;
  while (queue.Next(&tag, &ok)) {
  }
  return answer;
}

TEST(Daemon, AnswersServerReflection) {
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(dir, {.pipeline = kTextOnlyPipeline}));
  const std::string services = reflection_list_services(*daemon.channel());
  EXPECT_NE(services.find("opis.v1.ArchiveService"), std::string::npos) << services;
  EXPECT_NE(services.find("grpc.health.v1.Health"), std::string::npos) << services;
}

TEST(Daemon, RefusesAConfigWithProblemsAndNamesThem) {
  TempDir dir;
  const auto config = dir.write("opis.yaml",
                                "listen: [\"127.0.0.1:0\"]\nlimits: {stream_window: 0}\n"
                                "colour: blue\n");
  const auto result = run_opis({"serve", "--config", config.string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("opis.yaml"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("colour"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("stream_window"), std::string::npos) << result.err;
}

TEST(Daemon, RefusesAnAddressItCannotListenOn) {
  TempDir dir;
  DaemonProcess first(write_daemon_config(dir, {.pipeline = kTextOnlyPipeline}));
  const auto result =
      run_opis({"serve", "--config", (dir / "opis.yaml").string(), "--listen", first.address()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(first.address()), std::string::npos) << result.err;
}

}  // namespace
}  // namespace opis::test
