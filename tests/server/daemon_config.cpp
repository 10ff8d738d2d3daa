#include "daemon_config.hpp"

#include <sstream>

namespace opis::test {

std::filesystem::path write_daemon_config(const TempDir& dir, const DaemonConfig& config) {
  std::ostringstream yaml;
  yaml << "listen: [\"127.0.0.1:0\"]\n";
  yaml << "out: " << (dir / "out").string() << "\n";
  yaml << "workers: " << config.workers << "\n";
  if (!config.pipeline.empty()) {
    yaml << "pipeline: " << dir.write("pipeline.yaml", config.pipeline).string() << "\n";
  }
  yaml << "limits:\n  flush_interval_seconds: 0.2\n  drain_grace_seconds: 10\n";
  std::istringstream limits(config.limits);
  std::string line;
  while (std::getline(limits, line)) {
    if (!line.empty()) yaml << "  " << line << "\n";
  }
  yaml << config.extra;
  return dir.write("opis.yaml", yaml.str());
}

}  // namespace opis::test
