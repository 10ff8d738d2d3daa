#include "daemon.hpp"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/grpcpp.h>
#include <grpcpp/health_check_service_interface.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <systemd/sd-daemon.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "archive_service.hpp"
#include "metrics_http.hpp"
#include "opis/core/error.hpp"
#include "opis/core/text.hpp"
#include "store_access.hpp"

namespace opis::server {

namespace {

using Clock = std::chrono::steady_clock;

std::string read_pem(const std::string& file, const char* what) {
  std::string text = core::read_whole_file(file, std::string("the TLS ") + what);
  if (text.find("-----BEGIN") == std::string::npos) {
    throw core::UsageError(file + ": the TLS " + what + " is not in PEM format");
  }
  return text;
}

std::shared_ptr<grpc::ServerCredentials> tcp_credentials(const ServeConfig& config) {
  if (!config.tls) return grpc::InsecureServerCredentials();
  const TlsConfig& tls = *config.tls;
  grpc::SslServerCredentialsOptions options(
      tls.client_ca_file.empty() ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
                                 : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  if (!tls.client_ca_file.empty()) {
    options.pem_root_certs = read_pem(tls.client_ca_file, "client CA");
  }
  options.pem_key_cert_pairs.push_back(
      {read_pem(tls.key_file, "private key"), read_pem(tls.cert_file, "certificate")});
  return grpc::SslServerCredentials(options);
}

bool is_unix_socket(const std::string& address) {
  return address.starts_with("unix:");
}

// "HOST:0" with the port the system picked.
std::string with_port(const std::string& address, int port) {
  if (is_unix_socket(address)) return address;
  const auto colon = address.rfind(':');
  return address.substr(0, colon + 1) + std::to_string(port);
}

void notify_systemd(const char* state) {
  sd_notify(0, state);
}

sigset_t daemon_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  return set;
}

}  // namespace

int run_daemon(const DaemonOptions& options) {
  // Blocked before any thread starts, so every thread inherits the mask and
  // the signals reach only the sigtimedwait loop below.
  const sigset_t signals = daemon_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto load_config = [&options] {
    ServeConfig config = load_serve_config(options.config_file);
    if (!options.listen.empty()) config.listen = options.listen;
    return config;
  };
  ServeConfig config = load_config();

  Metrics metrics;
  LivePipeline pipeline(config, options.plugin_path, metrics);
  const std::size_t capacity =
      config.queue_capacity != 0 ? config.queue_capacity : std::size_t{16} * pipeline.workers();
  WorkerPool pool(pipeline.workers(), capacity);
  metrics.set_queue_probe([&pool] { return pool.queued(); }, [&pool] { return pool.running(); });
  const BearerTokens tokens(config.tokens);
  ServiceLimits limits;
  limits.stream_window = config.stream_window;
  limits.retry_after =
      std::chrono::milliseconds(static_cast<long long>(config.retry_after_seconds * 1000));
  ArchiveServiceImpl service(pipeline, pool, metrics, tokens, limits, store_access(pipeline));

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  const auto credentials = tcp_credentials(config);
  std::vector<int> ports(config.listen.size(), 0);
  for (std::size_t i = 0; i < config.listen.size(); ++i) {
    const std::string& address = config.listen[i];
    // A Unix socket is guarded by its file permissions; TLS is for TCP.
    builder.AddListeningPort(
        address, is_unix_socket(address) ? grpc::InsecureServerCredentials() : credentials,
        &ports[i]);
  }
  // Two daemons on one port would split the traffic silently.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  builder.SetMaxReceiveMessageSize(static_cast<int>(config.max_message_bytes));
  builder.SetMaxSendMessageSize(static_cast<int>(config.max_message_bytes));
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server) {
    std::string addresses;
    for (const auto& a : config.listen) addresses += (addresses.empty() ? "" : ", ") + a;
    throw core::UsageError("cannot listen on " + addresses +
                           " (address in use, malformed, or not allowed)");
  }
  for (std::size_t i = 0; i < config.listen.size(); ++i) {
    if (!is_unix_socket(config.listen[i]) && ports[i] == 0) {
      server->Shutdown();
      throw core::UsageError("cannot listen on " + config.listen[i]);
    }
  }

  std::unique_ptr<MetricsHttpServer> metrics_http;
  if (!config.metrics_listen.empty()) {
    metrics_http = std::make_unique<MetricsHttpServer>(config.metrics_listen,
                                                       [&] { return metrics.render(); });
  }

  auto* health = server->GetHealthCheckService();
  health->SetServingStatus(true);
  // Scripts (and the tests) read the bound addresses from stdout.
  for (std::size_t i = 0; i < config.listen.size(); ++i) {
    std::printf("opis serve: listening on %s\n", with_port(config.listen[i], ports[i]).c_str());
  }
  if (metrics_http)
    std::printf("opis serve: metrics on http://%s/metrics\n", metrics_http->address().c_str());
  std::fflush(stdout);
  spdlog::info("serving with {} workers, queue of {}, pipeline {}", pipeline.workers(), capacity,
               config.pipeline_file.empty() ? "built-in default" : config.pipeline_file);
  notify_systemd("READY=1\nSTATUS=serving");

  uint64_t watchdog_us = 0;
  const bool watchdog = sd_watchdog_enabled(0, &watchdog_us) > 0;
  auto tick = std::chrono::duration<double>(config.flush_interval_seconds);
  if (watchdog) tick = std::min(tick, std::chrono::duration<double>(watchdog_us / 2e6));
  auto next_flush =
      Clock::now() + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(config.flush_interval_seconds));
  for (;;) {
    const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(tick).count();
    timespec timeout{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
    const int signal = sigtimedwait(&signals, nullptr, &timeout);
    if (watchdog) notify_systemd("WATCHDOG=1");
    if (signal == SIGTERM || signal == SIGINT) {
      spdlog::info("{}: draining (grace {} s)", signal == SIGTERM ? "SIGTERM" : "SIGINT",
                   config.drain_grace_seconds);
      break;
    }
    if (signal == SIGHUP) {
      notify_systemd("RELOADING=1");
      try {
        ServeConfig next = load_config();
        pipeline.reload(next);
        metrics.reloaded(true);
        spdlog::info("SIGHUP: reloaded {}", next.source);
        if (next.listen != config.listen || next.tokens != config.tokens) {
          spdlog::warn("SIGHUP: listen addresses, tokens and TLS take effect at restart");
        }
      } catch (const std::exception& e) {
        metrics.reloaded(false);
        spdlog::error("SIGHUP: reload refused, the running pipeline keeps serving: {}", e.what());
      }
      notify_systemd("READY=1\nSTATUS=serving");
    }
    if (Clock::now() >= next_flush) {
      for (const auto& e : pipeline.flush()) spdlog::error("output failed: {}", e);
      next_flush = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                      std::chrono::duration<double>(config.flush_interval_seconds));
    }
  }

  notify_systemd("STOPPING=1\nSTATUS=draining");
  health->Shutdown();  // NOT_SERVING from now on
  const auto grace = std::chrono::duration_cast<std::chrono::system_clock::duration>(
      std::chrono::duration<double>(config.drain_grace_seconds));
  // Refuses new calls; calls still running at the deadline are cancelled.
  server->Shutdown(std::chrono::system_clock::now() + grace);
  server->Wait();
  pool.stop();
  int exit_code = 0;
  for (const auto& e : pipeline.flush()) {
    spdlog::error("output failed: {}", e);
    exit_code = 1;
  }
  spdlog::info("drained; exiting");
  return exit_code;
}

}  // namespace opis::server
