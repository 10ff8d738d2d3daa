// ingest/text: a plain-text document becomes one record holding its text.
// The fallback ingester: specialised ones (archive pages, listings) claim
// their documents with a higher probe confidence.
#include <unicode/ucnv.h>

#include <opis/sdk.hpp>

#include "text_decoding.hpp"

namespace {

constexpr size_t kMaxTitleBytes = 300;

// The first non-blank line, cut at a character boundary.
std::string_view first_line(std::string_view text) {
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    const size_t b = line.find_first_not_of(" \t\f");
    if (b != std::string_view::npos) {
      line = line.substr(b, line.find_last_not_of(" \t\f") - b + 1);
      if (line.size() > kMaxTitleBytes) {
        size_t cut = kMaxTitleBytes;
        while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
        line = line.substr(0, cut);
      }
      return line;
    }
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return {};
}

class TextIngester : public opis::sdk::Ingester {
 public:
  explicit TextIngester(const opis::sdk::Config& config) {
    options_.encoding = config.string("encoding", "auto");
    options_.replace_invalid = config.string("on_invalid", "error") == "replace";
    options_.min_confidence = static_cast<int>(config.integer("min_confidence", 10));
    kind_ = config.string("kind", "document");
    title_from_first_line_ = config.boolean("title_from_first_line", true);
    opis::text::check_options(options_);
  }

  // ICU keeps opened converters in a process-wide cache; release the unused
  // ones so that unloading this plugin does not strand them.
  ~TextIngester() override { ucnv_flushCache(); }

  // Any text will do, but a specialised ingester should win. UTF-16 and
  // UTF-32 hold NUL bytes, so only their byte order mark tells them from
  // binary data.
  int probe(const opis::sdk::Document& document) override {
    const bool text = opis::text::has_byte_order_mark(document.content) ||
                      document.content.find('\0') == std::string_view::npos;
    return text ? 20 : 1;
  }

  void ingest(const opis::sdk::Document& document, opis::sdk::IngestContext& context) override {
    const auto decoded = opis::text::decode_text(document.content, options_);
    if (decoded.text.find_first_not_of(" \t\n\f\v") == std::string::npos) {
      throw opis::sdk::InputError("no text: the document holds only whitespace");
    }
    auto record = context.new_record();
    record.set_kind(kind_);
    record.set_text(decoded.text);
    if (title_from_first_line_) record.set_title(first_line(decoded.text));
    if (!decoded.note.empty()) context.warn(record, decoded.note);
    context.emit(std::move(record));
  }

 private:
  opis::text::DecodeOptions options_;
  std::string kind_;
  bool title_from_first_line_ = true;
};

}  // namespace

OPIS_EXPORT_INGESTER(
    TextIngester, "text", "1.0.0",
    "Plain text in UTF-8, UTF-16 or a detected legacy charset, one record per file",
    "text/plain,text/markdown", "*.txt,*.text,*.md",
    R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "encoding": {"type": "string", "default": "auto", "minLength": 1,
                 "description": "auto (detect), or a charset name such as UTF-8, windows-1252, KOI8-R"},
    "on_invalid": {"enum": ["error", "replace"], "default": "error",
                   "description": "Damaged input: refuse it, or keep it with U+FFFD"},
    "min_confidence": {"type": "integer", "minimum": 0, "maximum": 100, "default": 10,
                       "description": "Lowest charset-detector confidence accepted"},
    "kind": {"type": "string", "default": "document", "minLength": 1},
    "title_from_first_line": {"type": "boolean", "default": true}
  }
})")
