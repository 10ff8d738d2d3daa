#include "opis/core/media_type.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

namespace opis::core {

namespace {

struct Magic {
  std::string_view prefix;
  const char* media_type;
};

constexpr std::array kMagic = {
    Magic{"%PDF-", "application/pdf"},
    Magic{"PK\x03\x04", "application/zip"},
    Magic{"\x89PNG\r\n\x1a\n", "image/png"},
    Magic{"\xFF\xD8\xFF", "image/jpeg"},
    Magic{"GIF87a", "image/gif"},
    Magic{"GIF89a", "image/gif"},
    Magic{std::string_view("II*\0", 4), "image/tiff"},
    Magic{std::string_view("MM\0*", 4), "image/tiff"},
    Magic{"\x1F\x8B", "application/gzip"},
    Magic{"\x7F"
          "ELF",
          "application/x-executable"},
    Magic{"{\\rtf", "application/rtf"},
    Magic{std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "application/x-ole-storage"},
};

constexpr std::array<std::pair<std::string_view, const char*>, 13> kExtensions = {{
    {".txt", "text/plain"},
    {".text", "text/plain"},
    {".md", "text/markdown"},
    {".jsonl", "application/x-ndjson"},
    {".ndjson", "application/x-ndjson"},
    {".json", "application/json"},
    {".pdf", "application/pdf"},
    {".xml", "application/xml"},
    {".html", "text/html"},
    {".htm", "text/html"},
    {".csv", "text/csv"},
    {".tsv", "text/tab-separated-values"},
    {".yaml", "application/yaml"},
}};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool starts_with_utf16_bom(std::string_view content) {
  return content.size() >= 2 && ((content[0] == '\xFF' && content[1] == '\xFE') ||
                                 (content[0] == '\xFE' && content[1] == '\xFF'));
}

}  // namespace

std::string sniff_media_type(std::string_view file_name, std::string_view content) {
  for (const auto& magic : kMagic) {
    if (content.substr(0, magic.prefix.size()) == magic.prefix) return magic.media_type;
  }
  const auto dot = file_name.rfind('.');
  const auto slash = file_name.find_last_of('/');
  std::string by_extension;
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) {
    const std::string ext = lower(file_name.substr(dot));
    for (const auto& [e, type] : kExtensions) {
      if (e == ext) by_extension = type;
    }
  }
  // NUL bytes in the first 8 KiB mean binary, unless the text is UTF-16.
  const std::string_view head = content.substr(0, 8192);
  if (!starts_with_utf16_bom(head) && head.find('\0') != std::string_view::npos) {
    return by_extension.empty() || by_extension.rfind("text/", 0) != 0 ? "application/octet-stream"
                                                                       : by_extension;
  }
  return by_extension.empty() ? "text/plain" : by_extension;
}

bool glob_match(std::string_view pattern, std::string_view name) {
  size_t p = 0, n = 0, star_p = std::string_view::npos, star_n = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '[') {
      const size_t close = pattern.find(']', p + 1);
      if (close != std::string_view::npos) {
        const std::string_view set = pattern.substr(p + 1, close - p - 1);
        if (set.find(name[n]) != std::string_view::npos) {
          p = close + 1;
          ++n;
          continue;
        }
      }
    } else if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == name[n])) {
      ++p;
      ++n;
      continue;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star_p = p++;
      star_n = n;
      continue;
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p + 1;
    n = ++star_n;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool media_type_match(std::string_view pattern, std::string_view media_type) {
  // RFC 9110 §8.3.1: type and subtype are case-insensitive, and optional
  // whitespace may precede the ';' that starts the parameters.
  media_type = media_type.substr(0, media_type.find(';'));
  media_type = media_type.substr(0, media_type.find_last_not_of(" \t") + 1);
  if (pattern == "*/*" || pattern == "*") return true;
  const std::string type = lower(media_type);
  if (pattern.size() >= 2 && pattern.substr(pattern.size() - 2) == "/*") {
    const std::string prefix = lower(pattern.substr(0, pattern.size() - 1));
    return type.compare(0, prefix.size(), prefix) == 0;
  }
  return lower(pattern) == type;
}

}  // namespace opis::core
