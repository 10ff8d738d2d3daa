// The subcommands of `opis`. Each returns the process exit code:
// 0 success, 1 some inputs failed, 2 usage or configuration error.
#pragma once

#include <string>
#include <vector>

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

int plugins_list_command(const GlobalOptions& global, bool json);
int plugins_inspect_command(const GlobalOptions& global, const std::string& file, bool json);

}  // namespace opis::cli
