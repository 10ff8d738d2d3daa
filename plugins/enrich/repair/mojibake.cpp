#include "mojibake.hpp"

#include <string>

#include "utf8.hpp"

namespace opis::repair {
namespace {

// The byte Windows-1252 encodes `c` as, or -1. Its five unassigned bytes
// come through decoders as the C1 controls of the same value.
int cp1252_byte(char32_t c) {
  if (c < 0x80 || (c >= 0xA0 && c <= 0xFF)) return static_cast<int>(c);
  if (c >= 0x80 && c <= 0x9F) return static_cast<int>(c);
  switch (c) {
    case 0x20AC:
      return 0x80;
    case 0x201A:
      return 0x82;
    case 0x0192:
      return 0x83;
    case 0x201E:
      return 0x84;
    case 0x2026:
      return 0x85;
    case 0x2020:
      return 0x86;
    case 0x2021:
      return 0x87;
    case 0x02C6:
      return 0x88;
    case 0x2030:
      return 0x89;
    case 0x0160:
      return 0x8A;
    case 0x2039:
      return 0x8B;
    case 0x0152:
      return 0x8C;
    case 0x017D:
      return 0x8E;
    case 0x2018:
      return 0x91;
    case 0x2019:
      return 0x92;
    case 0x201C:
      return 0x93;
    case 0x201D:
      return 0x94;
    case 0x2022:
      return 0x95;
    case 0x2013:
      return 0x96;
    case 0x2014:
      return 0x97;
    case 0x02DC:
      return 0x98;
    case 0x2122:
      return 0x99;
    case 0x0161:
      return 0x9A;
    case 0x203A:
      return 0x9B;
    case 0x0153:
      return 0x9C;
    case 0x017E:
      return 0x9E;
    case 0x0178:
      return 0x9F;
    default:
      return -1;
  }
}

// Scripts and symbols an archive's text plausibly holds: a decoding that
// lands elsewhere (Hebrew from "Ö”") is more likely a real pair of letters.
bool plausible(char32_t c) {
  return (c >= 0xA0 && c <= 0x24F) || (c >= 0x370 && c <= 0x52F) || (c >= 0x2000 && c <= 0x206F) ||
         (c >= 0x20A0 && c <= 0x20CF) || (c >= 0x2100 && c <= 0x214F);
}

// The mojibake sequence starting at `i`: its length in `text` and the
// character it stands for, or length 0.
size_t match_at(std::string_view text, size_t i, std::string& decoded) {
  const Decoded lead = decode_at(text, i);
  if (lead.cp < 0xC2 || lead.cp > 0xF4) return 0;
  const size_t continuation = lead.cp < 0xE0 ? 1 : lead.cp < 0xF0 ? 2 : 3;
  std::string bytes(1, static_cast<char>(lead.cp));
  size_t at = i + lead.length;
  for (size_t k = 0; k < continuation; ++k) {
    if (at >= text.size()) return 0;
    const Decoded d = decode_at(text, at);
    const int b = cp1252_byte(d.cp);
    if (b < 0x80 || b > 0xBF) return 0;
    bytes.push_back(static_cast<char>(b));
    at += d.length;
  }
  const Decoded original = decode_at(bytes, 0);
  if (original.length != bytes.size()) return 0;
  // Overlong forms and surrogates are not text.
  const size_t needed = original.cp < 0x800 ? 2 : original.cp < 0x10000 ? 3 : 4;
  if (needed != bytes.size() || (original.cp >= 0xD800 && original.cp <= 0xDFFF)) return 0;
  if (!plausible(original.cp)) return 0;
  decoded = std::move(bytes);
  return at - i;
}

}  // namespace

std::vector<Edit> find_mojibake(std::string_view text) {
  std::vector<Edit> edits;
  std::string decoded;
  // Every lead of a sequence (U+00C2..U+00F4) is encoded C3 xx.
  for (size_t i = text.find('\xC3'); i != std::string_view::npos; i = text.find('\xC3', i)) {
    const size_t length = match_at(text, i, decoded);
    if (length == 0) {
      ++i;
      continue;
    }
    if (!edits.empty() && edits.back().end == i) {
      edits.back().end = i + length;
      edits.back().replacement.append(decoded);
    } else {
      Edit edit;
      edit.begin = i;
      edit.end = i + length;
      edit.replacement = decoded;
      edit.reason = "mojibake";
      edits.push_back(std::move(edit));
    }
    i += length;
  }
  return edits;
}

}  // namespace opis::repair
