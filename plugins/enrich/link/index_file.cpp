#include "index_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace opis::link {
namespace {

using nlohmann::json;

constexpr size_t kHexDigits = 16;

std::string to_hex(uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(kHexDigits, '0');
  for (size_t i = 0; i < kHexDigits; ++i)
    out[kHexDigits - 1 - i] = kDigits[(value >> (4 * i)) & 0xF];
  return out;
}

uint64_t from_hex(std::string_view text) {
  if (text.size() != kHexDigits) throw std::runtime_error("a hash is not 16 hex digits");
  uint64_t value = 0;
  for (const char c : text) {
    int digit = 0;
    if (c >= '0' && c <= '9') {
      digit = c - '0';
    } else if (c >= 'a' && c <= 'f') {
      digit = c - 'a' + 10;
    } else {
      throw std::runtime_error("a hash has a character that is not a lower-case hex digit");
    }
    value = (value << 4) | static_cast<uint64_t>(digit);
  }
  return value;
}

std::string string_field(const json& line, const char* name, bool required) {
  const auto found = line.find(name);
  if (found == line.end()) {
    if (required) throw std::runtime_error(std::string("no \"") + name + "\"");
    return {};
  }
  if (!found->is_string())
    throw std::runtime_error(std::string("\"") + name + "\" is not a string");
  return found->get<std::string>();
}

IndexEntry parse_entry(const std::string& text) {
  const json line = json::parse(text);
  if (!line.is_object()) throw std::runtime_error("not a JSON object");
  IndexEntry entry;
  entry.id = string_field(line, "id", true);
  if (entry.id.empty()) throw std::runtime_error("\"id\" is empty");
  entry.key = string_field(line, "key", false);
  entry.kind = string_field(line, "kind", false);
  const std::string minhash = string_field(line, "minhash", false);
  if (minhash.empty()) return entry;
  if (minhash.size() != kMinHashSize * kHexDigits) {
    throw std::runtime_error("\"minhash\" is not " + std::to_string(kMinHashSize * kHexDigits) +
                             " hex digits");
  }
  TextSignature signature;
  for (size_t i = 0; i < kMinHashSize; ++i) {
    signature.minhash[i] = from_hex(std::string_view(minhash).substr(i * kHexDigits, kHexDigits));
  }
  signature.text_hash = from_hex(string_field(line, "text_hash", true));
  const auto words = line.find("words");
  if (words == line.end() || !words->is_number_unsigned() || words->get<uint64_t>() > UINT32_MAX) {
    throw std::runtime_error("\"words\" is not a count");
  }
  signature.words = words->get<uint32_t>();
  entry.signature = signature;
  return entry;
}

json entry_json(const IndexEntry& entry) {
  json line = {{"id", entry.id}};
  if (!entry.key.empty()) line["key"] = entry.key;
  if (!entry.kind.empty()) line["kind"] = entry.kind;
  if (entry.signature) {
    std::string minhash;
    minhash.reserve(kMinHashSize * kHexDigits);
    for (const uint64_t slot : entry.signature->minhash) minhash += to_hex(slot);
    line["minhash"] = minhash;
    line["text_hash"] = to_hex(entry.signature->text_hash);
    line["words"] = entry.signature->words;
  }
  return line;
}

}  // namespace

void load_index_file(const std::string& path, const std::function<bool(IndexEntry)>& on_entry) {
  std::error_code ignored;
  if (!std::filesystem::exists(path, ignored)) return;
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("index_file " + path + ": cannot open: " + std::strerror(errno));
  std::string text;
  size_t number = 0;
  while (std::getline(in, text)) {
    ++number;
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    IndexEntry entry;
    try {
      entry = parse_entry(text);
    } catch (const std::exception& e) {
      throw std::runtime_error("index_file " + path + " line " + std::to_string(number) + ": " +
                               e.what());
    }
    if (!on_entry(std::move(entry))) return;
  }
  if (in.bad()) throw std::runtime_error("index_file " + path + ": read error");
}

void save_index_file(const std::string& path, std::vector<const IndexEntry*> entries) {
  std::sort(entries.begin(), entries.end(),
            [](const IndexEntry* a, const IndexEntry* b) { return a->id < b->id; });
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw std::runtime_error("index_file " + temporary +
                               ": cannot create: " + std::strerror(errno));
    }
    for (const IndexEntry* entry : entries) out << entry_json(*entry).dump() << '\n';
    out.flush();
    if (!out) throw std::runtime_error("index_file " + temporary + ": write failed");
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  if (error) {
    const std::string reason = error.message();
    std::filesystem::remove(temporary, error);
    throw std::runtime_error("index_file " + path + ": cannot replace: " + reason);
  }
}

}  // namespace opis::link
