// `opis plugins new`: what it writes and what it refuses. That the folders
// it writes build and pass their tests against the installed SDK is checked
// by scripts/check-installed-sdk (make check-sdk).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opis/plugin.h>

#include <filesystem>

#include "test_support.hpp"

namespace opis {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing::Not;

TEST(PluginsNew, WritesBuildSourceReadmeAndTestForEachKindAndLanguage) {
  test::TempDir dir;
  for (const std::string lang : {"cpp", "c"}) {
    for (const std::string kind : {"ingest", "enrich", "output"}) {
      const std::string name = "my-" + kind + "-" + lang;
      const auto result = test::run_opis(
          {"plugins", "new", name, "--kind", kind, "--lang", lang, "--dir", dir.path().string()});
      ASSERT_EQ(result.exit_code, 0) << result.err;
      const fs::path folder = dir / name;
      const std::string ident = "my_" + kind + "_" + lang;
      const std::string cmake = test::read_file(folder / "CMakeLists.txt");
      EXPECT_THAT(cmake, HasSubstr("find_package(opis-sdk " OPIS_STRINGIFY(
                             OPIS_ABI_MAJOR) "." OPIS_STRINGIFY(OPIS_ABI_MINOR) " REQUIRED)"));
      EXPECT_THAT(cmake, HasSubstr("opis_add_plugin(NAME " + name + " KIND " + kind + " SOURCES " +
                                   ident + "." + lang + ")"));
      const std::string source = test::read_file(folder / (ident + "." + lang));
      EXPECT_THAT(source, HasSubstr("\"" + name + "\""));
      const std::string test_source = test::read_file(folder / "tests" / (ident + "_test.cpp"));
      EXPECT_THAT(test_source, HasSubstr("#include <opis/testing.hpp>"));
      const std::string readme = test::read_file(folder / "README.md");
      EXPECT_THAT(readme, HasSubstr("# " + name));
      for (const auto& text : {cmake, source, test_source, readme}) {
        EXPECT_THAT(text, Not(HasSubstr("@@")));
      }
      EXPECT_THAT(result.out, HasSubstr("created " + folder.string()));
    }
  }
}

TEST(PluginsNew, ClassNamesFollowThePluginName) {
  test::TempDir dir;
  ASSERT_EQ(test::run_opis({"plugins", "new", "archive-tagger2", "--kind", "enrich", "--dir",
                            dir.path().string()})
                .exit_code,
            0);
  EXPECT_THAT(test::read_file(dir / "archive-tagger2" / "archive_tagger2.cpp"),
              HasSubstr("class ArchiveTagger2Enricher : public opis::sdk::Enricher"));
}

TEST(PluginsNew, BadNamesAreRefusedAndLeaveNothing) {
  test::TempDir dir;
  for (const std::string name : {"Bad", "9lives", "with_underscore", "trailing-", "double--dash"}) {
    const auto result =
        test::run_opis({"plugins", "new", name, "--kind", "enrich", "--dir", dir.path().string()});
    EXPECT_EQ(result.exit_code, 2) << name;
    EXPECT_THAT(result.err, HasSubstr("plugin name '" + name + "'")) << name;
    EXPECT_FALSE(fs::exists(dir / name)) << name;
  }
}

TEST(PluginsNew, AnExistingFolderIsNeverTouched) {
  test::TempDir dir;
  dir.write("taken/keep.txt", "mine");
  const auto result =
      test::run_opis({"plugins", "new", "taken", "--kind", "output", "--dir", dir.path().string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr((dir / "taken").string() + " already exists"));
  EXPECT_EQ(test::read_file(dir / "taken" / "keep.txt"), "mine");
  EXPECT_FALSE(fs::exists(dir / "taken" / "CMakeLists.txt"));
}

TEST(PluginsNew, UnknownKindLanguageOrDirectoryIsRefused) {
  test::TempDir dir;
  const std::string where = dir.path().string();
  auto result = test::run_opis({"plugins", "new", "x", "--kind", "filter", "--dir", where});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("--kind must be ingest, enrich or output, not 'filter'"));
  result =
      test::run_opis({"plugins", "new", "x", "--kind", "enrich", "--lang", "rust", "--dir", where});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("--lang must be cpp or c, not 'rust'"));
  result = test::run_opis({"plugins", "new", "x", "--kind", "enrich", "--dir", where + "/nope"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("/nope: no such directory"));
  result = test::run_opis({"plugins", "new", "x", "--dir", where});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("--kind is required"));
}

TEST(PluginsNew, DefaultsToCppInTheCurrentDirectory) {
  test::TempDir dir;
  const auto result =
      test::run_opis({"plugins", "new", "here", "--kind", "ingest"}, "", dir.path());
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(fs::exists(dir / "here" / "here.cpp"));
}

}  // namespace
}  // namespace opis
