// `opis plugins list` and `opis plugins inspect`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.hpp"

namespace opis {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing::MatchesRegex;

const std::vector<std::pair<std::string, std::string>> kBuiltins = {
    {"ingest", "text"}, {"ingest", "jsonl"}, {"output", "jsonl"}};

TEST(PluginsCommand, ListShowsEveryBuiltinWithKindVersionAndAbi) {
  const auto result = test::run_opis({"plugins", "list"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  for (const auto& [kind, name] : kBuiltins) {
    EXPECT_THAT(result.out, MatchesRegex("(.|\n)*\n" + kind + " +" + name +
                                         " +[0-9]+\\.[0-9]+\\.[0-9]+ +1\\.[0-9]+ +[A-Za-z](.|\n)*"))
        << kind << "/" << name;
  }
}

TEST(PluginsCommand, ListAsJson) {
  const auto result = test::run_opis({"plugins", "list", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto plugins = nlohmann::json::parse(result.out);
  ASSERT_GE(plugins.size(), kBuiltins.size());
  for (const auto& p : plugins) {
    EXPECT_TRUE(p["config_schema"].is_object()) << p["name"];
    EXPECT_TRUE(fs::exists(p["path"].get<std::string>()));
  }
}

TEST(PluginsCommand, ListGoesOnPastRefusedPlugins) {
  const auto result = test::run_opis({"--plugin-path",
                                      (test::fixture_plugin_dir() / "abi_major_2").string() + ":" +
                                          (test::fixture_plugin_dir() / "c99_enricher").string(),
                                      "plugins", "list"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("c99-upper"));
  EXPECT_THAT(result.out, HasSubstr("text"));
  EXPECT_THAT(result.err, HasSubstr("enrich-abi_major_2.so: refused: plugin built for ABI 2.0"));
}

TEST(PluginsCommand, InspectEachBuiltinPrintsMetadataAndSchema) {
  for (const auto& [kind, name] : kBuiltins) {
    const fs::path file = test::builtin_plugin_dir() / (kind + "-" + name + ".so");
    const auto result = test::run_opis({"plugins", "inspect", file.string()});
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_THAT(result.out, HasSubstr("name:          " + name));
    EXPECT_THAT(result.out, HasSubstr("kind:          " + kind));
    EXPECT_THAT(result.out, MatchesRegex("(.|\n)*version: +[0-9]+\\.[0-9]+\\.[0-9]+\n(.|\n)*"));
    EXPECT_THAT(result.out, HasSubstr("compatible with this host"));
    EXPECT_THAT(result.out, HasSubstr("config schema:\n{"));
    EXPECT_THAT(result.out, HasSubstr("\"additionalProperties\": false"));
  }
}

TEST(PluginsCommand, InspectByName) {
  const auto result = test::run_opis({"plugins", "inspect", "output/jsonl", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto info = nlohmann::json::parse(result.out);
  EXPECT_EQ(info["kind"], "output");
  EXPECT_EQ(info["config_schema"]["required"][0], "path");
}

TEST(PluginsCommand, InspectShowsAnIncompatiblePluginWithoutLoadingIt) {
  const fs::path file = test::fixture_plugin_dir() / "abi_major_2" / "enrich-abi_major_2.so";
  const auto result = test::run_opis({"plugins", "inspect", file.string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("abi:           2.0 (refused: plugin built for ABI 2.0"));
}

TEST(PluginsCommand, InspectOfABrokenFileSaysWhy) {
  test::TempDir dir;
  const fs::path file = dir.write("broken.so",
                                  "\x7f"
                                  "ELF but then nothing useful");
  const auto result = test::run_opis({"plugins", "inspect", file.string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr(file.string() + ": "));

  const auto missing = test::run_opis({"plugins", "inspect", "no-such-plugin"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("no such file, and no plugin of that name"));
}

}  // namespace
}  // namespace opis
