// `opis plugins new NAME --kind K [--lang cpp|c] [--dir D]`: writes an
// out-of-tree plugin folder that builds against the installed SDK and passes
// its own test as generated. The templates are the files in cli/templates/,
// compiled in by core/CMakeLists.txt.
#include <opis/plugin.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "commands.hpp"
#include "opis/core/error.hpp"
#include "opis/core/plugin_registry.hpp"
#include "plugin_templates.inc"

namespace opis::cli {

namespace {

namespace fs = std::filesystem;

std::string_view template_text(std::string_view name) {
  for (const auto& t : kPluginTemplates) {
    if (t.name == name) return t.text;
  }
  throw std::logic_error("plugin template " + std::string(name) + " is not compiled in");
}

// Plugin names follow the descriptor's rule ([a-z0-9-]+) and must also make
// a file name, a CMake target and a C identifier: a letter first, no
// leading, trailing or doubled '-'.
std::string name_problem(std::string_view name) {
  if (name.empty()) return "is empty";
  if (name.size() > 48) return "is longer than 48 characters";
  if (name.front() < 'a' || name.front() > 'z') return "must start with a lowercase letter";
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return "may hold only lowercase letters, digits and '-'";
    }
  }
  if (name.back() == '-' || name.find("--") != std::string_view::npos) {
    return "may not end with '-' or hold \"--\"";
  }
  return {};
}

std::string camel_case(std::string_view name) {
  std::string out;
  bool upper = true;
  for (const char c : name) {
    if (c == '-') {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

struct KindText {
  const char* class_suffix;
  const char* what;
  const char* config;
  const char* pipeline;
};

KindText kind_text(const std::string& kind) {
  if (kind == "ingest") {
    return {"Ingester",
            "It reads `*.@@name@@` files (media type `text/x-@@name@@`): the first line becomes "
            "the record's title, the rest its text; an empty document or invalid UTF-8 is "
            "refused with a clear reason.",
            "None (`{}`).",
            "version: 1\ningest: [@@name@@]\noutput:\n  - plugin: jsonl\n    config: {path: "
            "\"${out}/records.jsonl\"}"};
  }
  if (kind == "enrich") {
    return {"Enricher",
            "It marks every occurrence of the configured words in a record's text with an "
            "annotation of type `@@name@@` (the word as its value).",
            "| key | type | default | meaning |\n| --- | --- | --- | --- |\n| `words` | array of "
            "non-empty strings | `[\"archive\"]` | The words to mark, matched case-sensitively. |",
            "version: 1\ningest: [text]\nenrich:\n  - plugin: @@name@@\n    config: {words: "
            "[grain, rice]}\noutput:\n  - plugin: jsonl\n    config: {path: "
            "\"${out}/records.jsonl\"}"};
  }
  return {"Writer",
          "It writes one line per record to a TSV file (`id`, `kind`, `date`, `title`; tabs and "
          "line breaks in values become spaces), after a header line.",
          "| key | type | default | meaning |\n| --- | --- | --- | --- |\n| `path` | string | "
          "`@@name@@.tsv` | The file to write (truncated when the plugin starts). |",
          "version: 1\ningest: [text]\noutput:\n  - plugin: @@name@@\n    config: {path: "
          "\"${out}/@@name@@.tsv\"}"};
}

std::string substitute(std::string_view text, const std::map<std::string, std::string>& values) {
  std::string out;
  size_t at = 0;
  while (true) {
    const size_t open = text.find("@@", at);
    if (open == std::string_view::npos) break;
    const size_t close = text.find("@@", open + 2);
    if (close == std::string_view::npos) break;
    const auto value = values.find(std::string(text.substr(open + 2, close - open - 2)));
    if (value == values.end()) {
      throw std::logic_error("plugin template uses an unknown field " +
                             std::string(text.substr(open, close + 2 - open)));
    }
    out.append(text.substr(at, open - at));
    out += value->second;
    at = close + 2;
  }
  out.append(text.substr(at));
  return out;
}

// The prefix this opis was installed to, when the SDK was installed with it
// (P/bin/opis beside P/lib/cmake/opis-sdk); empty when run from a build tree.
std::string installed_prefix() {
  std::error_code ec;
  const fs::path prefix =
      core::builtin_plugin_directory().parent_path().parent_path().parent_path();
  return fs::exists(prefix / "lib" / "cmake" / "opis-sdk" / "opis-sdkConfig.cmake", ec)
             ? prefix.string()
             : std::string();
}

void write_file(const fs::path& file, const std::string& content) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << content;
  if (!out.flush()) throw core::UsageError("cannot write " + file.string());
}

}  // namespace

CLI::App* add_plugins_new_options(CLI::App& plugins, PluginsNewOptions& options) {
  auto* command = plugins.add_subcommand(
      "new", "Create an out-of-tree plugin folder that builds against the installed SDK");
  command->add_option("name", options.name, "Plugin name: lowercase letters, digits and '-'")
      ->required();
  command->add_option("--kind", options.kind, "ingest, enrich or output")->required();
  command->add_option("--lang", options.lang, "cpp or c")->capture_default_str();
  command->add_option("--dir", options.dir, "Where to create the NAME folder")
      ->capture_default_str();
  return command;
}

int plugins_new_command(const PluginsNewOptions& options) {
  if (const std::string problem = name_problem(options.name); !problem.empty()) {
    throw core::UsageError("plugin name '" + options.name + "' " + problem);
  }
  if (options.kind != "ingest" && options.kind != "enrich" && options.kind != "output") {
    throw core::UsageError("--kind must be ingest, enrich or output, not '" + options.kind + "'");
  }
  if (options.lang != "cpp" && options.lang != "c") {
    throw core::UsageError("--lang must be cpp or c, not '" + options.lang + "'");
  }
  std::error_code ec;
  const fs::path parent = options.dir.empty() ? fs::path(".") : fs::path(options.dir);
  if (!fs::is_directory(parent, ec)) {
    throw core::UsageError("--dir " + parent.string() + ": no such directory");
  }
  const fs::path folder = parent / options.name;
  if (fs::exists(fs::symlink_status(folder, ec))) {
    throw core::UsageError(folder.string() +
                           " already exists; opis plugins new only writes a new folder");
  }

  const KindText kind = kind_text(options.kind);
  std::string ident = options.name;
  for (char& c : ident) c = c == '-' ? '_' : c;
  const std::string source = ident + (options.lang == "c" ? ".c" : ".cpp");
  std::map<std::string, std::string> values = {
      {"name", options.name},
      {"kind", options.kind},
      {"ident", ident},
      {"Class", camel_case(options.name) + kind.class_suffix},
      {"source", source},
      {"language", options.lang == "c" ? "C" : "C++"},
      {"sdk_version", OPIS_STRINGIFY(OPIS_ABI_MAJOR) "." OPIS_STRINGIFY(OPIS_ABI_MINOR)},
  };
  // The kind's prose may itself name the plugin.
  values["what"] = substitute(kind.what, values);
  values["config"] = substitute(kind.config, values);
  values["pipeline"] = substitute(kind.pipeline, values);

  const std::vector<std::pair<std::string, std::string>> files = {
      {"CMakeLists.txt", "CMakeLists.txt.in"},
      {"README.md", "README.md.in"},
      {source, options.kind + (options.lang == "c" ? ".c.in" : ".cpp.in")},
      {"tests/" + ident + "_test.cpp", options.kind + "_test.cpp.in"},
  };
  if (!fs::create_directory(folder, ec)) {
    throw core::UsageError("cannot create " + folder.string() + ": " + ec.message());
  }
  try {
    for (const auto& [file, template_name] : files) {
      write_file(folder / file, substitute(template_text(template_name), values));
    }
  } catch (...) {
    fs::remove_all(folder, ec);  // no half-written plugin folder left behind
    throw;
  }

  std::printf("opis: created %s/ (%s %s plugin '%s')\n", folder.string().c_str(),
              options.lang == "c" ? "C" : "C++", options.kind.c_str(), options.name.c_str());
  for (const auto& [file, template_name] : files) {
    std::printf("  %s\n", (folder / file).string().c_str());
  }
  const std::string prefix = installed_prefix();
  const std::string where = folder.string();
  std::printf(
      "Build and test it against the installed SDK:\n"
      "  cmake -S %s -B %s/build -DCMAKE_PREFIX_PATH=%s\n"
      "  cmake --build %s/build && ctest --test-dir %s/build\n",
      where.c_str(), where.c_str(), prefix.empty() ? "<opis prefix>" : prefix.c_str(),
      where.c_str(), where.c_str());
  return kExitOk;
}

}  // namespace opis::cli
