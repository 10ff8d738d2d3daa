// The pipeline file: steps, their configs and matches, variables, and the
// errors a user sees for a bad file (each names the file and the place).
#include "opis/core/pipeline_config.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <string>

#include "opis/core/error.hpp"
#include "test_support.hpp"

namespace {

using nlohmann::json;
using opis::core::EnrichErrorPolicy;
using opis::core::parse_pipeline_config;
using opis::core::PipelineConfig;
using opis::core::PipelineVariables;
using opis::core::UsageError;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const PipelineVariables kVariables = {{"out", "/data/out"}};

PipelineConfig parse(const std::string& yaml) {
  return parse_pipeline_config(yaml, "p.yaml", kVariables);
}

// The UsageError message for `yaml`, or "" when it parses.
std::string error_of(const std::string& yaml) {
  try {
    parse(yaml);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "";
}

// A minimal valid pipeline with `extra` appended at the top level.
std::string with_steps(const std::string& extra) {
  return "ingest: [text]\noutput: [{plugin: jsonl, config: {path: x}}]\n" + extra;
}

TEST(PipelineConfig, StepsAreNamesOrMappings) {
  const PipelineConfig config = parse(R"(
version: 1
ingest:
  - text
  - plugin: jsonl
enrich:
  - dates
  - plugin: citations
    config: {strict: true}
output:
  - plugin: jsonl
    config:
      path: records.jsonl
      include_defaults: true
)");
  EXPECT_EQ(config.source, "p.yaml");
  ASSERT_EQ(config.ingest.size(), 2u);
  EXPECT_EQ(config.ingest[0].plugin, "text");
  EXPECT_EQ(config.ingest[0].config, json::object());
  EXPECT_EQ(config.ingest[0].location, "p.yaml, ingest[0]");
  EXPECT_EQ(config.ingest[1].plugin, "jsonl");
  EXPECT_EQ(config.ingest[1].location, "p.yaml, ingest[1] (jsonl)");
  ASSERT_EQ(config.enrich.size(), 2u);
  EXPECT_EQ(config.enrich[0].plugin, "dates");
  EXPECT_EQ(config.enrich[1].plugin, "citations");
  EXPECT_EQ(config.enrich[1].config, json::parse(R"({"strict": true})"));
  ASSERT_EQ(config.output.size(), 1u);
  EXPECT_EQ(config.output[0].config,
            json::parse(R"({"path": "records.jsonl", "include_defaults": true})"));
  EXPECT_EQ(config.output[0].location, "p.yaml, output[0] (jsonl)");
}

TEST(PipelineConfig, EmptyConfigMeansAnEmptyObject) {
  const PipelineConfig config = parse(R"(
ingest: [{plugin: text, config: }]
output: [jsonl]
)");
  EXPECT_EQ(config.ingest[0].config, json::object());
}

TEST(PipelineConfig, MatchTakesMediaTypesAndGlobsAsListsOrSingleStrings) {
  const PipelineConfig config = parse(R"(
ingest:
  - plugin: text
    match:
      media_types: [text/plain, text/*]
      globs: "*.memo"
  - plugin: jsonl
output: [jsonl]
)");
  EXPECT_THAT(config.ingest[0].media_types, ElementsAre("text/plain", "text/*"));
  EXPECT_THAT(config.ingest[0].globs, ElementsAre("*.memo"));
  EXPECT_THAT(config.ingest[1].media_types, IsEmpty());
  EXPECT_THAT(config.ingest[1].globs, IsEmpty());
}

TEST(PipelineConfig, MatchErrorsNameTheStep) {
  EXPECT_THAT(error_of(R"(
ingest: [{plugin: text, match: {suffixes: [".txt"]}}]
output: [jsonl]
)"),
              HasSubstr("p.yaml, ingest[0] (text): unknown match key 'suffixes' (known: "
                        "media_types, globs)"));
  EXPECT_THAT(error_of(R"(
ingest: [{plugin: text, match: {globs: [1, 2]}}]
output: [jsonl]
)"),
              HasSubstr("p.yaml, ingest[0] (text), match.globs: expected a list of strings"));
  EXPECT_THAT(error_of(R"(
ingest: [{plugin: text, match: "*.txt"}]
output: [jsonl]
)"),
              HasSubstr("p.yaml, ingest[0] (text): 'match' must be a mapping"));
}

TEST(PipelineConfig, MatchIsOnlyForIngestSteps) {
  EXPECT_THAT(error_of(with_steps("enrich: [{plugin: dates, match: {globs: ['*']}}]")),
              HasSubstr("p.yaml, enrich[0]: unknown key 'match' (known: plugin, config)"));
}

TEST(PipelineConfig, OutVariableIsSubstitutedInConfigStrings) {
  const PipelineConfig config = parse(R"(
ingest: [text]
output:
  - plugin: jsonl
    config:
      path: ${out}/records.jsonl
      copies: ["${out}/a", "${out}/b"]
      nested: {dir: "${out}"}
      count: 3
)");
  EXPECT_EQ(config.output[0].config, json::parse(R"({
    "path": "/data/out/records.jsonl",
    "copies": ["/data/out/a", "/data/out/b"],
    "nested": {"dir": "/data/out"},
    "count": 3
  })"));
}

TEST(PipelineConfig, EnvVariableIsSubstitutedFromTheEnvironment) {
  ASSERT_EQ(setenv("OPIS_PIPELINE_TEST_DSN", "host=db port=5432", 1), 0);
  const PipelineConfig config = parse(R"(
ingest: [text]
output: [{plugin: postgres, config: {dsn: "${env:OPIS_PIPELINE_TEST_DSN} user=opis"}}]
)");
  unsetenv("OPIS_PIPELINE_TEST_DSN");
  EXPECT_EQ(config.output[0].config.value("dsn", ""), "host=db port=5432 user=opis");
}

TEST(PipelineConfig, UnsetEnvVariableIsAnErrorNamingIt) {
  unsetenv("OPIS_PIPELINE_TEST_UNSET");
  EXPECT_THAT(error_of(R"(
ingest: [text]
output: [{plugin: jsonl, config: {path: "${env:OPIS_PIPELINE_TEST_UNSET}/r.jsonl"}}]
)"),
              HasSubstr("p.yaml, output[0] (jsonl): environment variable "
                        "OPIS_PIPELINE_TEST_UNSET is not set"));
}

TEST(PipelineConfig, UnknownVariableIsAnErrorNamingFileStepAndVariable) {
  EXPECT_THAT(error_of(R"(
ingest: [text]
output: [{plugin: jsonl, config: {path: "${outdir}/r.jsonl"}}]
)"),
              HasSubstr("p.yaml, output[0] (jsonl): unknown variable ${outdir}"));
}

TEST(PipelineConfig, UnknownTopLevelKeyListsKnownKeys) {
  EXPECT_THAT(error_of(with_steps("outputs: []")),
              AllOf(HasSubstr("p.yaml: unknown key 'outputs'"), HasSubstr("known: version")));
}

TEST(PipelineConfig, UnknownStepKeyNamesTheStep) {
  EXPECT_THAT(error_of(R"(
ingest: [text]
output:
  - jsonl
  - plugin: sqlite
    confg: {path: a.db}
)"),
              HasSubstr("p.yaml, output[1]: unknown key 'confg' (known: plugin, config)"));
}

TEST(PipelineConfig, MalformedStepsAreRefusedWithTheirPlace) {
  EXPECT_THAT(error_of("ingest: [{config: {}}]\noutput: [jsonl]"),
              HasSubstr("p.yaml, ingest[0]: missing 'plugin'"));
  EXPECT_THAT(error_of("ingest: [text, 3]\noutput: [jsonl]"),
              HasSubstr("p.yaml, ingest[1]: expected a plugin name or a mapping"));
  EXPECT_THAT(error_of("ingest: text\noutput: [jsonl]"),
              HasSubstr("p.yaml: 'ingest' must be a list of steps"));
  EXPECT_THAT(error_of("ingest: [{plugin: text, config: [1]}]\noutput: [jsonl]"),
              HasSubstr("p.yaml, ingest[0] (text): 'config' must be a mapping"));
}

TEST(PipelineConfig, OnlyVersionOneIsRead) {
  EXPECT_NO_THROW(parse(with_steps("version: 1")));
  EXPECT_NO_THROW(parse(with_steps("")));
  EXPECT_THAT(error_of(with_steps("version: 2")),
              HasSubstr("p.yaml: unsupported pipeline version 2 (this opis reads version 1)"));
  EXPECT_THAT(error_of(with_steps("version: \"one\"")),
              HasSubstr("unsupported pipeline version \"one\""));
}

TEST(PipelineConfig, PipelineWithoutIngestOrOutputStepsIsRefused) {
  EXPECT_THAT(error_of("output: [jsonl]"), HasSubstr("p.yaml: the pipeline has no ingest step"));
  EXPECT_THAT(error_of("ingest: []\noutput: [jsonl]"), HasSubstr("no ingest step"));
  EXPECT_THAT(error_of("ingest: [text]\nenrich: [dates]"),
              HasSubstr("p.yaml: the pipeline has no output step"));
}

TEST(PipelineConfig, OutputStepsAreOptionalWhenTheCallerSaysSo) {
  const auto config = parse_pipeline_config("ingest: [text]\nenrich: [dates]", "p.yaml", kVariables,
                                            opis::core::OutputSteps::kOptional);
  EXPECT_TRUE(config.output.empty());
  EXPECT_EQ(config.enrich.size(), 1u);
  EXPECT_THAT(error_of("output: [jsonl]"), HasSubstr("no ingest step"));
}

TEST(PipelineConfig, OnEnrichErrorPolicy) {
  EXPECT_EQ(parse(with_steps("")).on_enrich_error, EnrichErrorPolicy::kFailDocument);
  EXPECT_EQ(parse(with_steps("on_enrich_error: fail_document")).on_enrich_error,
            EnrichErrorPolicy::kFailDocument);
  EXPECT_EQ(parse(with_steps("on_enrich_error: keep_record")).on_enrich_error,
            EnrichErrorPolicy::kKeepRecord);
  EXPECT_THAT(error_of(with_steps("on_enrich_error: ignore")),
              HasSubstr("p.yaml: on_enrich_error must be fail_document or keep_record, not "
                        "\"ignore\""));
}

TEST(PipelineConfig, TimingsAreOffUnlessAsked) {
  EXPECT_FALSE(parse(with_steps("")).timings);
  EXPECT_TRUE(parse(with_steps("timings: true")).timings);
  EXPECT_FALSE(parse(with_steps("timings: false")).timings);
  EXPECT_THAT(error_of(with_steps("timings: \"yes\"")),
              HasSubstr("p.yaml: 'timings' must be true or false"));
}

TEST(PipelineConfig, WorkersAndQueueDepthRangeFromZeroTo4096) {
  EXPECT_EQ(parse(with_steps("")).workers, 0u);
  EXPECT_EQ(parse(with_steps("workers: 8")).workers, 8u);
  EXPECT_EQ(parse(with_steps("workers: 4096")).workers, 4096u);
  EXPECT_EQ(parse(with_steps("queue_depth: 16")).queue_depth, 16u);
  for (const std::string bad : {"-1", "4097", "many", "2.5"}) {
    SCOPED_TRACE(bad);
    EXPECT_THAT(error_of(with_steps("workers: " + bad)),
                HasSubstr("p.yaml: 'workers' must be an integer from 0 to 4096"));
  }
  EXPECT_THAT(error_of(with_steps("queue_depth: -3")),
              HasSubstr("'queue_depth' must be an integer from 0 to 4096"));
}

TEST(PipelineConfig, NotYamlOrNotAMappingIsRefused) {
  EXPECT_THAT(error_of("ingest: [text\noutput: {"), HasSubstr("p.yaml: not valid YAML"));
  EXPECT_THAT(error_of("- text\n- jsonl"),
              HasSubstr("p.yaml: expected a mapping at the top level"));
}

TEST(PipelineConfig, LoadedFileIsNamedInErrors) {
  opis::test::TempDir dir;
  const auto good = dir.write("good.yaml", with_steps(""));
  EXPECT_EQ(opis::core::load_pipeline_config(good, kVariables).source, good.string());
  const auto bad = dir.write("bad.yaml", with_steps("workers: lots"));
  try {
    opis::core::load_pipeline_config(bad, kVariables);
    FAIL() << "a bad pipeline file was accepted";
  } catch (const UsageError& e) {
    EXPECT_THAT(e.what(), HasSubstr(bad.string() + ": 'workers'"));
  }
  EXPECT_THROW(opis::core::load_pipeline_config(dir / "missing.yaml", kVariables), UsageError);
}

TEST(PipelineConfig, EmbeddedDefaultPipelineParses) {
  const PipelineConfig config =
      parse_pipeline_config(opis::core::default_pipeline_yaml(), "default", {{"out", "/o"}});
  EXPECT_FALSE(config.ingest.empty());
  ASSERT_FALSE(config.output.empty());
  bool writes_records_jsonl = false;
  for (const auto& step : config.output) {
    writes_records_jsonl |=
        step.plugin == "jsonl" && step.config.value("path", "") == "/o/records.jsonl";
  }
  EXPECT_TRUE(writes_records_jsonl) << "the default pipeline writes ${out}/records.jsonl";
}

}  // namespace
