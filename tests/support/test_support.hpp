// Shared by the test suites: where the build put things, temporary
// directories, running the real `opis` executable, and a harness that runs
// one plugin without a pipeline.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "opis/core/host_objects.hpp"
#include "opis/core/plugin_instance.hpp"
#include "opis/core/plugin_library.hpp"

namespace opis::test {

std::filesystem::path source_dir();          // the repository
std::filesystem::path builtin_plugin_dir();  // build/lib/opis/plugins
std::filesystem::path fixture_plugin_dir();  // build/tests/plugins (test-only plugins)
std::filesystem::path opis_executable();     // build/bin/opis
// ../shared/seeds beside the checkout; empty when absent (tests then skip).
std::filesystem::path seeds_dir();

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Writes `content` to `name` (creating directories) and returns the path.
  std::filesystem::path write(const std::string& name, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& file);

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs build/bin/opis with `args` (no shell interpretation of the args),
// optional stdin, in `working_dir` when given.
CommandResult run_opis(const std::vector<std::string>& args, const std::string& stdin_data = "",
                       const std::filesystem::path& working_dir = {});

// Every line of a JSON-lines file, parsed.
std::vector<nlohmann::json> read_jsonl(const std::filesystem::path& file);

// One plugin, loaded from a file and instantiated with a config (schema
// defaults applied, schema violations thrown as errors), called directly.
class PluginHarness {
 public:
  PluginHarness(const std::filesystem::path& file,
                const nlohmann::json& config = nlohmann::json::object());
  // A built-in plugin by kind ("ingest") and name.
  static PluginHarness builtin(const std::string& kind, const std::string& name,
                               const nlohmann::json& config = nlohmann::json::object());

  struct IngestResult {
    core::CallResult call;
    std::vector<std::unique_ptr<opis_record>> records;
  };
  IngestResult ingest(const std::string& content, const std::string& name = "document.txt",
                      const std::string& media_type = "text/plain");
  core::CallResult enrich(opis_record& record);
  core::CallResult write(const opis_record& record);
  core::CallResult flush();
  int probe(const std::string& content, const std::string& name = "document.txt");

  const core::PluginLibrary& library() const { return *library_; }

 private:
  std::shared_ptr<const core::PluginLibrary> library_;
  opis_config config_;
  std::unique_ptr<core::PluginInstance> instance_;
};

// A record with the given text (and title), for enricher and writer tests.
std::unique_ptr<opis_record> make_record(const std::string& text, const std::string& title = "");

// The values of the record's metadata entries called `name`, in order.
std::vector<std::string> metadata_values(const opis::v1::Record& record, std::string_view name);

// The record's annotations of type `type`, in order.
std::vector<opis::v1::Annotation> annotations_of_type(const opis::v1::Record& record,
                                                      std::string_view type);

}  // namespace opis::test
