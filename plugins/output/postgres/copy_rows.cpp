#include "copy_rows.hpp"

#include <cstdio>
#include <opis/edtf_range.hpp>
#include <set>

namespace opis::postgres {

const char* const kRecordColumns =
    "id, kind, parent_id, title, date_edtf, date_begin, date_end, summary, text, source_uri, "
    "record";
const char* const kChildColumns[kChildTableCount] = {
    "record_id, position, type, canonical, surface, authority_id",
    "record_id, position, raw, kind, archive, archive_name, fond, opis, delo, pages, "
    "publication, date",
    "record_id, position, name, role",
    "record_id, position, surface, edtf, date_begin, date_end",
    "record_id, position, marker, text",
    "record_id, position, type, target_id, score"};

namespace {

// Length of the valid UTF-8 sequence at `at`, or 0 when it is not one.
size_t utf8_sequence(std::string_view s, size_t at) {
  const auto c = static_cast<unsigned char>(s[at]);
  size_t length = 0;
  uint32_t code = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
    code = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    code = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    code = c & 0x07;
  } else {
    return 0;
  }
  if (at + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    const auto next = static_cast<unsigned char>(s[at + k]);
    if ((next & 0xC0) != 0x80) return 0;
    code = (code << 6) | (next & 0x3F);
  }
  const bool overlong = (length == 3 && code < 0x800) || (length == 4 && code < 0x10000);
  if (overlong || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

class Row {
 public:
  explicit Row(std::string& out) : out_(out) {}
  ~Row() { out_ += '\n'; }
  Row(const Row&) = delete;
  Row& operator=(const Row&) = delete;

  Row& text(std::string_view value) {
    separate();
    append_copy_field(out_, value);
    return *this;
  }
  Row& integer(int64_t value) {
    separate();
    out_ += std::to_string(value);
    return *this;
  }
  Row& number(double value) {
    separate();
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    out_ += buffer;
    return *this;
  }
  Row& null() {
    separate();
    out_ += "\\N";
    return *this;
  }
  // bytea in hex form; the backslash of "\x" is doubled for the COPY text
  // format.
  Row& bytes(std::string_view value) {
    static constexpr char kHex[] = "0123456789abcdef";
    separate();
    out_ += "\\\\x";
    for (const char c : value) {
      const auto b = static_cast<unsigned char>(c);
      out_ += kHex[b >> 4];
      out_ += kHex[b & 0x0F];
    }
    return *this;
  }
  // The first and last day an EDTF date covers, or two NULLs.
  Row& range(std::string_view edtf) {
    if (const auto covered = opis::sdk::edtf_range(edtf))
      return text(covered->first).text(covered->last);
    return null().null();
  }

 private:
  void separate() {
    if (started_) out_ += '\t';
    started_ = true;
  }
  std::string& out_;
  bool started_ = false;
};

}  // namespace

void append_copy_field(std::string& out, std::string_view value) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  for (size_t i = 0; i < value.size();) {
    const char c = value[i];
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x80) {
      switch (c) {
        case '\\':
          out += "\\\\";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\0':
          out += kReplacement;
          break;
        default:
          out += c;
      }
      ++i;
    } else if (const size_t length = utf8_sequence(value, i); length > 0) {
      out.append(value.data() + i, length);
      i += length;
    } else {
      out += kReplacement;
      ++i;
    }
  }
}

RecordRows copy_rows(const opis::sdk::RecordView& record) {
  RecordRows rows;
  const std::string_view id = record.id();
  const std::string_view title = record.title();
  const std::string_view summary = record.summary();
  const std::string_view text = record.text();
  const std::string_view date = record.date_edtf();
  rows.text_bytes = title.size() + summary.size() + text.size();
  Row(rows.record)
      .text(id)
      .text(record.kind())
      .text(record.get(OPIS_FIELD_PARENT_ID))
      .text(title)
      .text(date)
      .range(date)
      .text(summary)
      .text(text)
      .text(record.source_uri())
      .bytes(record.serialize());

  int64_t position = 0;
  for (const auto& e : record.entities()) {
    // One row per distinct spelling (the key holds the surface), one row
    // with an empty surface for an entity with none.
    std::set<std::string_view> surfaces(e.surfaces.begin(), e.surfaces.end());
    if (surfaces.empty()) surfaces.insert(std::string_view{});
    for (const auto surface : surfaces) {
      Row(rows.children[0])
          .text(id)
          .integer(position)
          .text(e.type)
          .text(e.canonical)
          .text(surface)
          .text(e.authority_id);
    }
    ++position;
  }
  position = 0;
  for (const auto& c : record.citations()) {
    Row(rows.children[1])
        .text(id)
        .integer(position++)
        .text(c.raw)
        .text(c.kind)
        .text(c.archive)
        .text(c.archive_name)
        .text(c.fond)
        .text(c.opis)
        .text(c.delo)
        .text(c.pages)
        .text(c.publication)
        .text(c.date);
  }
  position = 0;
  for (const auto& c : record.contributors()) {
    Row(rows.children[2]).text(id).integer(position++).text(c.name).text(c.role);
  }
  position = 0;
  for (const auto& d : record.dates()) {
    Row(rows.children[3]).text(id).integer(position++).text(d.surface).text(d.edtf).range(d.edtf);
  }
  position = 0;
  for (const auto& f : record.footnotes()) {
    Row(rows.children[4]).text(id).integer(position++).text(f.marker).text(f.text);
  }
  position = 0;
  for (const auto& l : record.links()) {
    Row(rows.children[5])
        .text(id)
        .integer(position++)
        .text(l.type)
        .text(l.target_id)
        .number(l.score);
  }
  return rows;
}

}  // namespace opis::postgres
