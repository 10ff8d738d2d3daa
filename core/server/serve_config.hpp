// The daemon's config file (YAML): where to listen, which pipeline to run,
// limits, auth and TLS, metrics, the store. Validated in full, with every
// problem named, before anything listens.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace opis::server {

struct TlsConfig {
  std::string cert_file;
  std::string key_file;
  std::string client_ca_file;  // set: clients must present a certificate it signed
};

struct ServeConfig {
  std::string source;                         // the file, or "built-in defaults"
  std::vector<std::string> listen;            // gRPC addresses: HOST:PORT, unix:PATH
  std::string pipeline_file;                  // empty: the built-in default pipeline
  std::string out_dir = "opis-out";           // ${out} in the pipeline
  unsigned workers = 0;                       // 0: the pipeline's, else one per core
  std::size_t max_message_bytes = 64u << 20;  // per request and response
  std::size_t queue_capacity = 0;             // documents waiting; 0: 16 per worker
  unsigned stream_window = 32;                // documents in flight per stream
  double drain_grace_seconds = 30;            // SIGTERM: time for in-flight work
  double flush_interval_seconds = 2;          // outputs made durable this often
  double retry_after_seconds = 0.1;           // hint sent with RESOURCE_EXHAUSTED
  std::vector<std::string> tokens;            // bearer tokens; empty: no auth
  std::optional<TlsConfig> tls;
  std::string metrics_listen;  // HOST:PORT; empty: no metrics endpoint
  std::string store;           // SQLite store; empty: the pipeline's
};

// `file` empty: the defaults. Relative paths in the file are relative to
// the file's directory. Throws UsageError naming the file and each problem.
ServeConfig load_serve_config(const std::filesystem::path& file);

// The JSON Schema the file is checked against (documented in core/README.md).
const char* serve_config_schema();

}  // namespace opis::server
