#include "daemon_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "grpc/health/v1/health.grpc.pb.h"
#include "test_support.hpp"

namespace opis::test {

namespace {

constexpr std::string_view kListening = "opis serve: listening on ";
constexpr std::string_view kMetrics = "opis serve: metrics on http://";

std::filesystem::path unique_log_file() {
  static int counter = 0;
  return std::filesystem::temp_directory_path() /
         ("opis-daemon-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".log");
}

}  // namespace

DaemonProcess::DaemonProcess(const std::filesystem::path& config,
                             std::vector<std::string> extra_args,
                             std::vector<std::string> extra_env, std::chrono::seconds startup)
    : log_file_(unique_log_file()) {
  std::vector<std::string> args = {opis_executable().string(), "serve", "--config",
                                   config.string()};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  int out_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  const int log_fd = ::open(log_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(log_fd, STDERR_FILENO);
    for (const auto& e : extra_env) ::putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(log_fd);

  // Read stdout until the daemon has printed its addresses and gone quiet
  // for a moment (it prints them all at once, then nothing more).
  const auto give_up = std::chrono::steady_clock::now() + startup;
  std::string out;
  bool listening = false;
  while (std::chrono::steady_clock::now() < give_up) {
    pollfd p{out_pipe[0], POLLIN, 0};
    const int ready = ::poll(&p, 1, listening ? 300 : 1000);
    if (ready == 0 && listening) break;
    if (ready <= 0) continue;
    char buffer[4096];
    const ssize_t n = ::read(out_pipe[0], buffer, sizeof buffer);
    if (n <= 0) break;  // exited
    out.append(buffer, static_cast<size_t>(n));
    listening = out.find(kListening) != std::string::npos;
  }
  ::close(out_pipe[0]);
  std::istringstream lines(out);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with(kListening)) addresses_.push_back(line.substr(kListening.size()));
    if (line.starts_with(kMetrics)) {
      metrics_address_ = line.substr(kMetrics.size());
      metrics_address_ = metrics_address_.substr(0, metrics_address_.find('/'));
    }
  }
  for (const auto& a : addresses_) {
    if (!a.starts_with("unix:")) {
      address_ = a;
      break;
    }
  }
  if (addresses_.empty()) {
    throw std::runtime_error("opis serve did not start; stdout:\n" + out + "\nstderr:\n" + log());
  }
}

DaemonProcess::~DaemonProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  std::error_code ec;
  std::filesystem::remove(log_file_, ec);
}

void DaemonProcess::signal(int signal_number) const {
  ::kill(pid_, signal_number);
}

int DaemonProcess::wait_exit(std::chrono::seconds timeout) {
  const auto give_up = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < give_up) {
    int status = 0;
    const pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      pid_ = -1;
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      return 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

std::string DaemonProcess::log() const {
  return read_file(log_file_);
}

std::shared_ptr<grpc::Channel> DaemonProcess::channel() const {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  args.SetMaxSendMessageSize(256 << 20);
  // A channel per call site: tests must not share HTTP/2 connections by accident.
  args.SetInt("grpc.use_local_subchannel_pool", 1);
  return grpc::CreateCustomChannel(address_, grpc::InsecureChannelCredentials(), args);
}

std::unique_ptr<opis::v1::ArchiveService::Stub> DaemonProcess::service() const {
  return opis::v1::ArchiveService::NewStub(channel());
}

std::string DaemonProcess::health(grpc::Channel& channel, std::chrono::milliseconds timeout) {
  auto service = grpc::health::v1::Health::NewStub(
      std::shared_ptr<grpc::Channel>(&channel, [](grpc::Channel*) {}));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + timeout);
  grpc::health::v1::HealthCheckRequest request;
  grpc::health::v1::HealthCheckResponse response;
  const grpc::Status status = service->Check(&context, request, &response);
  if (!status.ok())
    return "error " + std::to_string(status.error_code()) + ": " + status.error_message();
  return grpc::health::v1::HealthCheckResponse::ServingStatus_Name(response.status());
}

bool DaemonProcess::wait_health(const std::string& status, std::chrono::seconds timeout) const {
  const auto give_up = std::chrono::steady_clock::now() + timeout;
  auto ch = channel();
  while (std::chrono::steady_clock::now() < give_up) {
    if (health(*ch, std::chrono::milliseconds(500)) == status) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

opis::v1::ProcessRequest request_for_file(const std::filesystem::path& file,
                                          const std::string& request_id) {
  opis::v1::ProcessRequest request;
  request.set_request_id(request_id);
  request.set_content(read_file(file));
  request.set_file_name(file.filename().string());
  request.set_source_uri(file.string());
  return request;
}

}  // namespace opis::test
