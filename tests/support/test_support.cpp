#include "test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "opis/core/config_schema.hpp"

namespace opis::test {

namespace fs = std::filesystem;

fs::path source_dir() {
  return OPIS_TEST_SOURCE_DIR;
}
fs::path builtin_plugin_dir() {
  return OPIS_TEST_BUILTIN_PLUGIN_DIR;
}
fs::path fixture_plugin_dir() {
  return OPIS_TEST_FIXTURE_PLUGIN_DIR;
}
fs::path opis_executable() {
  return OPIS_TEST_EXECUTABLE;
}

fs::path seeds_dir() {
  const fs::path seeds = source_dir().parent_path() / "shared" / "seeds";
  std::error_code ec;
  return fs::is_directory(seeds, ec) ? seeds : fs::path();
}

TempDir::TempDir() {
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path candidate =
        fs::temp_directory_path() / ("opis-test-" + std::to_string(random()));
    std::error_code ec;
    if (fs::create_directory(candidate, ec)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path TempDir::write(const std::string& name, const std::string& content) const {
  const fs::path file = path_ / name;
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << content;
  return file;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

CommandResult run_opis(const std::vector<std::string>& args, const std::string& stdin_data,
                       const fs::path& working_dir) {
  TempDir io;
  const fs::path in = io.write("stdin", stdin_data);
  const fs::path out = io / "stdout";
  const fs::path err = io / "stderr";
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    if (!working_dir.empty() && chdir(working_dir.c_str()) != 0) _exit(127);
    if (!freopen(in.c_str(), "rb", stdin) || !freopen(out.c_str(), "wb", stdout) ||
        !freopen(err.c_str(), "wb", stderr)) {
      _exit(127);
    }
    const std::string exe = opis_executable().string();
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(exe.c_str()));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    execv(exe.c_str(), argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

std::vector<nlohmann::json> read_jsonl(const fs::path& file) {
  std::vector<nlohmann::json> lines;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(nlohmann::json::parse(line));
  }
  return lines;
}

PluginHarness::PluginHarness(const fs::path& file, const nlohmann::json& config) {
  auto loaded = core::PluginLibrary::load(file);
  if (auto* failure = std::get_if<core::PluginLoadFailure>(&loaded)) {
    throw std::runtime_error(failure->message());
  }
  library_ = std::get<std::shared_ptr<const core::PluginLibrary>>(loaded);
  const auto errors = library_->schema().validate(config);
  if (!errors.empty()) throw std::runtime_error("config rejected: " + errors.front());
  config_.value = library_->schema().with_defaults(config);
  config_.text = config_.value.dump();
  instance_ = std::make_unique<core::PluginInstance>(library_, config_);
}

PluginHarness PluginHarness::builtin(const std::string& kind, const std::string& name,
                                     const nlohmann::json& config) {
  return PluginHarness(builtin_plugin_dir() / (kind + "-" + name + ".so"), config);
}

PluginHarness::IngestResult PluginHarness::ingest(const std::string& content,
                                                  const std::string& name,
                                                  const std::string& media_type) {
  IngestResult result;
  const opis_document document{sizeof(opis_document),
                               {content.data(), content.size()},
                               {name.data(), name.size()},
                               {name.data(), name.size()},
                               {media_type.data(), media_type.size()},
                               {nullptr, 0}};
  result.call = instance_->ingest(document, result.records, nullptr);
  return result;
}

core::CallResult PluginHarness::enrich(opis_record& record) {
  return instance_->enrich(record, "test", nullptr);
}
core::CallResult PluginHarness::write(const opis_record& record) {
  return instance_->write(record, "test");
}
core::CallResult PluginHarness::flush() {
  return instance_->flush();
}

int PluginHarness::probe(const std::string& content, const std::string& name) {
  const opis_document document{sizeof(opis_document),      {content.data(), content.size()},
                               {name.data(), name.size()}, {name.data(), name.size()},
                               {"text/plain", 10},         {nullptr, 0}};
  return instance_->probe(document);
}

std::unique_ptr<opis_record> make_record(const std::string& text, const std::string& title) {
  auto record = std::make_unique<opis_record>();
  record->message().set_id("test-record");
  record->message().set_kind("document");
  record->message().set_text(text);
  record->message().set_title(title);
  return record;
}

std::vector<std::string> metadata_values(const opis::v1::Record& record, std::string_view name) {
  std::vector<std::string> values;
  for (const auto& property : record.metadata()) {
    if (property.name() == name) values.push_back(property.value());
  }
  return values;
}

std::vector<opis::v1::Annotation> annotations_of_type(const opis::v1::Record& record,
                                                      std::string_view type) {
  std::vector<opis::v1::Annotation> found;
  for (const auto& annotation : record.annotations()) {
    if (annotation.type() == type) found.push_back(annotation);
  }
  return found;
}

}  // namespace opis::test
