// Every plugin found on the search path, by kind and name, plus the files
// that were refused and why. A refused file never stops the others.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "opis/core/plugin_library.hpp"

namespace opis::core {

class PluginRegistry {
 public:
  // Loads every "*.so" in `directories` (not recursive), in order; a plugin
  // whose kind and name were already loaded from an earlier directory is
  // skipped with a note, so earlier directories override later ones.
  static PluginRegistry load(const std::vector<std::filesystem::path>& directories);

  // Adds one file; refusals go to failures().
  void add_file(const std::filesystem::path& file);

  const PluginLibrary* find(opis_plugin_kind kind, std::string_view name) const;
  const std::vector<std::shared_ptr<const PluginLibrary>>& plugins() const { return plugins_; }
  const std::vector<PluginLoadFailure>& failures() const { return failures_; }
  const std::vector<std::string>& notes() const { return notes_; }
  std::shared_ptr<const PluginLibrary> shared(const PluginLibrary* plugin) const;

 private:
  std::vector<std::shared_ptr<const PluginLibrary>> plugins_;
  std::vector<PluginLoadFailure> failures_;
  std::vector<std::string> notes_;
};

// The plugin search path: --plugin-path entries, then OPIS_PLUGIN_PATH
// entries (both colon-separated), then the built-in plugin directory
// (<executable>/../lib/opis/plugins).
std::vector<std::filesystem::path> plugin_search_path(std::string_view plugin_path_option);
std::filesystem::path builtin_plugin_directory();

}  // namespace opis::core
