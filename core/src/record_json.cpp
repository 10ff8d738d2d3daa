#include "opis/core/record_json.hpp"

#include <google/protobuf/descriptor.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace opis::core {

namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Code points protobuf's JSON printer writes as \uXXXX besides the C0 and C1
// controls: format characters and separators that would otherwise be
// invisible or break JavaScript (protobuf's json_escaping.cc).
bool escaped_above_c1(uint32_t c) {
  if (c < 0x600) return c == 0xad;
  if (c <= 0x603 || c == 0x6dd || c == 0x70f || c == 0x17b4 || c == 0x17b5) return c >= 0x600;
  if (c >= 0x200b && c <= 0x200f) return true;
  if (c >= 0x2028 && c <= 0x202e) return true;
  if (c >= 0x2060 && c <= 0x2064) return true;
  if (c >= 0x206a && c <= 0x206f) return true;
  if (c == 0xfeff) return true;
  if (c >= 0xfff9 && c <= 0xfffb) return true;
  if (c >= 0x1d173 && c <= 0x1d17a) return true;
  if (c == 0xe0001) return true;
  return c >= 0xe0020 && c <= 0xe007f;
}

void append_u_escape(std::string& out, uint32_t unit) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char escape[6] = {'\\',
                          'u',
                          kHex[(unit >> 12) & 0xf],
                          kHex[(unit >> 8) & 0xf],
                          kHex[(unit >> 4) & 0xf],
                          kHex[unit & 0xf]};
  out.append(escape, 6);
}

// Decodes one UTF-8 sequence at `s[i]`; 0 when it is not valid UTF-8.
std::size_t decode_utf8(std::string_view s, std::size_t i, uint32_t& cp) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned char lead = b(0);
  const std::size_t left = s.size() - i;
  const auto cont = [&](std::size_t k) { return (b(k) & 0xc0) == 0x80; };
  if (lead >= 0xc2 && lead <= 0xdf && left >= 2 && cont(1)) {
    cp = ((lead & 0x1fu) << 6) | (b(1) & 0x3fu);
    return 2;
  }
  if (lead >= 0xe0 && lead <= 0xef && left >= 3 && cont(1) && cont(2)) {
    cp = ((lead & 0x0fu) << 12) | ((b(1) & 0x3fu) << 6) | (b(2) & 0x3fu);
    if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
    return 3;
  }
  if (lead >= 0xf0 && lead <= 0xf4 && left >= 4 && cont(1) && cont(2) && cont(3)) {
    cp = ((lead & 0x07u) << 18) | ((b(1) & 0x3fu) << 12) | ((b(2) & 0x3fu) << 6) | (b(3) & 0x3fu);
    if (cp < 0x10000 || cp > 0x10ffff) return 0;
    return 4;
  }
  return 0;
}

// ASCII bytes that need an escape: controls, '"', '\\', '<', '>', DEL.
constexpr std::array<bool, 128> kAsciiEscaped = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = true;
  t['"'] = t['\\'] = t['<'] = t['>'] = t[0x7f] = true;
  return t;
}();

// Whether any of the eight bytes in `word` is not ordinary ASCII (a byte
// kAsciiEscaped marks, or one >= 0x80), by the usual bit tricks: a byte of
// `v` is zero exactly when `(v - ones) & ~v` has its top bit set.
constexpr bool needs_escape_or_utf8(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const auto has_zero = [](uint64_t v) { return ((v - kOnes) & ~v & kHigh) != 0; };
  const auto has_byte = [&](uint8_t b) { return has_zero(word ^ (kOnes * b)); };
  const bool below_space = ((word - kOnes * 0x20) & ~word & kHigh) != 0;
  return (word & kHigh) != 0 || below_space || has_byte('"') || has_byte('\\') || has_byte('<') ||
         has_byte('>') || has_byte(0x7f);
}

bool append_string(std::string& out, std::string_view s) {
  out += '"';
  std::size_t i = 0;
  while (i < s.size()) {
    // Runs of ordinary ASCII, copied at once; found eight bytes at a time.
    std::size_t run = i;
    while (run + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + run, 8);
      if (needs_escape_or_utf8(word)) break;
      run += 8;
    }
    while (run < s.size() && static_cast<unsigned char>(s[run]) < 0x80 &&
           !kAsciiEscaped[static_cast<unsigned char>(s[run])]) {
      ++run;
    }
    out.append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) break;
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80) {
      switch (byte) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\b':
          out += "\\b";
          break;
        case '\f':
          out += "\\f";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          append_u_escape(out, byte);
      }
      ++i;
      continue;
    }
    uint32_t cp = 0;
    const std::size_t length = decode_utf8(s, i, cp);
    if (length == 0) return false;
    if (cp <= 0x9f || escaped_above_c1(cp)) {
      if (cp >= 0x10000) {
        const uint32_t v = cp - 0x10000;
        append_u_escape(out, 0xd800 + (v >> 10));
        append_u_escape(out, 0xdc00 + (v & 0x3ff));
      } else {
        append_u_escape(out, cp);
      }
    } else {
      out.append(s.data() + i, length);
    }
    i += length;
  }
  out += '"';
  return true;
}

template <class Integer>
void append_integer(std::string& out, Integer value, bool quoted) {
  char buffer[24];
  const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  if (quoted) out += '"';
  out.append(buffer, end);
  if (quoted) out += '"';
}

// protobuf's SimpleDtoa: %.15g when it reads back exactly, else %.17g.
void append_double(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "\"NaN\"";
    return;
  }
  if (std::isinf(value)) {
    out += value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
    return;
  }
  char buffer[32];
  int n = std::snprintf(buffer, sizeof buffer, "%.15g", value);
  if (std::strtod(buffer, nullptr) != value) {
    n = std::snprintf(buffer, sizeof buffer, "%.17g", value);
  }
  out.append(buffer, static_cast<std::size_t>(n));
}

void append_float(std::string& out, float value) {
  if (std::isnan(value) || std::isinf(value)) {
    append_double(out, value);
    return;
  }
  // SimpleFtoa: %.6g when it reads back exactly, else %.9g.
  char buffer[32];
  int n = std::snprintf(buffer, sizeof buffer, "%.6g", static_cast<double>(value));
  if (std::strtof(buffer, nullptr) != value) {
    n = std::snprintf(buffer, sizeof buffer, "%.9g", static_cast<double>(value));
  }
  out.append(buffer, static_cast<std::size_t>(n));
}

// Whether the printer covers `type` and every type inside it: no maps,
// groups, extensions or well-known types (whose JSON forms are special).
bool covered(const Descriptor* type, std::vector<const Descriptor*>& seen) {
  if (std::find(seen.begin(), seen.end(), type) != seen.end()) return true;
  seen.push_back(type);
  if (type->file()->package() == "google.protobuf" || type->extension_range_count() > 0) {
    return false;
  }
  for (int i = 0; i < type->field_count(); ++i) {
    const FieldDescriptor* f = type->field(i);
    if (f->is_map() || f->type() == FieldDescriptor::TYPE_GROUP) return false;
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !covered(f->message_type(), seen)) {
      return false;
    }
  }
  return true;
}

// Decided once per type and thread.
bool covered(const Descriptor* type) {
  thread_local std::unordered_map<const Descriptor*, bool> known;
  if (auto it = known.find(type); it != known.end()) return it->second;
  std::vector<const Descriptor*> seen;
  return known[type] = covered(type, seen);
}

bool append_message(const Message& message, std::string& out);

bool append_value(const Message& message, const Reflection& r, const FieldDescriptor* f, int index,
                  std::string& out, std::string& scratch) {
  const bool repeated = f->is_repeated();
  switch (f->cpp_type()) {
    case FieldDescriptor::CPPTYPE_STRING: {
      const std::string& value = repeated
                                     ? r.GetRepeatedStringReference(message, f, index, &scratch)
                                     : r.GetStringReference(message, f, &scratch);
      if (f->type() == FieldDescriptor::TYPE_BYTES) return false;  // base64: left to protobuf
      return append_string(out, value);
    }
    case FieldDescriptor::CPPTYPE_INT32:
      append_integer(out, repeated ? r.GetRepeatedInt32(message, f, index) : r.GetInt32(message, f),
                     false);
      return true;
    case FieldDescriptor::CPPTYPE_UINT32:
      append_integer(
          out, repeated ? r.GetRepeatedUInt32(message, f, index) : r.GetUInt32(message, f), false);
      return true;
    case FieldDescriptor::CPPTYPE_INT64:
      append_integer(out, repeated ? r.GetRepeatedInt64(message, f, index) : r.GetInt64(message, f),
                     true);
      return true;
    case FieldDescriptor::CPPTYPE_UINT64:
      append_integer(
          out, repeated ? r.GetRepeatedUInt64(message, f, index) : r.GetUInt64(message, f), true);
      return true;
    case FieldDescriptor::CPPTYPE_DOUBLE:
      append_double(out,
                    repeated ? r.GetRepeatedDouble(message, f, index) : r.GetDouble(message, f));
      return true;
    case FieldDescriptor::CPPTYPE_FLOAT:
      append_float(out, repeated ? r.GetRepeatedFloat(message, f, index) : r.GetFloat(message, f));
      return true;
    case FieldDescriptor::CPPTYPE_BOOL:
      out += (repeated ? r.GetRepeatedBool(message, f, index) : r.GetBool(message, f)) ? "true"
                                                                                       : "false";
      return true;
    case FieldDescriptor::CPPTYPE_ENUM: {
      const int number =
          repeated ? r.GetRepeatedEnumValue(message, f, index) : r.GetEnumValue(message, f);
      const auto* value = f->enum_type()->FindValueByNumber(number);
      if (value == nullptr) {
        append_integer(out, number, false);
      } else {
        out += '"';
        out += value->name();
        out += '"';
      }
      return true;
    }
    case FieldDescriptor::CPPTYPE_MESSAGE:
      return append_message(
          repeated ? r.GetRepeatedMessage(message, f, index) : r.GetMessage(message, f), out);
  }
  return false;
}

bool append_message(const Message& message, std::string& out) {
  const Reflection& r = *message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  r.ListFields(message, &fields);  // set fields, by field number
  std::string scratch;
  out += '{';
  bool first = true;
  for (const FieldDescriptor* f : fields) {
    if (!first) out += ',';
    first = false;
    out += '"';
    out += f->name();
    out += "\":";
    if (f->is_repeated()) {
      out += '[';
      const int size = r.FieldSize(message, f);
      for (int i = 0; i < size; ++i) {
        if (i > 0) out += ',';
        if (!append_value(message, r, f, i, out, scratch)) return false;
      }
      out += ']';
    } else if (!append_value(message, r, f, 0, out, scratch)) {
      return false;
    }
  }
  out += '}';
  return true;
}

}  // namespace

bool append_compact_json(const Message& message, std::string& out) {
  if (!covered(message.GetDescriptor())) return false;
  const std::size_t start = out.size();
  if (append_message(message, out)) return true;
  out.resize(start);
  return false;
}

}  // namespace opis::core
