// Files named after record ids, replaced atomically. Shared by the outputs
// that write one file per record (tei, dublin-core): the same id always
// maps to the same file, which is what makes writing a record again a
// replacement.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <opis/sdk.hpp>
#include <string>
#include <string_view>

namespace opis::files {

// A file name for a record id: letters, digits, '-', '_' and '.' are kept,
// every other byte becomes %XX (so distinct ids give distinct names, and
// '/' or ".." cannot leave the directory). A leading '.' is escaped too, so
// no record file is hidden. Names longer than 200 bytes are cut and end
// with a 64-bit FNV-1a hash of the whole id, which keeps them distinct in
// practice and under the usual 255-byte limit.
inline std::string file_name_for(std::string_view id, std::string_view extension) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string name;
  for (size_t i = 0; i < id.size(); ++i) {
    const auto c = static_cast<unsigned char>(id[i]);
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '-' || c == '_' || (c == '.' && i > 0);
    if (plain) {
      name += static_cast<char>(c);
    } else {
      name += '%';
      name += kHex[c >> 4];
      name += kHex[c & 0x0F];
    }
  }
  constexpr size_t kMaxStem = 200;
  if (name.size() > kMaxStem) {
    uint64_t hash = 14695981039346656037ull;
    for (const char c : id) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ull;
    }
    char suffix[18];
    std::snprintf(suffix, sizeof suffix, "~%016llx", static_cast<unsigned long long>(hash));
    name.resize(kMaxStem - 17);
    name += suffix;
  }
  return name + std::string(extension);
}

[[noreturn]] inline void io_failure(const std::string& path, const std::string& what) {
  throw opis::sdk::Error(OPIS_IO_ERROR, path + ": " + what + ": " + std::strerror(errno));
}

// Creates `directory` and its parents; throws naming `subject` on failure.
inline void create_directory(const std::filesystem::path& directory, const std::string& subject) {
  std::error_code ec;
  if (!directory.empty()) std::filesystem::create_directories(directory, ec);
  if (ec) {
    throw opis::sdk::Error(OPIS_IO_ERROR, subject + ": cannot create directory " +
                                              directory.string() + ": " + ec.message());
  }
}

// Writes `content` to a new hidden file beside `path` (named after it and
// the process) and returns its name, without syncing it. Created with mode
// 0666 so the umask applies as for any new file.
inline std::string write_temporary(const std::string& path, std::string_view content) {
  const std::filesystem::path target(path);
  const std::string temporary = (target.parent_path() / ("." + target.filename().string() +
                                                         ".tmp-" + std::to_string(::getpid())))
                                    .string();
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) io_failure(path, "cannot create the temporary file " + temporary);
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : ENOSPC;
      ::close(fd);
      ::unlink(temporary.c_str());
      errno = error;
      io_failure(path, "write failed");
    }
    written += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    errno = error;
    io_failure(path, "write failed");
  }
  return temporary;
}

// Makes every file written under `directory` durable with one syncfs(2)
// instead of an fsync per file: a flush of many small record files then
// costs one sync, not one each.
inline void sync_files_under(const std::string& directory) {
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) io_failure(directory, "cannot open the directory to sync it");
  if (::syncfs(fd) != 0) {
    const int error = errno;
    ::close(fd);
    errno = error;
    io_failure(directory, "sync failed");
  }
  ::close(fd);
}

inline void rename_into_place(const std::string& temporary, const std::string& path) {
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    errno = error;
    io_failure(path, "cannot rename the temporary file into place");
  }
}

// Replaces `path` with `content` atomically and durably: readers see the
// old file or the whole new one.
inline void replace_file(const std::string& path, std::string_view content) {
  const std::string temporary = write_temporary(path, content);
  const int fd = ::open(temporary.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0 || ::fsync(fd) != 0) {
    const int error = errno;
    if (fd >= 0) ::close(fd);
    ::unlink(temporary.c_str());
    errno = error;
    io_failure(path, "fsync failed");
  }
  ::close(fd);
  rename_into_place(temporary, path);
}

}  // namespace opis::files
