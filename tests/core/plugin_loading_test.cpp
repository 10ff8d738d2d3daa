// The ABI rule and the loader's refusals (DESIGN.md §2): each broken or
// incompatible plugin gets its own clear error naming the file, and never
// stops the other plugins from loading.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opis/plugin.h>

#include <filesystem>
#include <fstream>

#include "opis/core/plugin_metadata.hpp"
#include "opis/core/plugin_registry.hpp"
#include "test_support.hpp"

namespace opis {
namespace {

namespace fs = std::filesystem;
using core::PluginLibrary;
using core::PluginLoadFailure;
using core::PluginRegistry;
using testing::HasSubstr;

fs::path fixture(const std::string& name) {
  const fs::path dir = test::fixture_plugin_dir() / name;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".so") return entry.path();
  }
  throw std::runtime_error("no fixture plugin in " + dir.string());
}

std::string refusal(const fs::path& file) {
  auto loaded = PluginLibrary::load(file);
  const auto* failure = std::get_if<PluginLoadFailure>(&loaded);
  return failure == nullptr ? std::string("<loaded>") : failure->message();
}

std::string host_abi() {
  return std::to_string(OPIS_ABI_MAJOR) + "." + std::to_string(OPIS_ABI_MINOR);
}

TEST(PluginLoading, PlainC99PluginLoadsAndRuns) {
  test::PluginHarness plugin(fixture("c99_enricher"), {{"prefix", "> "}});
  EXPECT_EQ(plugin.library().metadata().name, "c99-upper");
  EXPECT_EQ(plugin.library().metadata().version, "1.2.3");
  EXPECT_EQ(plugin.library().kind(), OPIS_KIND_ENRICH);

  auto record = test::make_record("Pyongyang hosted the plenum", "plenum report");
  ASSERT_TRUE(plugin.enrich(*record).ok());
  EXPECT_EQ(record->message().title(), "> PLENUM REPORT");
  ASSERT_EQ(record->message().annotations_size(), 1);
  const auto& note = record->message().annotations(0);
  EXPECT_EQ(note.type(), "first_word");
  EXPECT_EQ(note.value(), "Pyongyang");
  EXPECT_EQ(note.end(), 9u);
  // The host, not the plugin, says who added the annotation.
  EXPECT_EQ(note.plugin(), "c99-upper");
}

TEST(PluginLoading, PlainC99PluginFailureComesBackAsStatusAndMessage) {
  test::PluginHarness plugin(fixture("c99_enricher"));
  auto record = test::make_record("text without a title");
  const auto result = plugin.enrich(*record);
  EXPECT_EQ(result.status, OPIS_INVALID_INPUT);
  EXPECT_EQ(result.message, "record has no title");
}

TEST(PluginLoading, DifferentMajorIsRefusedNamingFileVersionsAndRule) {
  for (const char* name : {"abi_major_2", "abi_major_0"}) {
    const fs::path file = fixture(name);
    const std::string message = refusal(file);
    EXPECT_THAT(message, HasSubstr(file.string()));
    EXPECT_THAT(message, HasSubstr(name == std::string("abi_major_2") ? "ABI 2.0" : "ABI 0.9"));
    EXPECT_THAT(message, HasSubstr("this host implements ABI " + host_abi()));
    EXPECT_THAT(message, HasSubstr("major must equal the host's"));
  }
}

TEST(PluginLoading, NewerMinorIsRefusedNamingFileVersionsAndRule) {
  const fs::path file = fixture("abi_minor_newer");
  const std::string message = refusal(file);
  const std::string newer =
      std::to_string(OPIS_ABI_MAJOR) + "." + std::to_string(OPIS_ABI_MINOR + 1);
  EXPECT_THAT(message, HasSubstr(file.string()));
  EXPECT_THAT(message, HasSubstr("ABI " + newer));
  EXPECT_THAT(message, HasSubstr("this host implements ABI " + host_abi()));
  EXPECT_THAT(message, HasSubstr("minor must be at most the host's"));
}

TEST(PluginLoading, AbiRuleAcceptsOlderMinorOfSameMajorOnly) {
  EXPECT_FALSE(core::abi_incompatibility(OPIS_ABI_MAJOR, 0));
  EXPECT_FALSE(core::abi_incompatibility(OPIS_ABI_MAJOR, OPIS_ABI_MINOR));
  EXPECT_TRUE(core::abi_incompatibility(OPIS_ABI_MAJOR, OPIS_ABI_MINOR + 1));
  EXPECT_TRUE(core::abi_incompatibility(OPIS_ABI_MAJOR + 1, 0));
  EXPECT_TRUE(core::abi_incompatibility(OPIS_ABI_MAJOR - 1, 99));
}

TEST(PluginLoading, IncompatiblePluginIsRefusedBeforeItsCodeRuns) {
  // The refusal comes from the metadata section alone: the library was never
  // mapped, so the fixture's symbols are not in the process.
  const fs::path file = fixture("abi_major_2");
  ASSERT_THAT(refusal(file), HasSubstr("refused"));
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line))
    EXPECT_THAT(line, testing::Not(HasSubstr(file.filename().string())));
}

TEST(PluginLoading, LibraryWithoutEntrySymbolHasItsOwnError) {
  const fs::path plain = fixture("not_a_plugin");
  EXPECT_THAT(refusal(plain), HasSubstr("not an opis plugin"));
  EXPECT_THAT(refusal(plain), HasSubstr("does not export opis_plugin_v1"));

  const fs::path half = fixture("metadata_without_entry");
  EXPECT_THAT(refusal(half), HasSubstr("does not export the entry symbol opis_plugin_v1"));
}

TEST(PluginLoading, TruncatedLibraryHasItsOwnError) {
  test::TempDir dir;
  const std::string whole = test::read_file(fixture("c99_enricher"));
  const fs::path truncated = dir.write("truncated.so", whole.substr(0, whole.size() / 3));
  const std::string message = refusal(truncated);
  EXPECT_THAT(message, HasSubstr(truncated.string()));
  EXPECT_THAT(message, HasSubstr("truncated"));
}

TEST(PluginLoading, GarbageFileHasItsOwnError) {
  test::TempDir dir;
  std::string garbage(4096, '\0');
  for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 131 + 7) % 251);
  const fs::path file = dir.write("garbage.so", garbage);
  EXPECT_THAT(refusal(file), HasSubstr("not an ELF shared library"));

  const fs::path empty = dir.write("empty.so", "");
  EXPECT_THAT(refusal(empty), HasSubstr("not an ELF shared library"));
}

TEST(PluginLoading, CorruptMetadataSectionIsReported) {
  test::TempDir dir;
  std::string bytes = test::read_file(fixture("c99_enricher"));
  const auto magic = bytes.find(OPIS_METADATA_MAGIC);
  ASSERT_NE(magic, std::string::npos);
  bytes[magic] = 'X';
  const fs::path file = dir.write("corrupt-meta.so", bytes);
  EXPECT_THAT(refusal(file), HasSubstr("unreadable opis metadata"));
}

TEST(PluginLoading, MetadataIsReadableWithoutLoading) {
  const auto read = core::read_plugin_metadata(fixture("c99_enricher"));
  ASSERT_EQ(read.problem, core::MetadataReadResult::Problem::kNone) << read.error;
  EXPECT_EQ(read.metadata.name, "c99-upper");
  EXPECT_EQ(read.metadata.kind, "enrich");
  EXPECT_EQ(read.metadata.abi(), host_abi());
  EXPECT_THAT(read.metadata.config_schema, HasSubstr("\"prefix\""));
  EXPECT_TRUE(read.exports_entry_symbol);
}

TEST(PluginLoading, RegistryKeepsGoodPluginsNextToRefusedOnes) {
  test::TempDir dir;
  for (const char* name : {"c99_enricher", "abi_major_2", "abi_minor_newer", "not_a_plugin",
                           "metadata_without_entry"}) {
    fs::copy_file(fixture(name), dir / (std::string(name) + ".so"));
  }
  dir.write("garbage.so", "this is not a library");
  const auto registry = PluginRegistry::load({dir.path(), test::builtin_plugin_dir()});
  EXPECT_NE(registry.find(OPIS_KIND_ENRICH, "c99-upper"), nullptr);
  EXPECT_NE(registry.find(OPIS_KIND_INGEST, "text"), nullptr);
  EXPECT_NE(registry.find(OPIS_KIND_OUTPUT, "jsonl"), nullptr);
  EXPECT_EQ(registry.failures().size(), 5u);
  for (const auto& failure : registry.failures()) {
    EXPECT_EQ(failure.path.parent_path(), dir.path()) << failure.message();
  }
}

TEST(PluginLoading, EarlierDirectoryOverridesLaterOneWithoutLoadingTheDuplicate) {
  test::TempDir first;
  test::TempDir second;
  fs::copy_file(fixture("c99_enricher"), first / "upper.so");
  fs::copy_file(fixture("c99_enricher"), second / "upper.so");
  const auto registry = PluginRegistry::load({first.path(), second.path()});
  ASSERT_NE(registry.find(OPIS_KIND_ENRICH, "c99-upper"), nullptr);
  EXPECT_EQ(registry.find(OPIS_KIND_ENRICH, "c99-upper")->path(), first / "upper.so");
  ASSERT_EQ(registry.notes().size(), 1u);
  EXPECT_THAT(registry.notes().front(), HasSubstr("already loaded"));
}

TEST(PluginLoading, UnloadingReallyUnloads) {
  // The version script keeps libstdc++'s GNU_UNIQUE symbols local, so the
  // last reference going away unmaps the library (TOOLCHAIN.md).
#ifdef OPIS_KEEP_PLUGINS_MAPPED
  GTEST_SKIP() << "sanitizer builds keep plugins mapped (RTLD_NODELETE) for leak reports";
#endif
  const fs::path file = test::builtin_plugin_dir() / "ingest-text.so";
  auto mapped = [&] {
    std::ifstream maps("/proc/self/maps");
    std::string line;
    while (std::getline(maps, line)) {
      if (line.find(file.string()) != std::string::npos) return true;
    }
    return false;
  };
  {
    auto plugin = test::PluginHarness(file);
    ASSERT_TRUE(mapped());
    ASSERT_TRUE(plugin.ingest("some text").call.ok());
  }
  EXPECT_FALSE(mapped());
}

}  // namespace
}  // namespace opis
