// One plugin file, checked and loaded. Loading follows the order DESIGN.md
// asks for: read the metadata section without running plugin code, refuse an
// incompatible ABI, parse the config schema, and only then dlopen (Boost.DLL)
// and call the entry point.
#pragma once

#include <opis/plugin.h>

#include <boost/dll/shared_library.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "opis/core/config_schema.hpp"
#include "opis/core/host_objects.hpp"
#include "opis/core/plugin_metadata.hpp"

namespace opis::core {

// Why a plugin file was refused. `reason` names both versions and the rule
// for ABI mismatches; `path` is the file.
struct PluginLoadFailure {
  std::filesystem::path path;
  std::string reason;
  std::string message() const { return path.string() + ": " + reason; }
};

// The ABI compatibility rule: same major, plugin minor <= host minor. Returns
// the refusal reason, or nullopt when compatible.
std::optional<std::string> abi_incompatibility(uint32_t plugin_major, uint32_t plugin_minor);

class PluginLibrary {
 public:
  using LoadResult = std::variant<std::shared_ptr<const PluginLibrary>, PluginLoadFailure>;
  static LoadResult load(const std::filesystem::path& file);
  // Same, with the file's metadata already read.
  static LoadResult load(const std::filesystem::path& file, const MetadataReadResult& read);

  const std::filesystem::path& path() const { return path_; }
  const PluginMetadata& metadata() const { return metadata_; }
  const PluginIdentity& identity() const { return identity_; }
  const ConfigSchema& schema() const { return *schema_; }
  // The host's own copy: fields the plugin's older minor lacks are zero.
  const opis_plugin_descriptor& descriptor() const { return descriptor_; }
  opis_plugin_kind kind() const { return static_cast<opis_plugin_kind>(descriptor_.kind); }
  bool thread_safe() const { return (descriptor_.flags & OPIS_FLAG_THREAD_SAFE) != 0; }
  // An enricher that must see records one at a time, in input order.
  bool in_order() const {
    return descriptor_.kind == OPIS_KIND_ENRICH && (descriptor_.flags & OPIS_FLAG_IN_ORDER) != 0;
  }

 private:
  PluginLibrary() = default;

  std::filesystem::path path_;
  PluginMetadata metadata_;
  PluginIdentity identity_;
  std::optional<ConfigSchema> schema_;
  opis_plugin_descriptor descriptor_{};
  boost::dll::shared_library library_;
};

const char* kind_name(opis_plugin_kind kind);

}  // namespace opis::core
