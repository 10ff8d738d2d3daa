// A file replaced atomically: written to a temporary file beside the target
// and renamed over it on commit, so readers see the old file or the whole
// new one, never a half-written one. Without a commit the temporary file is
// removed and the target is untouched.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace opis::jsonl {

class AtomicFile {
 public:
  // Creates the parent directory and the temporary file; throws
  // opis::sdk::Error(OPIS_IO_ERROR) naming the path on failure. With
  // `append`, writes go straight to the target (no temporary file) and
  // commit only makes them durable.
  AtomicFile(std::string path, bool append);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view bytes);
  // fsync, rename, fsync the directory. Later writes start a new temporary
  // file holding what was committed, so each commit is again all or nothing.
  // When the rename fails, the temporary file stays and the next commit
  // retries with everything written so far.
  void commit();

 private:
  void open_temporary(bool seed_with_target);
  // Copies the committed file into the temporary one; false on failure.
  bool copy_target();
  // Closes and removes the temporary file.
  void discard_temporary();
  [[noreturn]] void fail(const std::string& what) const;

  std::string path_;
  std::string temporary_;
  bool append_;
  std::FILE* file_ = nullptr;
};

}  // namespace opis::jsonl
