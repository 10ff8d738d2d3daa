// Files for tests run through the SDK's harness (opis_add_harness_test):
// a temporary directory, reading a file back, and the shared seeds. Standard library only, so
// a harness test still links neither the host nor protobuf.
#ifndef OPIS_TESTS_SUPPORT_HARNESS_TEMP_FILES_HPP
#define OPIS_TESTS_SUPPORT_HARNESS_TEMP_FILES_HPP

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>

namespace opis::test_files {

// A fresh directory under the system's temporary directory, removed with
// everything in it when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "opis-test-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  // Writes `content` to `name` (creating directories) and returns the path.
  std::filesystem::path write(const std::string& name, const std::string& content) const {
    const std::filesystem::path file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + file.string());
    return file;
  }

 private:
  std::filesystem::path path_;
};

inline std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// The shared seed documents beside the checkout (../shared/seeds, from the
// source directory), or an empty path when they are absent: tests on them
// skip on a machine without them rather than fail.
inline std::filesystem::path seeds_beside(const std::filesystem::path& source_dir) {
  const auto seeds = source_dir.parent_path() / "shared" / "seeds";
  std::error_code ec;
  return std::filesystem::is_directory(seeds, ec) ? seeds : std::filesystem::path();
}

}  // namespace opis::test_files

#endif  // OPIS_TESTS_SUPPORT_HARNESS_TEMP_FILES_HPP
