// ingest/pdf over the real inputs: the seeds and the example corpus are text
// captures, which this plugin must leave to the text ingesters. Through the
// real plugin binary run by the SDK's harness (opis/testing.hpp): this
// executable links neither the host nor protobuf. The whole `opis run` path
// over a generated PDF is in pdf_pipeline_test.cpp.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <opis/testing.hpp>
#include <system_error>

#include "temp_files.hpp"

namespace {

namespace fs = std::filesystem;
using opis::testing::Harness;

fs::path source_dir() {
  return fs::path(OPIS_TEST_SOURCE_DIR);
}

// The shared seed documents beside the repository; empty when absent.
fs::path seeds_dir() {
  return opis::test_files::seeds_beside(source_dir());
}

TEST(PdfAcceptance, SeedsAreNotClaimed) {
  const auto seeds = seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "no ../shared/seeds";
  Harness ingester(OPIS_PLUGIN_FILE);
  int files = 0;
  for (const auto& entry : fs::directory_iterator(seeds)) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    EXPECT_EQ(
        ingester.probe(opis::test_files::read_file(entry.path()), entry.path().filename().string()),
        0)
        << entry.path();
  }
  EXPECT_GE(files, 4);
}

TEST(PdfAcceptance, CorpusTextFilesAreNotClaimedAndAreRefusedAsPdf) {
  const auto corpus = source_dir() / "examples" / "corpus";
  Harness ingester(OPIS_PLUGIN_FILE);
  int files = 0;
  for (const auto& entry : fs::directory_iterator(corpus)) {
    ++files;
    const auto content = opis::test_files::read_file(entry.path());
    const auto name = entry.path().filename().string();
    EXPECT_EQ(ingester.probe(content, name), 0) << entry.path();
    const auto result = ingester.try_ingest(content, name, "application/pdf");
    EXPECT_EQ(result.status, OPIS_INVALID_INPUT) << entry.path();
    EXPECT_THAT(result.message, ::testing::HasSubstr("not a readable PDF")) << entry.path();
  }
  EXPECT_GE(files, 10);
}

}  // namespace
