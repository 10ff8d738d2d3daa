// ingest/archive-record: a text capture of a digital-archive record page
// becomes one record with its parts in their fields: title, date line,
// header block, body text with its notes and editorial insertions, summary,
// citations, acquisition, funders and rights.
#include <fstream>
#include <limits>
#include <opis/sdk.hpp>
#include <opis/utf8.hpp>
#include <sstream>
#include <stdexcept>
#include <string>

#include "page_shape.hpp"
#include "record_page.hpp"
#include "vocabulary.hpp"

namespace {

using opis::archive_record::PageShape;

// Offsets cross the ABI as uint32.
constexpr size_t kMaxDocumentBytes = std::numeric_limits<uint32_t>::max();
constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// UTF-8 text with LF line ends, or an InputError naming the problem.
std::string normalized_text(std::string_view content) {
  if (content.empty()) throw opis::sdk::InputError("empty document (0 bytes)");
  if (content.size() > kMaxDocumentBytes) {
    throw opis::sdk::InputError("document too large: " + std::to_string(content.size()) +
                                " bytes (at most 4 GiB)");
  }
  if (content.substr(0, kUtf8ByteOrderMark.size()) == kUtf8ByteOrderMark) {
    content.remove_prefix(kUtf8ByteOrderMark.size());
  }
  if (const size_t nul = content.find('\0'); nul != std::string_view::npos) {
    throw opis::sdk::InputError("binary data, not a record page: NUL byte at offset " +
                                std::to_string(nul));
  }
  if (const size_t bad = opis::sdk::first_invalid_utf8(content); bad != std::string_view::npos) {
    throw opis::sdk::InputError("invalid UTF-8 at byte offset " + std::to_string(bad) +
                                "; the archive-record ingester reads UTF-8 only");
  }
  if (content.find('\r') == std::string_view::npos) return std::string(content);
  std::string text;
  text.reserve(content.size());
  for (size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '\r') {
      text += '\n';
      if (i + 1 < content.size() && content[i + 1] == '\n') ++i;
    } else {
      text += content[i];
    }
  }
  return text;
}

std::string read_vocabulary_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw opis::sdk::ConfigError("vocabulary_files: cannot read '" + path + "'");
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

class ArchiveRecordIngester : public opis::sdk::Ingester {
 public:
  explicit ArchiveRecordIngester(const opis::sdk::Config& config)
      : vocabulary_(opis::archive_record::builtin_vocabulary()),
        kind_(config.string("kind", "record")),
        confidence_(static_cast<int>(config.integer("confidence", 85))) {
    for (const auto& path : config.strings("vocabulary_files")) {
      try {
        opis::archive_record::add_vocabulary(vocabulary_, read_vocabulary_file(path), path);
      } catch (const std::invalid_argument& e) {
        throw opis::sdk::ConfigError(std::string("vocabulary_files: ") + e.what());
      }
    }
  }

  int probe(const opis::sdk::Document& document) override {
    const std::string_view content = document.content;
    if (content.empty() || content.find('\0') != std::string_view::npos) return 0;
    switch (opis::archive_record::page_shape(content, vocabulary_)) {
      case PageShape::record_page:
        return confidence_;
      case PageShape::labels_only:
        return confidence_ / 2;
      case PageShape::listing:
        return 2;
      case PageShape::other:
        break;
    }
    return 3;
  }

  void ingest(const opis::sdk::Document& document, opis::sdk::IngestContext& context) override {
    const std::string text = normalized_text(document.content);
    if (opis::archive_record::page_shape(text, vocabulary_) == PageShape::listing) {
      throw opis::sdk::InputError(
          "not a record page: it looks like a search-results listing (a result count such as "
          "'Results: 1 - 10 of 11', or several date lines near the top)");
    }
    opis::archive_record::RecordPage page;
    try {
      page = opis::archive_record::parse_record_page(text, vocabulary_);
    } catch (const opis::archive_record::NotARecordPage& e) {
      throw opis::sdk::InputError(e.what());
    }
    auto record = context.new_record();
    write_record(page, record);
    for (const auto& warning : page.warnings) context.warn(record, warning);
    context.emit(std::move(record));
  }

 private:
  void write_record(const opis::archive_record::RecordPage& page, opis::sdk::RecordView& record) {
    record.set_kind(kind_);
    record.set_title(page.title);
    record.set(OPIS_FIELD_DATE_SURFACE, page.date_surface);
    record.set_summary(page.summary);
    record.set_text(page.text);
    record.set(OPIS_FIELD_CLASSIFICATION, page.classification);
    record.set(OPIS_FIELD_COPY_NUMBER, page.copy_number);
    record.set(OPIS_FIELD_RIGHTS, page.rights);
    for (const auto& stamp : page.stamps) record.add_text(OPIS_LIST_STAMPS, stamp);
    for (const auto& funder : page.funders) record.add_text(OPIS_LIST_FUNDERS, funder);
    for (const auto& note : page.footnotes) {
      record.add(opis::sdk::Footnote{note.marker, note.text, note.begin, note.end});
    }
    for (const auto& raw : page.citations) {
      opis::sdk::Citation citation;
      citation.raw = raw;
      record.add(citation);
    }
    for (const auto& author : page.authors) record.add(opis::sdk::Contributor{author, "author"});
    for (const auto& [name, value] : page.metadata) record.add(opis::sdk::Property{name, value});
    for (const auto& mark : page.marks) {
      opis::sdk::Annotation annotation;
      annotation.type = mark.type;
      annotation.begin = mark.begin;
      annotation.end = mark.end;
      annotation.value = mark.value;
      for (const auto& [name, value] : mark.attributes) {
        annotation.attributes.push_back({name, value});
      }
      record.add(annotation);
    }
  }

  opis::archive_record::Vocabulary vocabulary_;
  std::string kind_;
  int confidence_;
};

}  // namespace

OPIS_EXPORT_INGESTER(ArchiveRecordIngester, "archive-record", "1.0.0",
                     "Text captures of digital-archive record pages, one record per page",
                     "text/plain", "*.txt",
                     R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "kind": {"type": "string", "default": "record", "minLength": 1,
             "description": "The records' kind"},
    "confidence": {"type": "integer", "minimum": 0, "maximum": 100, "default": 85,
                   "description": "Probe confidence for a document with the record-page shape"},
    "vocabulary_files": {"type": "array", "items": {"type": "string", "minLength": 1},
                         "default": [],
                         "description": "Extra vocabulary files (data/vocabulary.tsv format) added to the built-in one"}
  }
})")
