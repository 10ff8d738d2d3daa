// Batch mode: documents from files, directories (recursive) and stdin go
// through a pipeline on all workers; records reach the outputs in input
// order, whatever order the workers finish in, so two runs over the same
// input write identical outputs.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "opis/core/pipeline.hpp"

namespace opis::core {

struct BatchProgress {
  uint64_t documents_done = 0;
  uint64_t documents_total = 0;  // 0 while inputs are still being listed
  uint64_t records = 0;
  uint64_t failures = 0;
  uint64_t bytes = 0;
  double seconds = 0;
};

struct BatchFailure {
  std::string input;
  std::string plugin;  // empty when no plugin was involved
  std::string reason;
};

struct BatchSummary {
  BatchProgress totals;
  std::vector<BatchFailure> failures;
  std::vector<std::string> flush_errors;
  bool ok() const { return failures.empty() && flush_errors.empty(); }
};

struct BatchOptions {
  // Documents in flight beyond those being written, per worker.
  unsigned queue_depth = 4;
  // Called from the writing thread after each document.
  std::function<void(const BatchProgress&)> on_progress;
  // Called once per failed input, as it happens.
  std::function<void(const BatchFailure&)> on_failure;
};

// Inputs are paths, directories or "-" (stdin). Hidden files and
// directories (names starting with '.') inside directories are skipped;
// inputs named explicitly never are.
BatchSummary run_batch(Pipeline& pipeline, const std::vector<std::string>& inputs,
                       const BatchOptions& options);

}  // namespace opis::core
