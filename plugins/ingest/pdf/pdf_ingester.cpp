// ingest/pdf: a PDF's text layer becomes one record, with one annotation per
// page. Text is taken as poppler gives it; mending hyphenation and ligatures
// is the repair enricher's job.
#include <opis/sdk.hpp>

#include "pdf_reader.hpp"

namespace {

using opis::pdf::TextLayout;

constexpr std::string_view kPageSeparator = "\n\n";

TextLayout layout_named(const std::string& name) {
  if (name == "raw") return TextLayout::raw;
  if (name == "physical") return TextLayout::physical;
  return TextLayout::reading;
}

bool has_text(const opis::pdf::PdfContent& content) {
  for (const auto& page : content.pages) {
    if (!page.text.empty()) return true;
  }
  return false;
}

class PdfIngester : public opis::sdk::Ingester {
 public:
  explicit PdfIngester(const opis::sdk::Config& config)
      : layout_(layout_named(config.string("layout", "reading"))),
        kind_(config.string("kind", "document")),
        warn_on_damage_(config.boolean("warn_on_damage", true)) {}

  int probe(const opis::sdk::Document& document) override {
    return document.content.substr(0, 5) == "%PDF-" ? 90 : 0;
  }

  void ingest(const opis::sdk::Document& document, opis::sdk::IngestContext& context) override {
    const auto content = opis::pdf::read_pdf(document.content, layout_);
    // A damaged file may have lost its text rather than never had any, so
    // only an undamaged one is said to hold only images.
    if (!has_text(content) && !content.reader_errors.empty()) {
      throw opis::sdk::InputError("not a readable PDF: no text survives its damage (" +
                                  content.reader_errors.front() + ")");
    }
    if (!has_text(content)) {
      throw opis::sdk::InputError(
          "no text layer: the PDF holds only images; run OCR first (e.g. ocrmypdf) and ingest "
          "the result");
    }

    // Every page gets a span, an empty one for a page without text, so
    // that page numbers can be looked up for any offset.
    std::string text;
    std::vector<std::pair<uint32_t, uint32_t>> spans;
    spans.reserve(content.pages.size());
    for (const auto& page : content.pages) {
      if (!page.text.empty() && !text.empty()) text += kPageSeparator;
      const auto begin = static_cast<uint32_t>(text.size());
      text += page.text;
      spans.emplace_back(begin, static_cast<uint32_t>(text.size()));
    }

    auto record = context.new_record();
    record.set_kind(kind_);
    record.set_text(text);
    record.set_title(content.title);
    if (!content.language.empty()) record.set(OPIS_FIELD_LANGUAGE, content.language);
    for (size_t i = 0; i < content.pages.size(); ++i) {
      const std::string number = std::to_string(i + 1);
      opis::sdk::Annotation page;
      page.type = "page";
      page.begin = spans[i].first;
      page.end = spans[i].second;
      page.value = content.pages[i].label;
      if (content.pages[i].label != number) page.attributes.push_back({"number", number});
      record.add(page);
    }
    for (const auto& [name, value] : content.info) record.add(opis::sdk::Property{name, value});
    if (warn_on_damage_ && !content.reader_errors.empty()) {
      context.warn(record, "pdf: the file is damaged; poppler read it after reporting: " +
                               content.reader_errors.front());
    }
    context.emit(std::move(record));
  }

 private:
  TextLayout layout_;
  std::string kind_;
  bool warn_on_damage_;
};

}  // namespace

OPIS_EXPORT_INGESTER(PdfIngester, "pdf", "1.0.0",
                     "The text layer of a PDF, one record per file with one annotation per page",
                     "application/pdf", "*.pdf,*.PDF",
                     R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "layout": {"enum": ["reading", "raw", "physical"], "default": "reading",
               "description": "reading: poppler's reading order (as pdftotext); raw: content-stream order; physical: the page layout imitated with spaces"},
    "kind": {"type": "string", "default": "document", "minLength": 1,
             "description": "The record's kind"},
    "warn_on_damage": {"type": "boolean", "default": true,
                       "description": "Add a warning when poppler had to repair the file to read it"}
  }
})")
