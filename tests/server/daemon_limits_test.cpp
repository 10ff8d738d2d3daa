// What the daemon does with calls that are too big, undecodable, too slow,
// abandoned, unauthenticated or encrypted.
#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "daemon_config.hpp"
#include "daemon_process.hpp"
#include "test_support.hpp"

namespace opis::test {
namespace {

using opis::v1::ProcessRequest;
using opis::v1::ProcessResponse;

ProcessRequest text_request(const std::string& id, std::string content) {
  ProcessRequest request;
  request.set_request_id(id);
  request.set_content(std::move(content));
  request.set_file_name(id + ".txt");
  return request;
}

grpc::Status process(DaemonProcess& daemon, const ProcessRequest& request,
                     ProcessResponse& response,
                     std::chrono::milliseconds deadline = std::chrono::seconds(30)) {
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + deadline);
  return daemon.service()->Process(&context, request, &response);
}

// The slow test enricher after ingest/text.
std::string slow_pipeline(int milliseconds) {
  return std::string(kTextOnlyPipeline) +
         "enrich:\n  - plugin: slow\n    config: {milliseconds: " + std::to_string(milliseconds) +
         "}\n";
}

std::vector<std::string> slow_plugin_args() {
  return {"--plugin-path", (fixture_plugin_dir() / "slow_enricher").string()};
}

TEST(DaemonLimits, AnOversizeMessageIsResourceExhaustedNamingTheLimit) {
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(
      dir, {.pipeline = kTextOnlyPipeline, .limits = "max_message_bytes: 65536"}));
  ProcessResponse response;
  const auto status = process(daemon, text_request("big", std::string(100000, 'a')), response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_NE(status.error_message().find("65536"), std::string::npos) << status.error_message();
  // A document under the limit still goes through.
  EXPECT_TRUE(process(daemon, text_request("small", std::string(1000, 'a')), response).ok());
}

TEST(DaemonLimits, GarbageBytesAreInvalidArgumentWithTheReason) {
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(dir, {}));
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919) % 256);
  ProcessResponse response;
  const auto status = process(daemon, text_request("garbage", garbage), response);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_NE(status.error_message().find("garbage.txt"), std::string::npos)
      << status.error_message();
  EXPECT_GT(status.error_message().size(), std::string("garbage.txt: ").size());
  EXPECT_EQ(DaemonProcess::health(*daemon.channel(), std::chrono::seconds(5)), "SERVING");
}

TEST(DaemonLimits, ADeadlineShorterThanTheWorkStopsTheWork) {
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(dir, {.pipeline = slow_pipeline(20000), .workers = 1}),
                       slow_plugin_args());
  ProcessResponse response;
  const auto started = std::chrono::steady_clock::now();
  const auto status = process(daemon, text_request("slow", "some text\n"), response,
                              std::chrono::milliseconds(300));
  EXPECT_EQ(status.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  // The only worker was freed by the cancellation, long before the 20 s of
  // work were up: a second call gets the worker and also ends at its own
  // deadline, not after the first call's work.
  const auto second = process(daemon, text_request("slow-2", "more text\n"), response,
                              std::chrono::milliseconds(300));
  EXPECT_EQ(second.error_code(), grpc::StatusCode::DEADLINE_EXCEEDED);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
  daemon.signal(SIGTERM);
  EXPECT_EQ(daemon.wait_exit(std::chrono::seconds(15)), 0) << daemon.log();
}

TEST(DaemonLimits, AClientThatDisconnectsMidStreamLeavesTheDaemonHealthy) {
  TempDir dir;
  DaemonProcess daemon(write_daemon_config(dir, {.pipeline = slow_pipeline(200)}),
                       slow_plugin_args());
  for (int round = 0; round < 3; ++round) {
    auto channel = daemon.channel();
    auto service = opis::v1::ArchiveService::NewStub(channel);
    grpc::ClientContext context;
    auto stream = service->ProcessStream(&context);
    for (int i = 0; i < 20; ++i) {
      if (!stream->Write(text_request(std::to_string(i), "text " + std::to_string(i) + "\n"))) {
        break;
      }
    }
    ProcessResponse first;
    stream->Read(&first);
    context.TryCancel();  // gone, with documents still in flight
    stream->Finish();
  }
  EXPECT_EQ(DaemonProcess::health(*daemon.channel(), std::chrono::seconds(5)), "SERVING");
  ProcessResponse response;
  EXPECT_TRUE(process(daemon, text_request("after", "still here\n"), response).ok());
  daemon.signal(SIGTERM);
  // Exit 0 also means no leak under the sanitizer build (LeakSanitizer
  // turns a leak into a non-zero exit).
  EXPECT_EQ(daemon.wait_exit(std::chrono::seconds(30)), 0) << daemon.log();
}

TEST(DaemonLimits, AWrongOrMissingTokenIsUnauthenticated) {
  TempDir dir;
  const std::string token = "a-long-enough-test-token-0123456789";
  DaemonProcess daemon(write_daemon_config(
      dir, {.pipeline = kTextOnlyPipeline, .extra = "auth:\n  tokens: [\"" + token + "\"]\n"}));
  auto service = daemon.service();
  const auto call = [&](const std::string& authorization) {
    grpc::ClientContext context;
    if (!authorization.empty()) context.AddMetadata("authorization", authorization);
    ProcessResponse response;
    return service->Process(&context, text_request("doc", "text\n"), &response).error_code();
  };
  EXPECT_EQ(call(""), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(call("Bearer wrong-token-of-some-length-000000"), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(call(token), grpc::StatusCode::UNAUTHENTICATED);  // no scheme
  EXPECT_EQ(call("Bearer " + token), grpc::StatusCode::OK);
  {
    grpc::ClientContext context;
    auto stream = service->ProcessStream(&context);
    stream->WritesDone();
    EXPECT_EQ(stream->Finish().error_code(), grpc::StatusCode::UNAUTHENTICATED);
  }
  // Health stays open to load balancers; the token never reaches the log.
  EXPECT_EQ(DaemonProcess::health(*daemon.channel(), std::chrono::seconds(5)), "SERVING");
  EXPECT_EQ(daemon.log().find(token), std::string::npos);
}

// A CA, and a server certificate for 127.0.0.1 signed by it, made with the
// openssl command-line tool.
void make_certificates(const TempDir& dir) {
  const std::string d = dir.path().string();
  const std::string script =
      "set -e; cd '" + d +
      "'; "
      "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 "
      "-subj '/CN=opis test CA' 2>/dev/null; "
      "openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr "
      "-subj '/CN=localhost' 2>/dev/null; "
      "printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\n' > san.ext; "
      "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial "
      "-out server.pem -days 2 -extfile san.ext 2>/dev/null; "
      "openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr "
      "-subj '/CN=opis test client' 2>/dev/null; "
      "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial "
      "-out client.pem -days 2 2>/dev/null";
  ASSERT_EQ(std::system(("bash -c \"" + script + "\"").c_str()), 0);
}

TEST(DaemonLimits, TlsHandshakeWithGeneratedCertificates) {
  TempDir dir;
  make_certificates(dir);
  DaemonProcess daemon(
      write_daemon_config(dir, {.pipeline = kTextOnlyPipeline,
                                .extra = "tls:\n  cert: " + (dir / "server.pem").string() +
                                         "\n  key: " + (dir / "server.key").string() + "\n"}));
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = read_file(dir / "ca.pem");
  auto secure = opis::v1::ArchiveService::NewStub(
      grpc::CreateChannel(daemon.address(), grpc::SslCredentials(ssl)));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
  ProcessResponse response;
  const auto status = secure->Process(&context, text_request("tls", "over TLS\n"), &response);
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_EQ(response.records_size(), 1);

  // A plaintext client cannot talk to it.
  grpc::ClientContext plain_context;
  plain_context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(3));
  const auto plain =
      daemon.service()->Process(&plain_context, text_request("plain", "no TLS\n"), &response);
  EXPECT_FALSE(plain.ok());
}

TEST(DaemonLimits, MutualTlsAcceptsOnlyClientsWithACertificateFromTheConfiguredCa) {
  TempDir dir;
  make_certificates(dir);
  DaemonProcess daemon(
      write_daemon_config(dir, {.pipeline = kTextOnlyPipeline,
                                .extra = "tls:\n  cert: " + (dir / "server.pem").string() +
                                         "\n  key: " + (dir / "server.key").string() +
                                         "\n  client_ca: " + (dir / "ca.pem").string() + "\n"}));
  const auto call = [&](bool with_client_certificate) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = read_file(dir / "ca.pem");
    if (with_client_certificate) {
      ssl.pem_private_key = read_file(dir / "client.key");
      ssl.pem_cert_chain = read_file(dir / "client.pem");
    }
    auto service = opis::v1::ArchiveService::NewStub(
        grpc::CreateChannel(daemon.address(), grpc::SslCredentials(ssl)));
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    ProcessResponse response;
    return service->Process(&context, text_request("mtls", "mutual TLS\n"), &response);
  };
  const auto accepted = call(true);
  EXPECT_TRUE(accepted.ok()) << accepted.error_message();
  EXPECT_FALSE(call(false).ok());
}

TEST(DaemonLimits, AFullQueueRefusesUnaryCallsWithARetryHint) {
  TempDir dir;
  DaemonProcess daemon(
      write_daemon_config(
          dir, {.pipeline = slow_pipeline(1500), .limits = "queue_capacity: 1", .workers = 1}),
      slow_plugin_args());
  // One document runs, one waits; the others find the queue full.
  std::vector<std::thread> callers;
  std::mutex mutex;
  std::vector<grpc::StatusCode> codes;
  std::multimap<std::string, std::string> trailers;
  for (int i = 0; i < 5; ++i) {
    callers.emplace_back([&, i] {
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
      ProcessResponse response;
      const auto status =
          daemon.service()->Process(&context, text_request(std::to_string(i), "text\n"), &response);
      std::lock_guard lock(mutex);
      codes.push_back(status.error_code());
      if (status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED) {
        for (const auto& [k, v] : context.GetServerTrailingMetadata()) {
          trailers.emplace(std::string(k.data(), k.size()), std::string(v.data(), v.size()));
        }
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  for (auto& t : callers) t.join();
  EXPECT_EQ(std::count(codes.begin(), codes.end(), grpc::StatusCode::OK), 2);
  EXPECT_EQ(std::count(codes.begin(), codes.end(), grpc::StatusCode::RESOURCE_EXHAUSTED), 3);
  EXPECT_EQ(trailers.count("retry-after-ms"), 3u);
}

}  // namespace
}  // namespace opis::test
