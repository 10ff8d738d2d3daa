// ingest/pdf end to end: `opis run` over a generated PDF and a broken one,
// through the host's ingester choice and the jsonl output. Host-based on
// purpose (it runs the opis executable with two plugins and checks what the
// host adds: source, provenance, the exit code); the plugin itself is tested
// through opis/testing.hpp in the other files here.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "handmade_pdf.hpp"
#include "test_support.hpp"

namespace {

using opis::pdf::test::pdf_with_pages;
using opis::pdf::test::show_text;

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
