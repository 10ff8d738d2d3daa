// A plugin's metadata, read from its ELF file without loading it, so that
// `opis plugins inspect` works on untrusted or broken plugins and the ABI is
// checked before dlopen runs any of the plugin's code.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace opis::core {

struct PluginMetadata {
  uint32_t abi_major = 0;
  uint32_t abi_minor = 0;
  std::string kind;  // "ingest", "enrich", "output"
  std::string name;
  std::string version;
  std::string description;
  std::vector<std::string> media_types;
  std::vector<std::string> file_patterns;
  std::string config_schema;

  std::string abi() const { return std::to_string(abi_major) + "." + std::to_string(abi_minor); }
};

// What reading a file found. `error` is empty on success.
struct MetadataReadResult {
  enum class Problem {
    kNone,
    kUnreadable,       // cannot open or read the file
    kNotSharedObject,  // not ELF, truncated or corrupt
    kNoMetadata,       // a valid library without the opis metadata section
    kBadMetadata,      // the section exists but cannot be parsed
  };
  Problem problem = Problem::kNone;
  std::string error;
  PluginMetadata metadata;
  bool exports_entry_symbol = false;  // dynamic symbol table has opis_plugin_v<major>
};

MetadataReadResult read_plugin_metadata(const std::filesystem::path& file);

// Splits "a, b,c" into {"a","b","c"}.
std::vector<std::string> split_list(std::string_view text);

}  // namespace opis::core
