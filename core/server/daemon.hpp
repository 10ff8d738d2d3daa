// `opis serve`: the long-running host. Loads the config and the pipeline,
// serves ArchiveService, health and reflection on every listen address, and
// handles SIGTERM/SIGINT (drain and exit 0), SIGHUP (reload) and systemd's
// readiness and watchdog protocol.
#pragma once

#include <string>
#include <vector>

namespace opis::server {

struct DaemonOptions {
  std::string config_file;          // empty: the built-in defaults
  std::vector<std::string> listen;  // replaces the config's `listen` when not empty
  std::string plugin_path;          // --plugin-path
};

// Returns the process exit code: 0 after a clean drain. Throws UsageError
// when the config, the pipeline or a listen address is unusable.
int run_daemon(const DaemonOptions& options);

}  // namespace opis::server
