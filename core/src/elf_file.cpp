#include "opis/core/elf_file.hpp"

#include <elf.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace opis::core {

namespace {

template <class T>
T load(std::string_view bytes, uint64_t offset) {
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));
  return value;
}

}  // namespace

ElfFile ElfFile::read(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open the file");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw std::runtime_error("cannot read the file");
  return ElfFile(std::move(bytes));
}

std::string_view ElfFile::bytes_at(uint64_t offset, uint64_t size, const char* what) const {
  if (offset > bytes_.size() || size > bytes_.size() - offset) {
    throw std::runtime_error(std::string("truncated or corrupt: ") + what +
                             " lies past the end of the file (" + std::to_string(bytes_.size()) +
                             " bytes)");
  }
  return std::string_view(bytes_).substr(offset, size);
}

ElfFile::ElfFile(std::string bytes) : bytes_(std::move(bytes)) {
  if (bytes_.size() < EI_NIDENT || std::memcmp(bytes_.data(), ELFMAG, SELFMAG) != 0) {
    throw std::runtime_error("not an ELF shared library (no ELF magic number)");
  }
  if (bytes_[EI_CLASS] != ELFCLASS64 || bytes_[EI_DATA] != ELFDATA2LSB) {
    throw std::runtime_error("not a 64-bit little-endian ELF file");
  }
  const auto header = load<Elf64_Ehdr>(bytes_at(0, sizeof(Elf64_Ehdr), "the ELF header"), 0);
  if (header.e_type != ET_DYN) throw std::runtime_error("an ELF file but not a shared library");
  if (header.e_shentsize != sizeof(Elf64_Shdr)) {
    throw std::runtime_error("corrupt: unexpected section header size");
  }
  const std::string_view table = bytes_at(
      header.e_shoff, uint64_t{header.e_shnum} * sizeof(Elf64_Shdr), "the section header table");
  std::vector<Elf64_Shdr> raw(header.e_shnum);
  for (uint16_t i = 0; i < header.e_shnum; ++i) {
    raw[i] = load<Elf64_Shdr>(table, uint64_t{i} * sizeof(Elf64_Shdr));
  }
  if (header.e_shstrndx >= raw.size()) throw std::runtime_error("corrupt: no section name table");
  const auto& names_header = raw[header.e_shstrndx];
  const std::string_view names =
      bytes_at(names_header.sh_offset, names_header.sh_size, "the section name table");
  for (const auto& s : raw) {
    if (s.sh_name >= names.size()) throw std::runtime_error("corrupt: section name out of range");
    const std::string_view rest = names.substr(s.sh_name);
    const std::string name(rest.substr(0, rest.find('\0')));
    const uint64_t file_size = s.sh_type == SHT_NOBITS ? 0 : s.sh_size;
    bytes_at(s.sh_offset, file_size, ("section " + name).c_str());
    sections_.push_back({name, s.sh_type, s.sh_offset, file_size, s.sh_link});
  }
}

std::vector<std::string> ElfFile::section_names() const {
  std::vector<std::string> out;
  for (const auto& s : sections_) out.push_back(s.name);
  return out;
}

std::optional<std::string_view> ElfFile::section(std::string_view name) const {
  for (const auto& s : sections_) {
    if (s.name == name) return std::string_view(bytes_).substr(s.offset, s.size);
  }
  return std::nullopt;
}

bool ElfFile::has_dynamic_symbol(std::string_view name) const {
  for (const auto& s : sections_) {
    if (s.type != SHT_DYNSYM || s.link >= sections_.size()) continue;
    const auto& strtab = sections_[s.link];
    const std::string_view strings = std::string_view(bytes_).substr(strtab.offset, strtab.size);
    const std::string_view symbols = std::string_view(bytes_).substr(s.offset, s.size);
    for (uint64_t off = 0; off + sizeof(Elf64_Sym) <= symbols.size(); off += sizeof(Elf64_Sym)) {
      const auto sym = load<Elf64_Sym>(symbols, off);
      if (sym.st_name >= strings.size() || sym.st_shndx == SHN_UNDEF) continue;
      const std::string_view rest = strings.substr(sym.st_name);
      if (rest.substr(0, rest.find('\0')) == name) return true;
    }
  }
  return false;
}

}  // namespace opis::core
