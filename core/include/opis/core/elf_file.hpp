// Just enough of ELF (64-bit, little-endian) to read a named section and the
// dynamic symbol names of a shared object without loading it. Every offset
// is bounds-checked, so truncated and hostile files give an error, not a
// crash.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opis::core {

class ElfFile {
 public:
  // Throws std::runtime_error naming the problem ("truncated: section
  // headers end past the end of the file", "not an ELF file", ...).
  explicit ElfFile(std::string bytes);
  static ElfFile read(const std::filesystem::path& file);

  std::vector<std::string> section_names() const;
  std::optional<std::string_view> section(std::string_view name) const;
  bool has_dynamic_symbol(std::string_view name) const;

 private:
  struct Section {
    std::string name;
    uint32_t type;
    uint64_t offset;
    uint64_t size;
    uint32_t link;
  };
  std::string_view bytes_at(uint64_t offset, uint64_t size, const char* what) const;

  std::string bytes_;
  std::vector<Section> sections_;
};

}  // namespace opis::core
