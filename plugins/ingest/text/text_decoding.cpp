#include "text_decoding.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>
#include <opis/sdk.hpp>
#include <opis/utf8.hpp>
#include <vector>

namespace opis::text {

namespace {

using opis::sdk::InputError;
constexpr size_t npos = std::string_view::npos;

// Whether `s` holds a byte outside ASCII: in valid UTF-8, part of a
// well-formed multi-byte sequence.
bool has_multibyte(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return (static_cast<unsigned char>(c) & 0x80) != 0; });
}

std::string hex_byte(char byte) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  const auto c = static_cast<unsigned char>(byte);
  return std::string("0x") + kHex[c >> 4] + kHex[c & 0xF];
}

// Control characters other than tab, LF, FF, CR and ESC do not occur in
// text. `data` starts at byte `base` of the document; `in` says what the
// offsets count in when that is not the document's bytes.
void refuse_binary(std::string_view data, size_t base, const std::string& in = {}) {
  const size_t nul = data.find('\0');
  if (nul != npos) {
    throw InputError("binary data, not text: NUL byte at offset " + std::to_string(base + nul) +
                     in);
  }
  size_t controls = 0;
  const size_t sample = std::min<size_t>(data.size(), 64 * 1024);
  // A table instead of a chain of comparisons: this runs over every document.
  static constexpr auto kControl = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = 1;
    t['\t'] = t['\n'] = t['\f'] = t['\r'] = t[0x1B] = 0;
    return t;
  }();
  size_t i = 0;
  for (; i + 8 <= sample; i += 8) {
    // Words without any byte below 0x20 (most of them) need no counting.
    uint64_t word;
    std::memcpy(&word, data.data() + i, 8);
    constexpr uint64_t kOnes = 0x0101010101010101ull;
    if (((word - kOnes * 0x20) & ~word & (kOnes * 0x80)) == 0) continue;
    for (size_t k = i; k < i + 8; ++k) controls += kControl[static_cast<unsigned char>(data[k])];
  }
  for (; i < sample; ++i) controls += kControl[static_cast<unsigned char>(data[i])];
  if (controls * 100 > sample * 2) {  // more than 2%
    throw InputError("binary data, not text: " + std::to_string(controls) +
                     " control characters in the first " + std::to_string(sample) + " bytes" + in);
  }
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// Null when ICU has no converter by that name.
Converter open_converter(const std::string& charset) {
  UErrorCode status = U_ZERO_ERROR;
  Converter converter(ucnv_open(charset.c_str(), &status));
  if (U_FAILURE(status)) return nullptr;
  return converter;
}

// ucnv_compareNames ignores case and punctuation: "utf8" is "UTF-8".
bool is_utf8(const std::string& charset) {
  return ucnv_compareNames(charset.c_str(), "UTF-8") == 0;
}

// UTF-16 and UTF-32 put NUL bytes in plain text, so their binary check runs
// on the decoded text instead of the bytes.
bool is_wide(const std::string& charset) {
  const Converter converter = open_converter(charset);
  return converter != nullptr && ucnv_getMinCharSize(converter.get()) > 1;
}

// ICU stops just after the bytes it could not decode and keeps them, so the
// offset can name where they start.
std::string undecodable(const UConverter* converter, std::string_view bytes, const char* stopped,
                        const std::string& charset, size_t base) {
  char invalid[32];
  int8_t length = sizeof invalid;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_getInvalidChars(converter, invalid, &length, &status);
  if (U_FAILURE(status)) length = 0;
  const auto end = static_cast<size_t>(stopped - bytes.data());
  const size_t start = end >= static_cast<size_t>(length) ? end - static_cast<size_t>(length) : 0;
  std::string message = "not valid " + charset + ": undecodable byte";
  if (start < bytes.size()) message += " " + hex_byte(bytes[start]);
  return message + " at byte offset " + std::to_string(base + start);
}

// Decodes `bytes` (at offset `base` of the document) from `charset` with
// ICU; throws on malformed input unless `replace` is set.
std::string convert_to_utf8(std::string_view bytes, const std::string& charset, bool replace,
                            size_t base) {
  const Converter from = open_converter(charset);
  if (from == nullptr) throw InputError("unknown encoding '" + charset + "'");
  UErrorCode status = U_ZERO_ERROR;
  if (!replace) {
    ucnv_setToUCallBack(from.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  }
  // At most two UTF-16 units per byte, whatever the charset.
  std::vector<UChar> utf16(bytes.size() * 2 + 16);
  const char* source = bytes.data();
  UChar* target = utf16.data();
  ucnv_toUnicode(from.get(), &target, utf16.data() + utf16.size(), &source,
                 bytes.data() + bytes.size(), nullptr, true, &status);
  if (U_FAILURE(status)) throw InputError(undecodable(from.get(), bytes, source, charset, base));
  const auto units = static_cast<int32_t>(target - utf16.data());
  std::string out(static_cast<size_t>(units) * 3 + 1, '\0');
  int32_t written = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &written, utf16.data(), units, &status);
  if (U_FAILURE(status)) throw InputError("could not convert " + charset + " text to UTF-8");
  out.resize(static_cast<size_t>(written));
  return out;
}

std::string replace_bad_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    const size_t bad = sdk::first_invalid_utf8(s);
    if (bad == npos) {
      out.append(s);
      break;
    }
    out.append(s.substr(0, bad));
    out.append("\xEF\xBF\xBD");  // U+FFFD
    s.remove_prefix(bad + 1);
  }
  return out;
}

std::string normalize_newlines(std::string text) {
  if (text.find('\r') == std::string::npos) return text;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out.push_back('\n');
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

// UTF-8 is checked here rather than by ICU so that the error names the
// exact byte. `bytes` starts at offset `base` of the document.
Decoded checked_utf8(std::string_view bytes) {
  Decoded out;
  out.charset = "UTF-8";
  out.text = std::string(bytes);
  return out;
}

Decoded decode_utf8(std::string_view bytes, bool replace_invalid, size_t base) {
  const size_t bad = sdk::first_invalid_utf8(bytes);
  if (bad == npos) return checked_utf8(bytes);
  Decoded out;
  out.charset = "UTF-8";
  if (!replace_invalid) {
    throw InputError("invalid UTF-8 at byte offset " + std::to_string(base + bad) + " (byte " +
                     hex_byte(bytes[bad]) +
                     "); set on_invalid: replace to keep the text with U+FFFD, "
                     "or encoding: to the document's charset");
  }
  out.text = replace_bad_utf8(bytes);
  out.note = "invalid UTF-8 sequences replaced with U+FFFD";
  return out;
}

// Decodes from a charset known in advance (byte order mark or config).
Decoded decode_as(std::string_view bytes, const std::string& charset, bool replace_invalid,
                  size_t base) {
  if (is_utf8(charset)) {
    refuse_binary(bytes, base);
    return decode_utf8(bytes, replace_invalid, base);
  }
  Decoded out;
  out.charset = charset;
  if (is_wide(charset)) {
    out.text = convert_to_utf8(bytes, charset, replace_invalid, base);
    refuse_binary(out.text, 0, " of the text decoded from " + charset);
  } else {
    refuse_binary(bytes, base);
    out.text = convert_to_utf8(bytes, charset, replace_invalid, base);
  }
  return out;
}

struct Detection {
  std::string charset;
  int confidence = 0;
};

Detection detect_charset(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return {};
  const auto length = static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20));
  ucsdet_setText(detector, bytes.data(), length, &status);
  const UCharsetMatch* match = ucsdet_detect(detector, &status);
  Detection d;
  if (U_SUCCESS(status) && match != nullptr) {
    d.charset = ucsdet_getName(match, &status);
    d.confidence = ucsdet_getConfidence(match, &status);
  }
  ucsdet_close(detector);
  if (U_FAILURE(status)) return {};
  return d;
}

// No byte order mark and no configured charset: UTF-8 when it is valid;
// damaged UTF-8 when proper multi-byte sequences come before a broken one
// (guessing a charset would garble the good part); else a legacy charset
// the detector recognizes.
Decoded decode_detected(std::string_view bytes, const DecodeOptions& options) {
  refuse_binary(bytes, 0);
  const size_t bad = sdk::first_invalid_utf8(bytes);
  if (bad == npos) return checked_utf8(bytes);
  if (has_multibyte(bytes.substr(0, bad))) return decode_utf8(bytes, options.replace_invalid, 0);

  const Detection detected = detect_charset(bytes);
  if (detected.charset.empty() || is_utf8(detected.charset) ||
      detected.confidence < options.min_confidence) {
    // Nothing better than UTF-8 with the odd bytes replaced, when allowed.
    if (options.replace_invalid) return decode_utf8(bytes, true, 0);
    std::string guess;
    if (!detected.charset.empty()) {
      guess = " (best guess " + detected.charset + ", confidence " +
              std::to_string(detected.confidence) + ")";
    }
    throw InputError("not UTF-8 (byte " + hex_byte(bytes[bad]) + " at offset " +
                     std::to_string(bad) + ") and the charset could not be detected" + guess +
                     "; set encoding: in the text ingester's config");
  }
  Decoded out;
  out.charset = detected.charset;
  out.text = convert_to_utf8(bytes, detected.charset, options.replace_invalid, 0);
  out.note = "decoded from " + detected.charset + " (detected, confidence " +
             std::to_string(detected.confidence) + ")";
  return out;
}

struct ByteOrderMark {
  std::string_view bytes;
  const char* charset;
};

// Longest first: the UTF-32LE mark begins with the UTF-16LE one.
constexpr ByteOrderMark kByteOrderMarks[] = {
    {std::string_view("\xFF\xFE\0\0", 4), "UTF-32LE"},
    {std::string_view("\0\0\xFE\xFF", 4), "UTF-32BE"},
    {"\xEF\xBB\xBF", "UTF-8"},
    {"\xFF\xFE", "UTF-16LE"},
    {"\xFE\xFF", "UTF-16BE"},
};

const ByteOrderMark* byte_order_mark(std::string_view bytes) {
  for (const auto& bom : kByteOrderMarks) {
    if (bytes.substr(0, bom.bytes.size()) == bom.bytes) return &bom;
  }
  return nullptr;
}

}  // namespace

bool has_byte_order_mark(std::string_view bytes) {
  return byte_order_mark(bytes) != nullptr;
}

void check_options(const DecodeOptions& options) {
  if (options.encoding != "auto" && open_converter(options.encoding) == nullptr) {
    throw opis::sdk::ConfigError("encoding: no charset named '" + options.encoding +
                                 "' (use auto, or a name such as UTF-8, windows-1252, KOI8-R)");
  }
}

Decoded decode_text(std::string_view bytes, const DecodeOptions& options) {
  if (bytes.empty()) throw InputError("empty document (0 bytes)");
  Decoded out;
  if (const ByteOrderMark* bom = byte_order_mark(bytes)) {
    // A byte order mark says what the text is, whatever the config says.
    const std::string charset = bom->charset;
    out = decode_as(bytes.substr(bom->bytes.size()), charset, options.replace_invalid,
                    bom->bytes.size());
    if (!is_utf8(charset)) out.note = "decoded from " + charset + " (byte order mark)";
  } else if (options.encoding != "auto") {
    out = decode_as(bytes, options.encoding, options.replace_invalid, 0);
    if (!is_utf8(options.encoding)) {
      out.note = "decoded from " + options.encoding + " (configured)";
    }
  } else {
    out = decode_detected(bytes, options);
  }
  out.text = normalize_newlines(std::move(out.text));
  return out;
}

}  // namespace opis::text
