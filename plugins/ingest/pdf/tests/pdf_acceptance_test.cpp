// ingest/pdf over the real inputs: the seeds and the example corpus are text
// captures, which this plugin must leave to the text ingesters, and the whole
// `opis run` path over a generated PDF.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "handmade_pdf.hpp"
#include "test_support.hpp"

namespace {

using opis::pdf::test::pdf_with_pages;
using opis::pdf::test::show_text;

TEST(PdfAcceptance, SeedsAreNotClaimed) {
  const auto seeds = opis::test::seeds_dir();
  if (seeds.empty()) GTEST_SKIP() << "no ../shared/seeds";
  auto ingester = opis::test::PluginHarness::builtin("ingest", "pdf");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    EXPECT_EQ(ingester.probe(opis::test::read_file(entry.path()), entry.path().filename()), 0)
        << entry.path();
  }
  EXPECT_GE(files, 4);
}

TEST(PdfAcceptance, CorpusTextFilesAreNotClaimedAndAreRefusedAsPdf) {
  const auto corpus = opis::test::source_dir() / "examples" / "corpus";
  auto ingester = opis::test::PluginHarness::builtin("ingest", "pdf");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    ++files;
    const auto content = opis::test::read_file(entry.path());
    EXPECT_EQ(ingester.probe(content, entry.path().filename()), 0) << entry.path();
    const auto result = ingester.ingest(content, entry.path().filename(), "application/pdf");
    EXPECT_EQ(result.call.status, OPIS_INVALID_INPUT) << entry.path();
    EXPECT_THAT(result.call.message, ::testing::HasSubstr("not a readable PDF")) << entry.path();
  }
  EXPECT_GE(files, 10);
}

TEST(PdfAcceptance, OpisRunWritesOneRecordPerPdf) {
  opis::test::TempDir dir;
  const auto pdf =
      dir.write("scans/report.pdf",
                pdf_with_pages({show_text("Hello archive"), show_text("Second page")},
                               "<< /Title (Harvest report) /Author (A. Clerk) >>", " /Lang (en)"));
  const auto broken = dir.write("scans/broken.pdf", "%PDF-1.4\nnothing here\n");
  const auto pipeline = dir.write("pipeline.yaml",
                                  "version: 1\n"
                                  "ingest:\n"
                                  "  - plugin: pdf\n"
                                  "output:\n"
                                  "  - plugin: jsonl\n"
                                  "    config: {path: \"${out}/records.jsonl\"}\n");
  const auto result =
      opis::test::run_opis({"run", "--no-progress", "--pipeline", pipeline.string(), "--out",
                            (dir / "out").string(), pdf.string(), broken.string()});
  EXPECT_EQ(result.exit_code, 1) << result.err;
  EXPECT_THAT(result.err, ::testing::HasSubstr("broken.pdf"));
  EXPECT_THAT(result.err, ::testing::HasSubstr("not a readable PDF"));
  const auto lines = opis::test::read_jsonl(dir / "out" / "records.jsonl");
  ASSERT_EQ(lines.size(), 1u);
  const auto& record = lines[0];
  EXPECT_EQ(record["kind"], "document");
  EXPECT_EQ(record["title"], "Harvest report");
  EXPECT_EQ(record["language"], "en");
  EXPECT_EQ(record["text"], "Hello archive\n\nSecond page");
  EXPECT_EQ(record["source"]["media_type"], "application/pdf");
  ASSERT_EQ(record["annotations"].size(), 2u);
  EXPECT_EQ(record["annotations"][1]["type"], "page");
  EXPECT_EQ(record["annotations"][1]["begin"], 15);
  EXPECT_EQ(record["annotations"][1]["end"], 26);
  EXPECT_EQ(record["annotations"][1]["value"], "2");
  EXPECT_EQ(record["annotations"][1]["plugin"], "pdf");
  EXPECT_EQ(record["provenance"][0]["plugin"], "pdf");
}

}  // namespace
