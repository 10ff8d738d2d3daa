#include "opis/core/plugin_library.hpp"

#include <dlfcn.h>

#include <algorithm>
#include <cstring>

#include "opis/core/error.hpp"

namespace opis::core {

namespace {

std::string describe_mismatch(const char* what, const std::string& section,
                              const std::string& descriptor) {
  return std::string("metadata section and descriptor disagree on the ") + what + " ('" + section +
         "' vs '" + descriptor + "'); rebuild the plugin";
}

std::string text_or_empty(const char* s) {
  return s == nullptr ? std::string() : std::string(s);
}

}  // namespace

const char* kind_name(opis_plugin_kind kind) {
  switch (kind) {
    case OPIS_KIND_INGEST:
      return "ingest";
    case OPIS_KIND_ENRICH:
      return "enrich";
    case OPIS_KIND_OUTPUT:
      return "output";
  }
  return "unknown";
}

std::optional<std::string> abi_incompatibility(uint32_t plugin_major, uint32_t plugin_minor) {
  if (plugin_major == OPIS_ABI_MAJOR && plugin_minor <= OPIS_ABI_MINOR) return std::nullopt;
  const std::string plugin = std::to_string(plugin_major) + "." + std::to_string(plugin_minor);
  const std::string host = std::to_string(OPIS_ABI_MAJOR) + "." + std::to_string(OPIS_ABI_MINOR);
  std::string why = plugin_major != OPIS_ABI_MAJOR
                        ? "its ABI major differs from the host's"
                        : "it needs a newer host (its ABI minor is higher than the host's)";
  return "refused: plugin built for ABI " + plugin + ", this host implements ABI " + host + "; " +
         why +
         " (rule: the plugin's ABI major must equal the host's and its minor must be at "
         "most the host's)";
}

PluginLibrary::LoadResult PluginLibrary::load(const std::filesystem::path& file) {
  // 1. Metadata, without running any of the plugin's code.
  return load(file, read_plugin_metadata(file));
}

PluginLibrary::LoadResult PluginLibrary::load(const std::filesystem::path& file,
                                              const MetadataReadResult& read) {
  auto fail = [&](std::string reason) { return PluginLoadFailure{file, std::move(reason)}; };
  if (read.problem != MetadataReadResult::Problem::kNone) return fail(read.error);
  const PluginMetadata& meta = read.metadata;

  // 2. The ABI rule, before dlopen runs the plugin's static constructors.
  if (auto refusal = abi_incompatibility(meta.abi_major, meta.abi_minor)) return fail(*refusal);
  if (!read.exports_entry_symbol) {
    return fail(std::string("declares opis metadata but does not export the entry symbol ") +
                OPIS_ENTRY_SYMBOL);
  }

  std::shared_ptr<PluginLibrary> plugin(new PluginLibrary());
  plugin->path_ = file;
  plugin->metadata_ = meta;
  try {
    plugin->schema_.emplace(meta.config_schema);
  } catch (const UsageError& e) {
    return fail(e.what());
  }

  // 3. Load. RTLD_NOW makes a missing dependency fail here, not mid-batch.
  auto mode = boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local;
#ifdef OPIS_KEEP_PLUGINS_MAPPED
  // Sanitizer builds: a plugin (and the libraries it alone pulls in, such as
  // ICU) stays mapped after unload, so leak reports can name its frames and
  // its libraries' caches stay reachable instead of showing as leaks.
  mode = mode | static_cast<boost::dll::load_mode::type>(RTLD_NODELETE);
#endif
  try {
    plugin->library_.load(boost::dll::fs::path(file.string()), mode);
  } catch (const std::exception& e) {
    return fail(std::string("cannot load the library: ") + e.what());
  }
  if (!plugin->library_.has(OPIS_ENTRY_SYMBOL)) {
    return fail(std::string("does not export the entry symbol ") + OPIS_ENTRY_SYMBOL);
  }
  const auto entry = plugin->library_.get<const opis_plugin_descriptor*()>(OPIS_ENTRY_SYMBOL);
  const opis_plugin_descriptor* theirs = entry();
  if (theirs == nullptr) return fail(std::string(OPIS_ENTRY_SYMBOL) + " returned no descriptor");
  if (theirs->struct_size < offsetof(opis_plugin_descriptor, create)) {
    return fail("the descriptor is too small (" + std::to_string(theirs->struct_size) +
                " bytes) to be an opis descriptor");
  }
  // Copy what both sides know into a zeroed struct: an older plugin simply
  // has no newer callbacks.
  std::memcpy(&plugin->descriptor_, theirs,
              std::min(theirs->struct_size, sizeof(opis_plugin_descriptor)));
  plugin->descriptor_.struct_size = sizeof(opis_plugin_descriptor);
  const auto& d = plugin->descriptor_;

  // 4. The descriptor must say what the metadata said.
  if (d.abi_major != meta.abi_major || d.abi_minor != meta.abi_minor) {
    return fail(describe_mismatch("ABI version", meta.abi(),
                                  std::to_string(d.abi_major) + "." + std::to_string(d.abi_minor)));
  }
  const std::string kind = kind_name(static_cast<opis_plugin_kind>(d.kind));
  if (kind != meta.kind) return fail(describe_mismatch("kind", meta.kind, kind));
  if (text_or_empty(d.name) != meta.name) {
    return fail(describe_mismatch("name", meta.name, text_or_empty(d.name)));
  }
  if (text_or_empty(d.version) != meta.version) {
    return fail(describe_mismatch("version", meta.version, text_or_empty(d.version)));
  }
  if (d.create == nullptr || d.destroy == nullptr)
    return fail("the descriptor has no create/destroy");
  if (d.kind == OPIS_KIND_INGEST && d.ingest == nullptr)
    return fail("an ingest plugin without ingest()");
  if (d.kind == OPIS_KIND_ENRICH && d.enrich == nullptr)
    return fail("an enrich plugin without enrich()");
  if (d.kind == OPIS_KIND_OUTPUT && d.write == nullptr)
    return fail("an output plugin without write()");

  plugin->identity_ = PluginIdentity{meta.name, meta.version, meta.kind};
  return std::shared_ptr<const PluginLibrary>(std::move(plugin));
}

}  // namespace opis::core
