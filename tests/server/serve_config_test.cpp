#include "serve_config.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include "bearer_tokens.hpp"
#include "metrics.hpp"
#include "opis/core/error.hpp"
#include "test_support.hpp"

namespace opis::server {
namespace {

using opis::test::TempDir;

std::string load_error(const std::filesystem::path& file) {
  try {
    load_serve_config(file);
  } catch (const core::UsageError& e) {
    return e.what();
  }
  return {};
}

TEST(ServeConfig, DefaultsListenOnLoopbackOnly) {
  const ServeConfig config = load_serve_config({});
  ASSERT_EQ(config.listen.size(), 1u);
  EXPECT_EQ(config.listen[0], "127.0.0.1:50051");
  EXPECT_EQ(config.max_message_bytes, 64u << 20);
  EXPECT_TRUE(config.tokens.empty());
  EXPECT_FALSE(config.tls);
  EXPECT_TRUE(config.metrics_listen.empty());
}

TEST(ServeConfig, TheExampleConfigLoadsWithPathsRelativeToItsFolder) {
  const auto file = opis::test::source_dir() / "examples/serve/opis.yaml";
  const ServeConfig config = load_serve_config(file);
  EXPECT_EQ(config.listen.size(), 2u);
  EXPECT_EQ(config.pipeline_file,
            (opis::test::source_dir() / "examples/serve/daemon-pipeline.yaml").string());
  EXPECT_EQ(config.metrics_listen, "127.0.0.1:9464");
  EXPECT_EQ(config.stream_window, 32u);
}

TEST(ServeConfig, EveryProblemIsNamedWithTheFile) {
  TempDir dir;
  const auto file = dir.write("bad.yaml",
                              "listen: 50051\nlimits: {stream_window: 0, speed: 3}\n"
                              "auth: {tokens: [\"short\"]}\n");
  const std::string error = load_error(file);
  EXPECT_NE(error.find("bad.yaml"), std::string::npos) << error;
  EXPECT_NE(error.find("/listen"), std::string::npos) << error;
  EXPECT_NE(error.find("stream_window"), std::string::npos) << error;
  EXPECT_NE(error.find("speed"), std::string::npos) << error;
  EXPECT_NE(error.find("tokens"), std::string::npos) << error;
}

TEST(ServeConfig, TokensComeFromTheFileTheEnvironmentAndATokensFile) {
  TempDir dir;
  ::setenv("OPIS_TEST_TOKEN", "token-from-the-environment", 1);
  dir.write("tokens", "# operators\ntoken-from-the-tokens-file\n\n");
  const auto file =
      dir.write("opis.yaml",
                "auth:\n  tokens: [\"${env:OPIS_TEST_TOKEN}\", \"token-written-in-the-file\"]\n"
                "  tokens_file: tokens\n");
  const ServeConfig config = load_serve_config(file);
  EXPECT_EQ(config.tokens,
            (std::vector<std::string>{"token-from-the-environment", "token-written-in-the-file",
                                      "token-from-the-tokens-file"}));
  ::unsetenv("OPIS_TEST_TOKEN");
  EXPECT_NE(load_error(file).find("OPIS_TEST_TOKEN"), std::string::npos);
}

TEST(ServeConfig, TlsNeedsCertAndKey) {
  TempDir dir;
  EXPECT_NE(load_error(dir.write("a.yaml", "tls: {cert: server.pem}\n")).find("key"),
            std::string::npos);
  const ServeConfig config =
      load_serve_config(dir.write("b.yaml", "tls: {cert: s.pem, key: s.key}\n"));
  ASSERT_TRUE(config.tls);
  EXPECT_EQ(config.tls->cert_file, (dir / "s.pem").string());
  EXPECT_TRUE(config.tls->client_ca_file.empty());
}

TEST(BearerTokens, AcceptsOnlyAConfiguredTokenAfterTheBearerScheme) {
  const BearerTokens none({});
  EXPECT_FALSE(none.required());
  EXPECT_TRUE(none.accepts(""));
  const BearerTokens tokens({"first-token-0123456789", "second-token-0123456789"});
  EXPECT_TRUE(tokens.required());
  EXPECT_TRUE(tokens.accepts("Bearer first-token-0123456789"));
  EXPECT_TRUE(tokens.accepts("Bearer second-token-0123456789"));
  EXPECT_FALSE(tokens.accepts("Bearer first-token-012345678"));
  EXPECT_FALSE(tokens.accepts("Bearer first-token-01234567890"));
  EXPECT_FALSE(tokens.accepts("first-token-0123456789"));
  EXPECT_FALSE(tokens.accepts("Basic first-token-0123456789"));
  EXPECT_FALSE(tokens.accepts("Bearer "));
  EXPECT_FALSE(tokens.accepts(""));
}

TEST(Metrics, RendersCountersAndCumulativeHistograms) {
  Metrics metrics;
  metrics.document_finished(true, 3, 100);
  metrics.document_finished(false, 0, 50);
  metrics.step_finished("enrich/dates", std::chrono::microseconds(50), true);
  metrics.step_finished("enrich/dates", std::chrono::milliseconds(3), false);
  metrics.rpc_finished("Process", 0);
  metrics.rpc_finished("Process", 16);
  const std::string page = metrics.render();
  EXPECT_NE(page.find("opis_documents_total{outcome=\"ok\"} 1\n"), std::string::npos) << page;
  EXPECT_NE(page.find("opis_documents_total{outcome=\"failed\"} 1\n"), std::string::npos);
  EXPECT_NE(page.find("opis_records_total 3\n"), std::string::npos);
  EXPECT_NE(page.find("opis_input_bytes_total 150\n"), std::string::npos);
  EXPECT_NE(page.find("opis_plugin_duration_seconds_bucket{plugin=\"enrich/dates\",le=\"0.0001\"} "
                      "1\n"),
            std::string::npos);
  EXPECT_NE(page.find("opis_plugin_duration_seconds_bucket{plugin=\"enrich/dates\",le=\"0.0025\"} "
                      "1\n"),
            std::string::npos);
  EXPECT_NE(page.find("opis_plugin_duration_seconds_bucket{plugin=\"enrich/dates\",le=\"0.005\"} "
                      "2\n"),
            std::string::npos);
  EXPECT_NE(page.find("opis_plugin_duration_seconds_bucket{plugin=\"enrich/dates\",le=\"+Inf\"} "
                      "2\n"),
            std::string::npos);
  EXPECT_NE(page.find("opis_plugin_failures_total{plugin=\"enrich/dates\"} 1\n"),
            std::string::npos);
  EXPECT_NE(page.find("opis_rpc_total{method=\"Process\",code=\"UNAUTHENTICATED\"} 1\n"),
            std::string::npos);
}

}  // namespace
}  // namespace opis::server
