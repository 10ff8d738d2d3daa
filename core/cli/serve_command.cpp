#include "commands.hpp"
#include "daemon.hpp"

namespace opis::cli {

int serve_command(const GlobalOptions& global, const ServeOptions& options) {
  server::DaemonOptions daemon;
  daemon.config_file = options.config;
  daemon.listen = options.listen;
  daemon.plugin_path = global.plugin_path;
  return server::run_daemon(daemon);
}

}  // namespace opis::cli
