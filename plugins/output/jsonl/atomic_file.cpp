#include "atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <opis/sdk.hpp>

namespace opis::jsonl {

namespace fs = std::filesystem;

namespace {

void fsync_directory(const fs::path& dir) {
  const int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// The process umask, read without umask(2), which would change it for every
// thread for a moment.
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0)
      return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
  }
  return 022;
}

}  // namespace

void AtomicFile::fail(const std::string& what) const {
  throw opis::sdk::Error(OPIS_IO_ERROR, path_ + ": " + what + ": " + std::strerror(errno));
}

AtomicFile::AtomicFile(std::string path, bool append) : path_(std::move(path)), append_(append) {
  const fs::path parent = fs::path(path_).parent_path();
  std::error_code ec;
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (ec) {
    throw opis::sdk::Error(OPIS_IO_ERROR, path_ + ": cannot create directory " + parent.string() +
                                              ": " + ec.message());
  }
  if (append_) {
    file_ = std::fopen(path_.c_str(), "ab");
    if (file_ == nullptr) fail("cannot open for appending");
  } else {
    open_temporary(false);
  }
}

void AtomicFile::open_temporary(bool seed_with_target) {
  std::string pattern = path_ + ".tmp-XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) fail("cannot create a temporary file");
  temporary_ = pattern;
  file_ = ::fdopen(fd, "wb");
  if (file_ == nullptr) ::close(fd);
  // A temporary file missing the committed records must not be renamed over
  // them later: drop it, so the next write starts afresh.
  if (file_ == nullptr || (seed_with_target && !copy_target())) {
    const int error = errno;
    discard_temporary();
    errno = error;
    fail("cannot prepare the temporary file " + pattern);
  }
}

bool AtomicFile::copy_target() {
  std::FILE* committed = std::fopen(path_.c_str(), "rb");
  if (committed == nullptr) return false;
  char buffer[1 << 16];
  size_t n = 0;
  bool ok = true;
  while (ok && (n = std::fread(buffer, 1, sizeof buffer, committed)) > 0) {
    ok = std::fwrite(buffer, 1, n, file_) == n;
  }
  ok = ok && std::ferror(committed) == 0;
  std::fclose(committed);
  return ok;
}

void AtomicFile::discard_temporary() {
  if (file_ != nullptr) std::fclose(file_);
  file_ = nullptr;
  if (!temporary_.empty()) ::unlink(temporary_.c_str());
  temporary_.clear();
}

AtomicFile::~AtomicFile() {
  if (append_) {
    if (file_ != nullptr) std::fclose(file_);
  } else {
    discard_temporary();
  }
}

void AtomicFile::write(std::string_view bytes) {
  if (file_ == nullptr) open_temporary(true);
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) fail("write failed");
}

void AtomicFile::commit() {
  if (file_ == nullptr) return;  // nothing written since the last commit
  if (std::fflush(file_) != 0) fail("write failed");
  // EINVAL: a pipe or device (append to /dev/stdout, /dev/null), which has
  // nothing to make durable.
  if (::fsync(fileno(file_)) != 0 && !(append_ && errno == EINVAL)) fail("fsync failed");
  if (append_) return;
  // Permissions as for a newly created file (mkstemp makes it 0600).
  ::fchmod(fileno(file_), 0666 & ~current_umask());
  // The temporary file stays open until the rename succeeds: when it fails,
  // later writes go on appending to it and the next commit retries, instead
  // of starting over from the old target and losing what was written.
  if (std::rename(temporary_.c_str(), path_.c_str()) != 0)
    fail("cannot rename the temporary file into place");
  std::fclose(file_);
  file_ = nullptr;
  temporary_.clear();
  fsync_directory(fs::path(path_).parent_path());
}

}  // namespace opis::jsonl
