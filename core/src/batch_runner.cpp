#include "opis/core/batch_runner.hpp"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "opis/core/bounded_queue.hpp"

namespace opis::core {

namespace {

namespace fs = std::filesystem;

struct WorkItem {
  uint64_t sequence;
  std::string input;  // a file path, or "-" for stdin
  std::string error;  // set when listing the input already failed
};

struct Outcome {
  std::string input;
  DocumentResult result;
  uint64_t bytes = 0;
};

bool hidden(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

// Lists inputs in a stable order: as given, directories expanded in sorted
// order. Calls `emit` for each file.
void list_inputs(const std::vector<std::string>& inputs,
                 const std::function<bool(std::string, std::string)>& emit) {
  for (const auto& input : inputs) {
    if (input == "-") {
      if (!emit(input, "")) return;
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      if (!emit(input, "no such file or directory")) return;
      continue;
    }
    if (!fs::is_directory(status)) {
      if (!emit(input, "")) return;
      continue;
    }
    std::vector<std::string> files;
    fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      if (!emit(input, "cannot list the directory: " + ec.message())) return;
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (hidden(it->path())) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    for (auto& f : files) {
      if (!emit(std::move(f), "")) return;
    }
  }
}

bool read_input(const std::string& input, Document& document, std::string& error) {
  if (input == "-") {
    document.uri = "stdin";
    document.name = "";
    document.content.assign(std::istreambuf_iterator<char>(std::cin), {});
    if (std::cin.bad()) {
      error = "cannot read standard input";
      return false;
    }
    return true;
  }
  document.uri = input;
  document.name = fs::path(input).filename().string();
  std::ifstream in(input, std::ios::binary | std::ios::ate);
  if (!in) {
    error = std::string("cannot open: ") + std::strerror(errno);
    return false;
  }
  // One read of the whole file: the size is known, no per-character copy.
  const auto size = static_cast<std::streamoff>(in.tellg());
  in.seekg(0);
  document.content.resize(static_cast<size_t>(std::max<std::streamoff>(size, 0)));
  in.read(document.content.data(), size);
  if (in.bad() || in.gcount() != size) {
    error = std::string("cannot read: ") + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace

BatchSummary run_batch(Pipeline& pipeline, const std::vector<std::string>& inputs,
                       const BatchOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const unsigned workers = pipeline.workers();
  const uint64_t window = uint64_t{workers} * std::max(1u, options.queue_depth);

  BoundedQueue<WorkItem> work(window);
  std::mutex mutex;
  std::condition_variable changed;
  std::map<uint64_t, Outcome> finished;  // by sequence, waiting to be written
  uint64_t next_to_write = 0;
  uint64_t listed = 0;
  bool listing_done = false;

  std::thread lister([&] {
    uint64_t sequence = 0;
    list_inputs(inputs, [&](std::string input, std::string error) {
      return work.push(WorkItem{sequence++, std::move(input), std::move(error)});
    });
    work.close();
    std::lock_guard lock(mutex);
    listed = sequence;
    listing_done = true;
    changed.notify_all();
  });

  std::vector<std::thread> pool;
  for (unsigned w = 0; w < workers; ++w) {
    pool.emplace_back([&, w] {
      while (auto item = work.pop()) {
        Outcome outcome;
        outcome.input = item->input == "-" ? "stdin" : item->input;
        Document document;
        std::string error = item->error;
        if (error.empty() && read_input(item->input, document, error)) {
          outcome.bytes = document.content.size();
          outcome.result = pipeline.process(std::move(document), w);
        } else {
          outcome.result.failure = DocumentFailure{"", OPIS_IO_ERROR, error};
        }
        std::unique_lock lock(mutex);
        // Bounded reordering: never run further ahead of the writer than the
        // window, so finished-but-unwritten results stay bounded in memory.
        changed.wait(lock, [&] { return item->sequence < next_to_write + window; });
        finished.emplace(item->sequence, std::move(outcome));
        changed.notify_all();
      }
    });
  }

  BatchSummary summary;
  auto& totals = summary.totals;
  // The writer: this thread, in sequence order.
  while (true) {
    Outcome outcome;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] {
        return finished.count(next_to_write) > 0 || (listing_done && next_to_write >= listed);
      });
      if (finished.count(next_to_write) == 0) break;
      outcome = std::move(finished[next_to_write]);
      finished.erase(next_to_write);
      ++next_to_write;
      totals.documents_total = listing_done ? listed : 0;
      changed.notify_all();
    }
    totals.documents_done++;
    totals.bytes += outcome.bytes;
    // In input order, so in-order enrichers see the same sequence every run.
    pipeline.enrich_in_order(outcome.result, outcome.input);
    std::optional<DocumentFailure> failure = std::move(outcome.result.failure);
    if (!failure) {
      failure = pipeline.write(outcome.result, outcome.input);
      if (!failure) totals.records += outcome.result.records.size();
    }
    if (failure) {
      totals.failures++;
      summary.failures.push_back(BatchFailure{outcome.input, failure->plugin, failure->reason});
      if (options.on_failure) options.on_failure(summary.failures.back());
    }
    totals.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (options.on_progress) options.on_progress(totals);
  }
  lister.join();
  for (auto& t : pool) t.join();
  summary.flush_errors = pipeline.flush();
  totals.documents_total = listed;
  totals.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace opis::core
