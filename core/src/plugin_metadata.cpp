#include "opis/core/plugin_metadata.hpp"

#include <opis/plugin.h>

#include <charconv>

#include "opis/core/elf_file.hpp"

namespace opis::core {

namespace {

using Problem = MetadataReadResult::Problem;

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

bool parse_abi(std::string_view text, uint32_t& major, uint32_t& minor) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos) return false;
  const auto a = std::from_chars(text.data(), text.data() + dot, major);
  const auto b = std::from_chars(text.data() + dot + 1, text.data() + text.size(), minor);
  return a.ec == std::errc{} && a.ptr == text.data() + dot && b.ec == std::errc{} &&
         b.ptr == text.data() + text.size();
}

// The section holds OPIS_METADATA_MAGIC then NUL-separated key=value pairs
// (see OPIS_PLUGIN_METADATA in plugin.h).
std::string parse_section(std::string_view section, PluginMetadata& out) {
  const std::string_view magic = OPIS_METADATA_MAGIC;
  if (section.substr(0, magic.size() + 1) != std::string(magic) + '\0') {
    return "the metadata section does not start with '" + std::string(magic) + "'";
  }
  section.remove_prefix(magic.size() + 1);
  bool have_abi = false;
  while (!section.empty()) {
    const auto end = section.find('\0');
    const std::string_view entry = section.substr(0, end);
    section.remove_prefix(end == std::string_view::npos ? section.size() : end + 1);
    if (entry.empty()) continue;
    const auto eq = entry.find('=');
    if (eq == std::string_view::npos)
      return "malformed metadata entry '" + std::string(entry) + "'";
    const std::string_view key = entry.substr(0, eq);
    const std::string_view value = entry.substr(eq + 1);
    if (key == "abi") {
      if (!parse_abi(value, out.abi_major, out.abi_minor)) {
        return "malformed ABI version '" + std::string(value) + "'";
      }
      have_abi = true;
    } else if (key == "kind") {
      out.kind = value;
    } else if (key == "name") {
      out.name = value;
    } else if (key == "version") {
      out.version = value;
    } else if (key == "description") {
      out.description = value;
    } else if (key == "media_types") {
      out.media_types = split_list(value);
    } else if (key == "file_patterns") {
      out.file_patterns = split_list(value);
    } else if (key == "config_schema") {
      out.config_schema = value;
    }
    // Unknown keys come from newer SDKs; ignoring them keeps old hosts working.
  }
  if (!have_abi) return "the metadata has no ABI version";
  if (out.name.empty()) return "the metadata has no plugin name";
  if (out.kind != "ingest" && out.kind != "enrich" && out.kind != "output") {
    return "unknown plugin kind '" + out.kind + "' (expected ingest, enrich or output)";
  }
  return {};
}

}  // namespace

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    std::string item = trim(text.substr(0, comma));
    if (!item.empty()) out.push_back(std::move(item));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

MetadataReadResult read_plugin_metadata(const std::filesystem::path& file) {
  MetadataReadResult result;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    result.problem = Problem::kUnreadable;
    result.error = ec ? ec.message() : "not a regular file";
    return result;
  }
  std::optional<ElfFile> elf;
  try {
    elf.emplace(ElfFile::read(file));
  } catch (const std::exception& e) {
    result.problem = Problem::kNotSharedObject;
    result.error = e.what();
    return result;
  }
  result.exports_entry_symbol = elf->has_dynamic_symbol(OPIS_ENTRY_SYMBOL);
  const auto section = elf->section(OPIS_METADATA_SECTION);
  if (!section) {
    result.problem = Problem::kNoMetadata;
    result.error =
        std::string("not an opis plugin: it has no '") + OPIS_METADATA_SECTION +
        "' metadata section" +
        (result.exports_entry_symbol ? std::string(" (it exports ") + OPIS_ENTRY_SYMBOL +
                                           "; was it built without OPIS_PLUGIN_METADATA?)"
                                     : std::string(" and does not export ") + OPIS_ENTRY_SYMBOL);
    return result;
  }
  if (std::string error = parse_section(*section, result.metadata); !error.empty()) {
    result.problem = Problem::kBadMetadata;
    result.error = "unreadable opis metadata: " + error;
  }
  return result;
}

}  // namespace opis::core
