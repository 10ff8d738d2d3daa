#include "stored_record.hpp"

#include <cstdint>
#include <optional>

namespace opis::sqlite_output {

namespace {

// Field numbers in proto/opis/v1/record.proto.
constexpr uint64_t kTitle = 10;
constexpr uint64_t kSummary = 12;
constexpr uint64_t kText = 13;

// Protobuf wire types (https://protobuf.dev/programming-guides/encoding/).
constexpr uint64_t kVarint = 0;
constexpr uint64_t kFixed64 = 1;
constexpr uint64_t kLengthDelimited = 2;
constexpr uint64_t kFixed32 = 5;

// Reads a varint at `at`, advancing it; nullopt when the bytes end first or
// it is longer than 10 bytes.
std::optional<uint64_t> read_varint(std::string_view bytes, size_t& at) {
  uint64_t value = 0;
  for (int shift = 0; shift < 64 && at < bytes.size(); shift += 7) {
    const auto byte = static_cast<uint8_t>(bytes[at++]);
    value |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return value;
  }
  return std::nullopt;
}

// The end of the field whose value starts at `at`, or nullopt when it does
// not fit in the bytes or has a wire type a record never uses (groups).
std::optional<size_t> value_end(std::string_view bytes, size_t at, uint64_t wire_type) {
  switch (wire_type) {
    case kVarint:
      if (!read_varint(bytes, at)) return std::nullopt;
      return at;
    case kFixed64:
      return at + 8 <= bytes.size() ? std::optional<size_t>(at + 8) : std::nullopt;
    case kFixed32:
      return at + 4 <= bytes.size() ? std::optional<size_t>(at + 4) : std::nullopt;
    case kLengthDelimited: {
      const auto length = read_varint(bytes, at);
      if (!length || *length > bytes.size() - at) return std::nullopt;
      return at + *length;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace

std::string_view without_text_fields(std::string_view serialized, std::string& out) {
  out.clear();
  size_t at = 0;
  while (at < serialized.size()) {
    const size_t field_start = at;
    const auto tag = read_varint(serialized, at);
    const auto end = tag ? value_end(serialized, at, *tag & 7) : std::nullopt;
    if (!end) {
      out.assign(serialized);
      return out;
    }
    const uint64_t field = *tag >> 3;
    if (field != kTitle && field != kSummary && field != kText) {
      out.append(serialized.substr(field_start, *end - field_start));
    }
    at = *end;
  }
  return out;
}

}  // namespace opis::sqlite_output
