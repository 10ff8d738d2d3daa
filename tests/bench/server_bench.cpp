// Throughput and latency of the daemon over gRPC on loopback, beside the
// transport's own limit on this machine.
//
//   server_bench [--seconds S] [--streams N] [--window W] [--soak SECONDS]
//
// For 4 KiB and 64 KiB documents it drives ProcessStream (N streams, W
// documents in flight on each) against (c) a minimal echo server built into
// this program, (a) `opis serve` with a pipeline of ingest/text only: no
// enrichers and no outputs (the records only go back to the client), (a+)
// the same plus output/jsonl to /dev/null, and (b) `opis serve` with the
// default pipeline's ingesters and enrichers and output/jsonl to /dev/null
// (disk speed is not measured). Then the latency of unary Process calls, one
// client, 4 KiB, through (b). --soak runs (b) at full load for SECONDS and
// samples the daemon's RSS.
// The client, the echo server and the daemon share this machine's cores,
// as they do in TOOLCHAIN.md's measurements, and the machine may be busy
// with other work: beside docs/s it prints documents per CPU second (this
// process's CPU, client and echo server, plus the daemon's), which other
// load does not change. It prints figures; it asserts nothing.
#include <grpcpp/grpcpp.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iterator>
#include <mutex>
#include <numeric>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "daemon_process.hpp"
#include "opis/v1/archive_service.grpc.pb.h"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using opis::v1::ProcessRequest;
using opis::v1::ProcessResponse;
using Clock = std::chrono::steady_clock;

struct Options {
  double seconds = 5;
  int streams = 4;
  int window = 64;
  double soak_seconds = 0;
};

// Document text of about `size` bytes: the example corpus's record pages
// repeated, cut at a line break so the text stays valid UTF-8.
std::string document_of_size(std::size_t size) {
  std::string corpus;
  for (const auto& entry : fs::directory_iterator(opis::test::source_dir() / "examples/corpus")) {
    if (entry.path().filename().string().starts_with("record-")) {
      corpus += opis::test::read_file(entry.path());
    }
  }
  std::string text;
  while (text.size() < size) text += corpus;
  const auto cut = text.rfind('\n', size);
  text.resize(cut == std::string::npos ? size : cut + 1);
  return text;
}

// (c): answers each request with a record holding its content, as fast as
// the transport allows: reads continue while responses are being written.
class EchoReactor final : public grpc::ServerBidiReactor<ProcessRequest, ProcessResponse> {
 public:
  EchoReactor() { StartRead(&incoming_); }

  void OnReadDone(bool ok) override {
    std::lock_guard lock(mutex_);
    if (!ok) {
      reads_done_ = true;
      finish_if_done();
      return;
    }
    ProcessResponse response;
    response.set_request_id(incoming_.request_id());
    response.add_records()->set_text(std::move(*incoming_.mutable_content()));
    outbox_.push_back(std::move(response));
    if (!writing_) {
      writing_ = true;
      StartWrite(&outbox_.front());
    }
    StartRead(&incoming_);
  }

  void OnWriteDone(bool ok) override {
    std::lock_guard lock(mutex_);
    outbox_.pop_front();
    writing_ = false;
    if (ok && !outbox_.empty()) {
      writing_ = true;
      StartWrite(&outbox_.front());
    }
    if (!ok) outbox_.clear();
    finish_if_done();
  }

  void OnDone() override { delete this; }

 private:
  void finish_if_done() {
    if (reads_done_ && !writing_ && outbox_.empty() && !finished_) {
      finished_ = true;
      Finish(grpc::Status::OK);
    }
  }

  std::mutex mutex_;
  ProcessRequest incoming_;
  std::deque<ProcessResponse> outbox_;
  bool writing_ = false;
  bool reads_done_ = false;
  bool finished_ = false;
};

class EchoService final : public opis::v1::ArchiveService::CallbackService {
  grpc::ServerBidiReactor<ProcessRequest, ProcessResponse>* ProcessStream(
      grpc::CallbackServerContext*) override {
    return new EchoReactor();
  }
};

std::shared_ptr<grpc::Channel> channel_to(const std::string& address) {
  grpc::ChannelArguments args;
  args.SetMaxReceiveMessageSize(256 << 20);
  args.SetMaxSendMessageSize(256 << 20);
  args.SetInt("grpc.use_local_subchannel_pool", 1);  // one connection per stream
  return grpc::CreateCustomChannel(address, grpc::InsecureChannelCredentials(), args);
}

struct Throughput {
  uint64_t documents = 0;
  uint64_t errors = 0;
  double seconds = 0;
  double cpu_seconds = 0;  // the client's, the echo server's and the daemon's
  double per_second() const { return seconds > 0 ? documents / seconds : 0; }
  double per_cpu_second() const { return cpu_seconds > 0 ? documents / cpu_seconds : 0; }
};

// CPU seconds (user + system) this process has used: the client and the
// echo server.
double own_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// CPU seconds (user + system) process `pid` has used; 0 for no process.
double cpu_seconds_of(int pid) {
  if (pid <= 0) return 0;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // Fields after the command name, which is in parentheses and may hold spaces.
  std::istringstream fields(text.substr(text.rfind(')') + 2));
  std::string field;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14) utime = std::stoull(field);
    if (i == 15) stime = std::stoull(field);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// One stream: writes while fewer than `window` documents are unanswered.
void drive_stream(const std::string& address, const std::string& document, int window,
                  Clock::time_point stop_at, std::atomic<uint64_t>& done,
                  std::atomic<uint64_t>& errors) {
  auto service = opis::v1::ArchiveService::NewStub(channel_to(address));
  grpc::ClientContext context;
  auto stream = service->ProcessStream(&context);
  std::mutex mutex;
  std::condition_variable answered;
  int in_flight = 0;
  std::thread writer([&] {
    ProcessRequest request;
    request.set_content(document);
    request.set_file_name("bench.txt");
    for (uint64_t i = 0; Clock::now() < stop_at; ++i) {
      {
        std::unique_lock lock(mutex);
        answered.wait(lock, [&] { return in_flight < window; });
        ++in_flight;
      }
      request.set_request_id(std::to_string(i));
      if (!stream->Write(request)) break;
    }
    stream->WritesDone();
  });
  ProcessResponse response;
  while (stream->Read(&response)) {
    done.fetch_add(1, std::memory_order_relaxed);
    if (response.has_error()) errors.fetch_add(1, std::memory_order_relaxed);
    std::lock_guard lock(mutex);
    --in_flight;
    answered.notify_one();
  }
  writer.join();
  stream->Finish();
}

// `server_pid`: the daemon whose CPU counts too (0 for the in-process echo).
Throughput measure_stream(const std::string& address, int server_pid, const std::string& document,
                          const Options& options, double seconds) {
  std::atomic<uint64_t> done{0};
  std::atomic<uint64_t> errors{0};
  const double cpu_before = own_cpu_seconds() + cpu_seconds_of(server_pid);
  const auto started = Clock::now();
  const auto stop_at =
      started + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  std::vector<std::thread> streams;
  for (int s = 0; s < options.streams; ++s) {
    streams.emplace_back(
        [&] { drive_stream(address, document, options.window, stop_at, done, errors); });
  }
  for (auto& t : streams) t.join();
  return {done.load(), errors.load(), std::chrono::duration<double>(Clock::now() - started).count(),
          own_cpu_seconds() + cpu_seconds_of(server_pid) - cpu_before};
}

double rss_mb(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0;
}

enum class Steps { text_only, text_and_jsonl, default_and_jsonl };

std::string pipeline_yaml(Steps steps) {
  std::string yaml;
  if (steps == Steps::default_and_jsonl) {
    // The default pipeline's ingesters and enrichers, in its order.
    const std::string text =
        opis::test::read_file(opis::test::source_dir() / "examples/pipelines/default.yaml");
    yaml = text.substr(0, text.find("\noutput:") + 1);
  } else {
    yaml = "version: 1\ningest:\n  - plugin: text\n";
  }
  if (steps == Steps::text_only) return yaml;
  return yaml + "output:\n  - plugin: jsonl\n    config: {path: /dev/null, mode: append}\n";
}

// The daemon, or none (said on stderr) when it does not start: an older
// daemon refuses a pipeline without outputs.
std::unique_ptr<opis::test::DaemonProcess> start_daemon(const opis::test::TempDir& dir,
                                                        const std::string& name, Steps steps) {
  const auto pipeline = dir.write(name + "-pipeline.yaml", pipeline_yaml(steps));
  const auto config = dir.write(
      name + ".yaml", "listen: [\"127.0.0.1:0\"]\nout: " + (dir / "out").string() +
                          "\npipeline: " + pipeline.string() + "\nlimits: {stream_window: 256}\n");
  try {
    return std::make_unique<opis::test::DaemonProcess>(config);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: not measured: %s\n", name.c_str(), e.what());
    return nullptr;
  }
}

void print_row(const char* payload, const char* target, const Throughput& t, std::size_t bytes,
               const Throughput* echo) {
  std::printf("  %-7s %-26s %9.0f %7.1f", payload, target, t.per_second(),
              t.per_second() * static_cast<double>(bytes) / 1e6);
  std::printf(" %9.0f %7.1f", t.per_cpu_second(),
              t.per_cpu_second() * static_cast<double>(bytes) / 1e6);
  if (echo != nullptr) {
    std::printf(" %7.0f%% %7.0f%%", 100.0 * t.per_second() / echo->per_second(),
                100.0 * t.per_cpu_second() / echo->per_cpu_second());
  }
  if (t.errors > 0) std::printf("   (%llu failed)", static_cast<unsigned long long>(t.errors));
  std::printf("\n");
  std::fflush(stdout);
}

void unary_latency(const std::string& address, const std::string& document) {
  auto service = opis::v1::ArchiveService::NewStub(channel_to(address));
  ProcessRequest request;
  request.set_content(document);
  request.set_file_name("bench.txt");
  std::vector<double> micros;
  constexpr int kWarmUp = 100;
  constexpr int kCalls = 2000;
  for (int i = 0; i < kWarmUp + kCalls; ++i) {
    grpc::ClientContext context;
    ProcessResponse response;
    const auto began = Clock::now();
    const auto status = service->Process(&context, request, &response);
    const double us = std::chrono::duration<double, std::micro>(Clock::now() - began).count();
    if (!status.ok()) {
      std::printf("  unary call failed: %s\n", status.error_message().c_str());
      return;
    }
    if (i >= kWarmUp) micros.push_back(us);
  }
  std::sort(micros.begin(), micros.end());
  const auto at = [&](double q) {
    return micros[static_cast<std::size_t>(q * (micros.size() - 1))];
  };
  std::printf("\nUnary Process, 4 KiB, (b) default pipeline, 1 client, %d calls:\n", kCalls);
  std::printf("  p50 %.2f ms   p90 %.2f ms   p99 %.2f ms   max %.2f ms   (target: p99 <= 5 ms)\n",
              at(0.5) / 1000, at(0.9) / 1000, at(0.99) / 1000, micros.back() / 1000);
}

void soak(const std::string& address, int pid, const std::string& document,
          const Options& options) {
  std::printf("\nSoak: (b) default pipeline, 4 KiB, full load for %.0f s; daemon RSS:\n",
              options.soak_seconds);
  std::atomic<bool> running{true};
  std::atomic<uint64_t> done{0};
  std::atomic<uint64_t> errors{0};
  std::thread load([&] {
    while (running) {
      const auto until = Clock::now() + std::chrono::seconds(5);
      std::vector<std::thread> streams;
      for (int s = 0; s < options.streams; ++s) {
        streams.emplace_back(
            [&] { drive_stream(address, document, options.window, until, done, errors); });
      }
      for (auto& t : streams) t.join();
    }
  });
  const auto started = Clock::now();
  // The first minute is warm-up (allocator pools, gRPC buffers); the RSS
  // after it is the baseline the rest is compared with.
  const double warm_up = std::min(60.0, options.soak_seconds / 5);
  double baseline = 0, low = 1e18, high = 0;
  for (;;) {
    std::this_thread::sleep_for(std::chrono::seconds(10));
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    const double rss = rss_mb(pid);
    std::printf("  %6.0f s  %7.1f MB  %10llu documents\n", elapsed, rss,
                static_cast<unsigned long long>(done.load()));
    std::fflush(stdout);
    if (elapsed >= warm_up) {
      if (baseline == 0) baseline = rss;
      low = std::min(low, rss);
      high = std::max(high, rss);
    }
    if (elapsed >= options.soak_seconds) break;
  }
  running = false;
  load.join();
  std::printf(
      "  after warm-up: baseline %.1f MB, range %.1f..%.1f MB (%+.1f%% / %+.1f%%; target "
      "within +-10%%), %llu failed\n",
      baseline, low, high, 100 * (low - baseline) / baseline, 100 * (high - baseline) / baseline,
      static_cast<unsigned long long>(errors.load()));
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--seconds")
      options.seconds = std::stod(argv[i + 1]);
    else if (flag == "--streams")
      options.streams = std::stoi(argv[i + 1]);
    else if (flag == "--window")
      options.window = std::stoi(argv[i + 1]);
    else if (flag == "--soak")
      options.soak_seconds = std::stod(argv[i + 1]);
    else {
      std::fprintf(stderr, "usage: %s [--seconds S] [--streams N] [--window W] [--soak S]\n",
                   argv[0]);
      return 2;
    }
  }
  opis::test::TempDir dir;
  const std::string small = document_of_size(4 << 10);
  const std::string large = document_of_size(64 << 10);

  EchoService echo_service;
  grpc::ServerBuilder builder;
  int echo_port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &echo_port);
  builder.SetMaxReceiveMessageSize(256 << 20);
  builder.RegisterService(&echo_service);
  auto echo = builder.BuildAndStart();
  const std::string echo_address = "127.0.0.1:" + std::to_string(echo_port);
  struct Target {
    const char* label;
    std::unique_ptr<opis::test::DaemonProcess> daemon;
  };
  std::vector<Target> targets;
  targets.push_back({"(a) text, no outputs", start_daemon(dir, "bare", Steps::text_only)});
  targets.push_back({"(a+) text + jsonl", start_daemon(dir, "bare-jsonl", Steps::text_and_jsonl)});
  targets.push_back(
      {"(b) default pipeline", start_daemon(dir, "default", Steps::default_and_jsonl)});
  const auto& full = targets.back().daemon;
  if (!full) return 1;

  std::printf("ProcessStream on loopback: %d streams x %d in flight, %.0f s per row\n",
              options.streams, options.window, options.seconds);
  std::printf(
      "  (a)  ingest/text; no enrichers, no outputs (records only go back to the client)\n"
      "  (a+) ingest/text; no enrichers; output/jsonl to /dev/null\n"
      "  (b)  the default pipeline's ingesters and enrichers; output/jsonl to /dev/null\n"
      "  docs/CPUs: documents per CPU second of the client, echo server and daemon\n");
  std::printf("  %-7s %-26s %9s %7s %9s %7s %8s %8s\n", "payload", "server", "docs/s", "MB/s",
              "docs/CPUs", "MB/CPUs", "vs (c)", "per CPU");
  for (const auto* payload : {&small, &large}) {
    const char* label = payload == &small ? "4 KiB" : "64 KiB";
    const auto c = measure_stream(echo_address, 0, *payload, options, options.seconds);
    print_row(label, "(c) echo (transport)", c, payload->size(), nullptr);
    for (const auto& target : targets) {
      if (!target.daemon) continue;
      const auto t = measure_stream(target.daemon->address(), target.daemon->pid(), *payload,
                                    options, options.seconds);
      print_row(label, target.label, t, payload->size(), &c);
    }
  }
  unary_latency(full->address(), small);
  std::printf("\nDaemon RSS now:");
  for (const auto& target : targets) {
    if (target.daemon) std::printf("  %s %.1f MB", target.label, rss_mb(target.daemon->pid()));
  }
  std::printf("\n");
  if (options.soak_seconds > 0) soak(full->address(), full->pid(), small, options);
  echo->Shutdown();
  return 0;
}
