#include "progress_bar.hpp"

#include <unistd.h>

#include <string>

namespace opis::cli {

ProgressBar::ProgressBar(std::FILE* stream)
    : stream_(stream), enabled_(isatty(fileno(stream)) != 0) {}

ProgressBar::~ProgressBar() {
  clear();
}

void ProgressBar::update(const core::BatchProgress& progress) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  const bool finished =
      progress.documents_total > 0 && progress.documents_done >= progress.documents_total;
  if (!finished && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw(progress);
}

void ProgressBar::draw(const core::BatchProgress& p) {
  constexpr int kWidth = 30;
  std::string bar;
  if (p.documents_total > 0) {
    const int filled = static_cast<int>(kWidth * p.documents_done / p.documents_total);
    bar = "[" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "] " +
          std::to_string(p.documents_done) + "/" + std::to_string(p.documents_total);
  } else {
    bar = std::to_string(p.documents_done);
  }
  const double mb_per_s = p.seconds > 0 ? p.bytes / 1e6 / p.seconds : 0.0;
  std::fprintf(stream_, "\r\033[K%s documents, %llu records, %llu failed, %.1f MB/s", bar.c_str(),
               static_cast<unsigned long long>(p.records),
               static_cast<unsigned long long>(p.failures), mb_per_s);
  std::fflush(stream_);
  drawn_ = true;
}

void ProgressBar::clear() {
  if (!drawn_) return;
  std::fprintf(stream_, "\r\033[K");
  std::fflush(stream_);
  drawn_ = false;
}

}  // namespace opis::cli
