#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "opis/core/plugin_library.hpp"
#include "opis/core/plugin_metadata.hpp"
#include "opis/core/plugin_registry.hpp"

namespace opis::cli {

namespace {

using json = nlohmann::json;

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

json metadata_json(const core::PluginMetadata& m) {
  json schema;
  try {
    schema = json::parse(m.config_schema.empty() ? "{}" : m.config_schema);
  } catch (const json::exception&) {
    schema = m.config_schema;  // shown as text; loading would refuse it
  }
  return {{"name", m.name},
          {"kind", m.kind},
          {"version", m.version},
          {"abi", m.abi()},
          {"description", m.description},
          {"media_types", m.media_types},
          {"file_patterns", m.file_patterns},
          {"config_schema", schema}};
}

}  // namespace

int plugins_list_command(const GlobalOptions& global, bool as_json) {
  const auto registry = core::PluginRegistry::load(core::plugin_search_path(global.plugin_path));
  if (as_json) {
    json out = json::array();
    for (const auto& p : registry.plugins()) {
      json entry = metadata_json(p->metadata());
      entry["path"] = p->path().string();
      out.push_back(entry);
    }
    std::printf("%s\n", out.dump(2).c_str());
  } else {
    std::printf("%-7s %-16s %-9s %-4s %s\n", "KIND", "NAME", "VERSION", "ABI", "DESCRIPTION");
    for (const auto& p : registry.plugins()) {
      const auto& m = p->metadata();
      std::printf("%-7s %-16s %-9s %-4s %s\n", m.kind.c_str(), m.name.c_str(), m.version.c_str(),
                  m.abi().c_str(), m.description.c_str());
    }
  }
  for (const auto& failure : registry.failures()) {
    std::fprintf(stderr, "opis: %s\n", failure.message().c_str());
  }
  return registry.failures().empty() ? kExitOk : kExitFailures;
}

int plugins_inspect_command(const GlobalOptions& global, const std::string& target, bool as_json) {
  std::filesystem::path file(target);
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    // Not a file: look the name up ("text", or "ingest/text") on the search path.
    const auto slash = target.find('/');
    const std::string kind = slash == std::string::npos ? "" : target.substr(0, slash);
    const std::string name = slash == std::string::npos ? target : target.substr(slash + 1);
    const auto registry = core::PluginRegistry::load(core::plugin_search_path(global.plugin_path));
    file.clear();
    for (const auto& p : registry.plugins()) {
      if (p->metadata().name == name && (kind.empty() || p->metadata().kind == kind)) {
        file = p->path();
        break;
      }
    }
    if (file.empty()) {
      std::fprintf(stderr, "opis: %s: no such file, and no plugin of that name\n", target.c_str());
      return kExitUsage;
    }
  }
  // Read only: nothing of the plugin's code runs.
  const core::MetadataReadResult read = core::read_plugin_metadata(file);
  if (read.problem != core::MetadataReadResult::Problem::kNone) {
    std::fprintf(stderr, "opis: %s: %s\n", file.string().c_str(), read.error.c_str());
    return kExitFailures;
  }
  const auto& m = read.metadata;
  const auto incompatibility = core::abi_incompatibility(m.abi_major, m.abi_minor);
  const std::string compatibility =
      incompatibility ? *incompatibility : "compatible with this host";
  if (as_json) {
    json out = metadata_json(m);
    out["path"] = file.string();
    out["exports_entry_symbol"] = read.exports_entry_symbol;
    out["compatibility"] = compatibility;
    std::printf("%s\n", out.dump(2).c_str());
    return kExitOk;
  }
  std::printf("file:          %s\n", file.string().c_str());
  std::printf("name:          %s\n", m.name.c_str());
  std::printf("kind:          %s\n", m.kind.c_str());
  std::printf("version:       %s\n", m.version.c_str());
  std::printf("abi:           %s (%s)\n", m.abi().c_str(), compatibility.c_str());
  std::printf("description:   %s\n", m.description.c_str());
  if (m.kind == "ingest") {
    std::printf("media types:   %s\n", joined(m.media_types).c_str());
    std::printf("file patterns: %s\n", joined(m.file_patterns).c_str());
  }
  std::printf("entry symbol:  %s\n", read.exports_entry_symbol ? "exported" : "MISSING");
  std::printf("config schema:\n%s\n", metadata_json(m)["config_schema"].dump(2).c_str());
  return kExitOk;
}

}  // namespace opis::cli
