#include "opis/core/plugin_registry.hpp"

#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdlib>

#include "opis/core/plugin_metadata.hpp"

namespace opis::core {

namespace {

void append_colon_list(std::string_view list, std::vector<std::filesystem::path>& out) {
  while (!list.empty()) {
    const auto colon = list.find(':');
    const std::string_view entry = list.substr(0, colon);
    if (!entry.empty()) out.emplace_back(entry);
    if (colon == std::string_view::npos) break;
    list.remove_prefix(colon + 1);
  }
}

}  // namespace

std::filesystem::path builtin_plugin_directory() {
  const std::filesystem::path exe(boost::dll::program_location().string());
  return (exe.parent_path() / ".." / "lib" / "opis" / "plugins").lexically_normal();
}

std::vector<std::filesystem::path> plugin_search_path(std::string_view plugin_path_option) {
  std::vector<std::filesystem::path> path;
  append_colon_list(plugin_path_option, path);
  if (const char* env = std::getenv("OPIS_PLUGIN_PATH")) append_colon_list(env, path);
  path.push_back(builtin_plugin_directory());
  return path;
}

PluginRegistry PluginRegistry::load(const std::vector<std::filesystem::path>& directories) {
  PluginRegistry registry;
  for (const auto& dir : directories) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      registry.notes_.push_back("plugin directory " + dir.string() + " does not exist");
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".so") files.push_back(entry.path());
    }
    // Sorted, so which duplicate wins never depends on directory order.
    std::sort(files.begin(), files.end());
    for (const auto& file : files) registry.add_file(file);
  }
  return registry;
}

void PluginRegistry::add_file(const std::filesystem::path& file) {
  // A duplicate is skipped before loading it: its code never runs.
  const MetadataReadResult read = read_plugin_metadata(file);
  if (read.problem == MetadataReadResult::Problem::kNone) {
    for (const auto& p : plugins_) {
      if (p->metadata().kind == read.metadata.kind && p->metadata().name == read.metadata.name) {
        notes_.push_back(file.string() + ": skipped, " + read.metadata.kind + " plugin '" +
                         read.metadata.name + "' is already loaded from " + p->path().string());
        return;
      }
    }
  }
  auto loaded = PluginLibrary::load(file, read);
  if (auto* failure = std::get_if<PluginLoadFailure>(&loaded)) {
    failures_.push_back(std::move(*failure));
  } else {
    plugins_.push_back(std::get<std::shared_ptr<const PluginLibrary>>(std::move(loaded)));
  }
}

const PluginLibrary* PluginRegistry::find(opis_plugin_kind kind, std::string_view name) const {
  for (const auto& p : plugins_) {
    if (p->kind() == kind && p->metadata().name == name) return p.get();
  }
  return nullptr;
}

std::shared_ptr<const PluginLibrary> PluginRegistry::shared(const PluginLibrary* plugin) const {
  for (const auto& p : plugins_) {
    if (p.get() == plugin) return p;
  }
  return nullptr;
}

}  // namespace opis::core
