// `opis run` end to end: the real executable, the built-in plugins, files on
// disk. The contract is DESIGN.md §3 and §4.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "test_support.hpp"

namespace opis {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing::Not;

fs::path corpus() {
  return test::source_dir() / "examples" / "corpus";
}

TEST(RunCommand, BadDocumentsAreReportedAndTheValidOneProcessed) {
  test::TempDir dir;
  dir.write("in/a-valid.txt", "Telegram from Pyongyang\n\nThe delegation arrived on 3 May 1957.\n");
  dir.write("in/b-binary.bin", std::string("\x00\x01\x02\x03garbage\x00\xff", 14));
  dir.write("in/c-empty.txt", "");
  dir.write("in/d-broken.txt", "Caf\xc3\xa9 au lait, then a broken byte: \xc3\x28 here.\n");
  dir.write("in/e-nul.txt", std::string("looks like text\x00 but is not", 28));

  const auto result =
      test::run_opis({"run", "--out", (dir / "out").string(), (dir / "in").string()});
  EXPECT_EQ(result.exit_code, 1) << result.err;

  EXPECT_THAT(
      result.err,
      HasSubstr("b-binary.bin: no ingester in the pipeline reads application/octet-stream"));
  EXPECT_THAT(result.err, HasSubstr("c-empty.txt: ingest/text: empty document (0 bytes)"));
  EXPECT_THAT(result.err, HasSubstr("d-broken.txt: ingest/text: invalid UTF-8 at byte offset 35"));
  EXPECT_THAT(result.err,
              HasSubstr("e-nul.txt: ingest/text: binary data, not text: NUL byte at offset 15"));
  EXPECT_THAT(result.err, Not(HasSubstr("a-valid.txt")));
  EXPECT_THAT(result.out, HasSubstr("opis: 5 documents, 1 records, 4 failed"));

  const auto records = test::read_jsonl(dir / "out" / "records.jsonl");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["source"]["name"], "a-valid.txt");
  EXPECT_EQ(records[0]["title"], "Telegram from Pyongyang");
}

TEST(RunCommand, SuccessExitsZeroWithSummary) {
  test::TempDir dir;
  dir.write("one.txt", "First document.\n");
  dir.write("two.txt", "Second document.\n");
  const auto result = test::run_opis({"run", "--out", (dir / "out").string(),
                                      (dir / "one.txt").string(), (dir / "two.txt").string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, testing::MatchesRegex(
                              "opis: 2 documents, 2 records, 0 failed, [0-9.]+ MB in [0-9.]+ s "
                              "\\([0-9.]+ MB/s\\)\n"));
}

TEST(RunCommand, SameInputTwiceGivesIdenticalRecords) {
  test::TempDir dir;
  const auto first =
      test::run_opis({"run", "--workers", "3", "--out", (dir / "a").string(), corpus().string()});
  const auto second =
      test::run_opis({"run", "--workers", "2", "--out", (dir / "b").string(), corpus().string()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const std::string a = test::read_file(dir / "a" / "records.jsonl");
  const std::string b = test::read_file(dir / "b" / "records.jsonl");
  EXPECT_FALSE(a.empty());
  EXPECT_TRUE(a == b) << "records.jsonl differs between runs";
}

TEST(RunCommand, TimingsAreRecordedOnlyWhenAsked) {
  test::TempDir dir;
  const fs::path pipeline =
      dir.write("p.yaml",
                "timings: true\n"
                "ingest: [text]\n"
                "output: [{plugin: jsonl, config: {path: '${out}/r.jsonl'}}]\n");
  const fs::path doc = dir.write("doc.txt", "Text.\n");
  const auto timed = test::run_opis(
      {"run", "--pipeline", pipeline.string(), "--out", (dir / "a").string(), doc.string()});
  ASSERT_EQ(timed.exit_code, 0) << timed.err;
  EXPECT_TRUE(test::read_jsonl(dir / "a" / "r.jsonl")[0]["provenance"][0].contains("duration_us"));

  const auto plain = test::run_opis({"run", "--out", (dir / "b").string(), doc.string()});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_FALSE(
      test::read_jsonl(dir / "b" / "records.jsonl")[0]["provenance"][0].contains("duration_us"));
}

TEST(RunCommand, RecordsFollowInputOrderWithStableIds) {
  test::TempDir dir;
  for (int i = 0; i < 40; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "in/doc-%02d.txt", i);
    dir.write(name, "Document number " + std::to_string(i) + "\n");
  }
  const auto result = test::run_opis(
      {"run", "--workers", "4", "--out", (dir / "out").string(), (dir / "in").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto records = test::read_jsonl(dir / "out" / "records.jsonl");
  ASSERT_EQ(records.size(), 40u);
  std::set<std::string> ids;
  for (int i = 0; i < 40; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "doc-%02d.txt", i);
    EXPECT_EQ(records[i]["source"]["name"], name);
    EXPECT_EQ(records[i]["id"].get<std::string>().size(), 64u);
    ids.insert(records[i]["id"].get<std::string>());
  }
  EXPECT_EQ(ids.size(), 40u);
}

TEST(RunCommand, RecordFieldsFollowTheJsonContract) {
  test::TempDir dir;
  const fs::path doc = dir.write("memo.txt", "Memorandum\n\nText of the memorandum.\n");
  const auto result = test::run_opis({"run", "--out", (dir / "out").string(), doc.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto records = test::read_jsonl(dir / "out" / "records.jsonl");
  ASSERT_EQ(records.size(), 1u);
  const auto& r = records[0];
  EXPECT_EQ(r["kind"], "document");
  EXPECT_EQ(r["source"]["uri"], doc.string());
  EXPECT_EQ(r["source"]["media_type"], "text/plain");
  // sha256 of the bytes, as `sha256sum` prints it.
  EXPECT_EQ(r["source"]["sha256"],
            "3bf439614435c62692f5f3124b5ca866105f8908e938b4985439c2f69d318b50");
  EXPECT_EQ(r["text"], "Memorandum\n\nText of the memorandum.\n");
  // The ingester first, then every enricher of the default pipeline, in order.
  ASSERT_GE(r["provenance"].size(), 2u);
  EXPECT_EQ(r["provenance"][0]["plugin"], "text");
  EXPECT_EQ(r["provenance"][0]["kind"], "ingest");
  for (size_t i = 0; i < r["provenance"].size(); ++i) {
    EXPECT_EQ(r["provenance"][i]["outcome"], "ok");
    EXPECT_TRUE(r["provenance"][i].contains("version"));
    if (i > 0) {
      EXPECT_EQ(r["provenance"][i]["kind"], "enrich");
    }
  }
}

TEST(RunCommand, ReadsStandardInput) {
  test::TempDir dir;
  const auto result =
      test::run_opis({"run", "--out", (dir / "out").string(), "-"}, "From stdin.\n");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto records = test::read_jsonl(dir / "out" / "records.jsonl");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["source"]["uri"], "stdin");
  EXPECT_EQ(records[0]["text"], "From stdin.\n");
}

TEST(RunCommand, MissingInputIsReportedAndOthersGoOn) {
  test::TempDir dir;
  const fs::path doc = dir.write("real.txt", "Real.\n");
  const auto result = test::run_opis(
      {"run", "--out", (dir / "out").string(), (dir / "missing.txt").string(), doc.string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr("missing.txt: no such file or directory"));
  EXPECT_EQ(test::read_jsonl(dir / "out" / "records.jsonl").size(), 1u);
}

TEST(RunCommand, ConfigFailingItsSchemaStopsBeforeAnyDocumentIsRead) {
  test::TempDir dir;
  const fs::path pipeline = dir.write("bad.yaml",
                                      "ingest: [text]\n"
                                      "output:\n"
                                      "  - plugin: jsonl\n"
                                      "    config: {path: 42, colour: blue}\n");
  const fs::path doc = dir.write("doc.txt", "Text.\n");
  const auto result = test::run_opis(
      {"run", "--pipeline", pipeline.string(), "--out", (dir / "out").string(), doc.string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr(pipeline.string() + ": the pipeline is not valid"));
  EXPECT_THAT(result.err, HasSubstr("output[0] (jsonl): config of output plugin 'jsonl' is invalid "
                                    "at /path: expected string, got integer 42"));
  EXPECT_THAT(result.err, HasSubstr("unknown property 'colour'"));
  EXPECT_FALSE(fs::exists(dir / "out" / "records.jsonl"));
}

TEST(RunCommand, UnknownPluginIsNamedWithTheAvailableOnes) {
  test::TempDir dir;
  const fs::path pipeline = dir.write("p.yaml",
                                      "ingest: [text]\nenrich: [no-such-enricher]\noutput: "
                                      "[{plugin: jsonl, config: {path: x.jsonl}}]\n");
  const auto result = test::run_opis(
      {"run", "--pipeline", pipeline.string(), "--out", (dir / "out").string(), pipeline.string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("enrich[0]: no enrich plugin named 'no-such-enricher'"));
}

TEST(RunCommand, PluginPathAddsThirdPartyPlugins) {
  test::TempDir dir;
  const fs::path pipeline = dir.write("p.yaml",
                                      "ingest: [text]\n"
                                      "enrich:\n"
                                      "  - plugin: c99-upper\n"
                                      "    config: {prefix: 'C: '}\n"
                                      "output:\n"
                                      "  - {plugin: jsonl, config: {path: '${out}/r.jsonl'}}\n");
  const fs::path doc = dir.write("doc.txt", "a title\nbody\n");
  const auto result = test::run_opis(
      {"--plugin-path", (test::fixture_plugin_dir() / "c99_enricher").string(), "run", "--pipeline",
       pipeline.string(), "--out", (dir / "out").string(), doc.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto records = test::read_jsonl(dir / "out" / "r.jsonl");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["title"], "C: A TITLE");
  EXPECT_EQ(records[0]["provenance"][1]["plugin"], "c99-upper");
  EXPECT_EQ(records[0]["provenance"][1]["kind"], "enrich");
}

TEST(RunCommand, InOrderEnricherSeesRecordsInInputOrderWhateverTheWorkers) {
  test::TempDir dir;
  // sequence (OPIS_FLAG_IN_ORDER) numbers the records it sees; c99-upper
  // after it runs on the same in-order thread, c99-upper before it on the
  // workers.
  const fs::path pipeline = dir.write("p.yaml",
                                      "ingest: [text]\n"
                                      "enrich:\n"
                                      "  - {plugin: c99-upper, config: {prefix: 'A: '}}\n"
                                      "  - sequence\n"
                                      "  - {plugin: c99-upper, config: {prefix: 'B: '}}\n"
                                      "output:\n"
                                      "  - {plugin: jsonl, config: {path: '${out}/r.jsonl'}}\n");
  for (int i = 0; i < 40; ++i) {
    // Uneven sizes so workers finish out of order.
    const std::string name = "in/doc-" + std::string(i < 10 ? "0" : "") + std::to_string(i);
    dir.write(name + ".txt",
              "title " + std::to_string(i) + "\n" + std::string((i % 7) * 40000, 'x') + "\n");
  }
  const std::string plugins = (test::fixture_plugin_dir() / "c99_enricher").string() + ":" +
                              (test::fixture_plugin_dir() / "sequence_enricher").string();
  auto run = [&](const std::string& workers, const std::string& out) {
    const auto result =
        test::run_opis({"--plugin-path", plugins, "run", "--workers", workers, "--pipeline",
                        pipeline.string(), "--out", (dir / out).string(), (dir / "in").string()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return test::read_file(dir / out / "r.jsonl");
  };
  const std::string parallel = run("4", "four");
  EXPECT_EQ(run("1", "one"), parallel);

  const auto records = test::read_jsonl(dir / "four" / "r.jsonl");
  ASSERT_EQ(records.size(), 40u);
  for (size_t i = 0; i < records.size(); ++i) {
    const auto& r = records[i];
    EXPECT_EQ(r["warnings"][0],
              "sequence: #" + std::to_string(i) + ": " + r["source"]["uri"].get<std::string>());
    EXPECT_EQ(r["title"], "B: A: TITLE " + std::to_string(i));
    EXPECT_EQ(r["provenance"][2]["plugin"], "sequence");
  }
}

TEST(RunCommand, EnricherFailureFailsTheDocumentByDefaultOrKeepsTheRecord) {
  test::TempDir dir;
  const std::string steps =
      "ingest: [{plugin: text, config: {title_from_first_line: false}}]\n"
      "enrich: [c99-upper]\n"
      "output: [{plugin: jsonl, config: {path: '${out}/r.jsonl'}}]\n";
  const fs::path strict = dir.write("strict.yaml", steps);
  const fs::path lenient = dir.write("lenient.yaml", steps + "on_enrich_error: keep_record\n");
  const fs::path doc = dir.write("doc.txt", "body\n");
  const std::string plugins = (test::fixture_plugin_dir() / "c99_enricher").string();

  const auto failed =
      test::run_opis({"--plugin-path", plugins, "run", "--pipeline", strict.string(), "--out",
                      (dir / "a").string(), doc.string()});
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_THAT(failed.err, HasSubstr("doc.txt: enrich/c99-upper: record has no title"));
  EXPECT_TRUE(test::read_jsonl(dir / "a" / "r.jsonl").empty());

  const auto kept = test::run_opis({"--plugin-path", plugins, "run", "--pipeline", lenient.string(),
                                    "--out", (dir / "b").string(), doc.string()});
  EXPECT_EQ(kept.exit_code, 0) << kept.err;
  const auto records = test::read_jsonl(dir / "b" / "r.jsonl");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["warnings"][0], "c99-upper failed: record has no title");
  EXPECT_EQ(records[0]["provenance"][1]["outcome"], "failed");
}

TEST(RunCommand, JsonLogsAreOneObjectPerLine) {
  test::TempDir dir;
  const fs::path doc = dir.write("doc.txt", "Text.\n");
  const auto result = test::run_opis({"--log-format", "json", "--plugin-path",
                                      (test::fixture_plugin_dir() / "abi_major_2").string(), "run",
                                      "--out", (dir / "out").string(), doc.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  bool saw_refusal = false;
  std::istringstream lines(result.err);
  std::string line;
  while (std::getline(lines, line)) {
    const auto event = nlohmann::json::parse(line);  // throws if not JSON
    EXPECT_TRUE(event.contains("ts"));
    EXPECT_TRUE(event.contains("level"));
    if (event["msg"].get<std::string>().find("ABI 2.0") != std::string::npos) saw_refusal = true;
  }
  EXPECT_TRUE(saw_refusal) << result.err;
}

TEST(RunCommand, ReingestingRecordsKeepsTheirIds) {
  test::TempDir dir;
  const auto first = test::run_opis({"run", "--out", (dir / "a").string(), corpus().string()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const auto second = test::run_opis(
      {"run", "--out", (dir / "b").string(), (dir / "a" / "records.jsonl").string()});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  const auto before = test::read_jsonl(dir / "a" / "records.jsonl");
  const auto after = test::read_jsonl(dir / "b" / "records.jsonl");
  ASSERT_EQ(before.size(), after.size());
  for (size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(before[i]["id"], after[i]["id"]);
    EXPECT_EQ(before[i]["text"], after[i]["text"]);
    // The history is kept and the re-ingest is added to it.
    const auto& history = after[i]["provenance"];
    ASSERT_GT(history.size(), before[i]["provenance"].size());
    EXPECT_EQ(history[before[i]["provenance"].size()]["plugin"], "jsonl");
    EXPECT_EQ(history[before[i]["provenance"].size()]["kind"], "ingest");
  }
}

TEST(Cli, VersionNamesTheAbi) {
  const auto result = test::run_opis({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("plugin ABI 1."));
}

TEST(Cli, HelpEverywhere) {
  for (const auto& args : std::vector<std::vector<std::string>>{{"--help"},
                                                                {"run", "--help"},
                                                                {"plugins", "--help"},
                                                                {"plugins", "list", "--help"},
                                                                {"plugins", "inspect", "--help"},
                                                                {"help"}}) {
    const auto result = test::run_opis(args);
    EXPECT_EQ(result.exit_code, 0) << args.front();
    EXPECT_THAT(result.out, HasSubstr("Usage")) << args.front();
  }
}

TEST(Cli, UnknownSubcommandIsAUsageError) {
  const auto result = test::run_opis({"frobnicate"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_FALSE(result.err.empty());
}

}  // namespace
}  // namespace opis
