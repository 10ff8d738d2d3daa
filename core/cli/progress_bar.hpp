// A one-line progress display on a terminal, redrawn at most 10 times a
// second. On a pipe or file it draws nothing.
#pragma once

#include <chrono>
#include <cstdio>

#include "opis/core/batch_runner.hpp"

namespace opis::cli {

class ProgressBar {
 public:
  explicit ProgressBar(std::FILE* stream);
  ~ProgressBar();
  void update(const core::BatchProgress& progress);
  // Erases the line so that other output starts on a clean line.
  void clear();
  bool enabled() const { return enabled_; }

 private:
  void draw(const core::BatchProgress& progress);

  std::FILE* stream_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace opis::cli
