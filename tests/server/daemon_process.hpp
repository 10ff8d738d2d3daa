// The real `opis serve` as a child process for end-to-end tests: started
// on a free loopback port (port 0, read back from its stdout), waited for
// until health says SERVING, signalled, and reaped. A daemon still running
// when the object goes away is killed.
#pragma once

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "opis/v1/archive_service.grpc.pb.h"

namespace opis::test {

class DaemonProcess {
 public:
  // Runs `opis serve --config CONFIG` plus `extra_args`; waits for every
  // listen line on stdout. Throws, with its output, when it does not come
  // up within `startup`.
  explicit DaemonProcess(const std::filesystem::path& config,
                         std::vector<std::string> extra_args = {},
                         std::vector<std::string> extra_env = {},
                         std::chrono::seconds startup = std::chrono::seconds(60));
  ~DaemonProcess();
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  // The first TCP address it listens on ("127.0.0.1:PORT").
  const std::string& address() const { return address_; }
  // Every "listening on" address, in config order.
  const std::vector<std::string>& addresses() const { return addresses_; }
  // "HOST:PORT" of the metrics endpoint, when configured.
  const std::string& metrics_address() const { return metrics_address_; }
  int pid() const { return pid_; }

  void signal(int signal_number) const;
  // The exit code, or -1 when it did not exit in time (then it is killed).
  // Killed by a signal: 128 + the signal.
  int wait_exit(std::chrono::seconds timeout);
  // Everything the daemon wrote to stderr so far.
  std::string log() const;

  std::shared_ptr<grpc::Channel> channel() const;
  // A client of the daemon's ArchiveService over channel().
  std::unique_ptr<opis::v1::ArchiveService::Stub> service() const;
  // Health.Check of the whole server ("") through `channel`: "SERVING",
  // "NOT_SERVING", or the call's error.
  static std::string health(grpc::Channel& channel, std::chrono::milliseconds timeout);
  // Waits until health says `status`; false when it does not in `timeout`.
  bool wait_health(const std::string& status, std::chrono::seconds timeout) const;

 private:
  int pid_ = -1;
  std::filesystem::path log_file_;
  std::string address_;
  std::vector<std::string> addresses_;
  std::string metrics_address_;
};

// The daemon's stdout/stderr lines are tests' evidence; this makes a
// ProcessRequest from a file of the repository's examples.
opis::v1::ProcessRequest request_for_file(const std::filesystem::path& file,
                                          const std::string& request_id = "");

}  // namespace opis::test
