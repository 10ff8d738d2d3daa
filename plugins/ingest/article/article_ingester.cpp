// ingest/article: text extracted from journal and bulletin PDFs becomes one
// record per article (title, byline, body, endnotes linked to their markers)
// and one per document the article reproduces ("DOCUMENT No. N", its title,
// source citation and acquisition sentence).
#include <opis/sdk.hpp>
#include <string>

#include "article_parser.hpp"
#include "article_shape.hpp"
#include "utf8_input.hpp"

namespace {

using opis::article::ArticleShape;

// Below the record-page and listing ingesters' confidence on their own
// formats, above a plain-text fallback.
constexpr int kRecordPageConfidence = 2;
constexpr int kListingConfidence = 1;
constexpr int kOtherConfidence = 3;

class ArticleIngester : public opis::sdk::Ingester {
 public:
  explicit ArticleIngester(const opis::sdk::Config& config)
      : article_kind_(config.string("article_kind", "article")),
        document_kind_(config.string("document_kind", "document")),
        confidence_(static_cast<int>(config.integer("confidence", 80))) {}

  int probe(const opis::sdk::Document& document) override {
    const std::string_view content = document.content;
    if (content.empty() || content.find('\0') != std::string_view::npos) return 0;
    switch (opis::article::article_shape(content)) {
      case ArticleShape::article:
        return confidence_;
      case ArticleShape::record_page:
        return kRecordPageConfidence;
      case ArticleShape::listing:
        return kListingConfidence;
      case ArticleShape::other:
        break;
    }
    return kOtherConfidence;
  }

  void ingest(const opis::sdk::Document& document, opis::sdk::IngestContext& context) override {
    const std::string text = opis::article::normalized_text(document.content);
    const auto articles = opis::article::parse_articles(text);
    size_t emitted = 0;
    for (const auto& article : articles) {
      if (!article.text.empty() || !article.title.empty() || !article.notes.empty()) {
        emit_article(article, context);
        ++emitted;
      }
      for (const auto& embedded : article.documents) {
        emit_document(embedded, article.title, context);
        ++emitted;
      }
    }
    if (emitted == 0) throw opis::sdk::InputError("no text: the document holds only blank lines");
  }

 private:
  void emit_article(const opis::article::ParsedArticle& article,
                    opis::sdk::IngestContext& context) const {
    auto record = context.new_record();
    record.set_kind(article_kind_);
    record.set_title(article.title);
    record.set_text(article.text);
    if (!article.byline.empty()) record.add(opis::sdk::Property{"byline", article.byline});
    for (const auto& marker : article.markers) {
      opis::sdk::Annotation reference;
      reference.type = "footnote_ref";
      reference.begin = marker.begin;
      reference.end = marker.end;
      reference.value = marker.number;
      record.add(reference);
    }
    for (const auto& note : article.notes) {
      opis::sdk::Footnote footnote{note.number, note.text, 0, 0};
      for (const auto& marker : article.markers) {
        if (marker.number != note.number) continue;
        footnote.begin = marker.begin;
        footnote.end = marker.end;
        break;
      }
      record.add(footnote);
    }
    for (const auto& warning : article.warnings) context.warn(record, warning);
    context.emit(std::move(record));
  }

  void emit_document(const opis::article::EmbeddedDocument& embedded, std::string_view part_of,
                     opis::sdk::IngestContext& context) const {
    auto record = context.new_record();
    record.set_kind(document_kind_);
    record.set_title(embedded.title);
    record.set_text(embedded.text);
    if (!part_of.empty()) record.add(opis::sdk::Property{"part_of", part_of});
    record.add(opis::sdk::Property{"document_number", embedded.number});
    if (!embedded.citation.empty()) {
      opis::sdk::Citation citation;
      citation.raw = embedded.citation;
      record.add(citation);
    }
    if (!embedded.acquisition.empty()) {
      record.add(opis::sdk::Property{"acquisition", embedded.acquisition});
    }
    for (const auto& warning : embedded.warnings) context.warn(record, warning);
    context.emit(std::move(record));
  }

  std::string article_kind_;
  std::string document_kind_;
  int confidence_;
};

}  // namespace

OPIS_EXPORT_INGESTER(ArticleIngester, "article", "1.0.0",
                     "Journal and bulletin PDF text: one record per article and per reproduced "
                     "document, endnotes linked to their markers",
                     "text/plain", "*.txt",
                     R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "article_kind": {"type": "string", "default": "article", "minLength": 1,
                     "description": "The kind of the records made for articles"},
    "document_kind": {"type": "string", "default": "document", "minLength": 1,
                      "description": "The kind of the records made for embedded documents"},
    "confidence": {"type": "integer", "minimum": 0, "maximum": 100, "default": 80,
                   "description": "Probe confidence for a document with endnotes, DOCUMENT No. headings or many hyphen-wrapped lines"}
  }
})")
