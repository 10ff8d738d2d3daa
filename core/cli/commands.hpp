// The subcommands of `opis`. Each returns the process exit code:
// 0 success, 1 some inputs failed, 2 usage or configuration error.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace opis::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailures = 1;
inline constexpr int kExitUsage = 2;

struct GlobalOptions {
  std::string plugin_path;  // --plugin-path, colon-separated
};

struct RunOptions {
  std::string pipeline;  // empty: the built-in default
  std::string out_dir = "opis-out";
  unsigned workers = 0;
  bool progress = true;
  std::vector<std::string> inputs;
};
int run_command(const GlobalOptions& global, const RunOptions& options);

struct SearchOptions {
  std::string db = "opis-out/archive.sqlite";
  // FTS5 syntax, its words joined by spaces; may be empty when a filter is
  // given.
  std::vector<std::string> query;
  std::string person;
  std::string archive;
  std::string kind;
  std::string from;  // EDTF
  std::string to;    // EDTF
  unsigned limit = 20;
  unsigned offset = 0;
  bool json = false;
};
int search_command(const GlobalOptions& global, const SearchOptions& options);

struct ServeOptions {
  std::string config;               // empty: the built-in defaults
  std::vector<std::string> listen;  // replaces the config's listen addresses
};
int serve_command(const GlobalOptions& global, const ServeOptions& options);

int plugins_list_command(const GlobalOptions& global, bool json);
int plugins_inspect_command(const GlobalOptions& global, const std::string& file, bool json);

struct PluginsNewOptions {
  std::string name;
  std::string kind;
  std::string lang = "cpp";
  std::string dir = ".";  // the folder is created as dir/name
};
// Adds `new` under `plugins`, filling `options`; returns the subcommand.
CLI::App* add_plugins_new_options(CLI::App& plugins, PluginsNewOptions& options);
int plugins_new_command(const PluginsNewOptions& options);

}  // namespace opis::cli
