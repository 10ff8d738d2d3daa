// enrich/citations: fills the fields of the raw citations ingesters found
// and adds the references found in the text and in the footnotes.
#include <opis/sdk.hpp>
#include <string>
#include <unordered_set>
#include <vector>

#include "citation_finder.hpp"
#include "citations_data.inc"
#include "name_table_file.hpp"

namespace opis::citations {
namespace {

// A record with more references than this is almost certainly not prose
// (a generated index, a hostile input); the rest are dropped with a warning.
constexpr size_t kMaxAddedCitations = 10000;

CitationFinder make_finder(const opis::sdk::Config& config) {
  ArchiveTable archives;
  archives.add_tsv(kBuiltinArchivesTsv, "built-in archives.tsv");
  for (const auto& path : config.strings("archives_files")) {
    archives.add_tsv(read_name_file(path), path);
  }
  NewspaperTable newspapers;
  newspapers.add_tsv(kBuiltinNewspapersTsv, "built-in newspapers.tsv");
  for (const auto& path : config.strings("newspapers_files")) {
    newspapers.add_tsv(read_name_file(path), path);
  }
  return CitationFinder(std::move(archives), std::move(newspapers));
}

FoundCitation owned(const opis::sdk::Citation& c) {
  FoundCitation out;
  out.raw = c.raw;
  out.kind = c.kind;
  out.archive = c.archive;
  out.archive_name = c.archive_name;
  out.fond = c.fond;
  out.opis = c.opis;
  out.delo = c.delo;
  out.pages = c.pages;
  out.publication = c.publication;
  out.date = c.date;
  out.begin = c.begin;
  out.end = c.end;
  return out;
}

opis::sdk::Citation view_of(const FoundCitation& c) {
  opis::sdk::Citation out;
  out.raw = c.raw;
  out.kind = c.kind;
  out.archive = c.archive;
  out.archive_name = c.archive_name;
  out.fond = c.fond;
  out.opis = c.opis;
  out.delo = c.delo;
  out.pages = c.pages;
  out.publication = c.publication;
  out.date = c.date;
  out.begin = static_cast<uint32_t>(c.begin);
  out.end = static_cast<uint32_t>(c.end);
  return out;
}

}  // namespace

class CitationsEnricher : public opis::sdk::Enricher {
 public:
  // The finder is read-only after construction.
  static constexpr bool thread_safe = true;

  explicit CitationsEnricher(const opis::sdk::Config& config)
      : finder_(make_finder(config)),
        scan_text_(config.boolean("scan_text", true)),
        scan_footnotes_(config.boolean("scan_footnotes", true)) {}

  void enrich(opis::sdk::RecordView& record, opis::sdk::Context& context) override {
    std::unordered_set<std::string> seen;

    // Views die with the first write: copy before replacing.
    std::vector<FoundCitation> present;
    for (const auto& c : record.citations()) present.push_back(owned(c));
    for (size_t i = 0; i < present.size(); ++i) {
      if (!present[i].raw.empty()) {
        FoundCitation parsed = finder_.parse_raw(present[i].raw);
        parsed.begin = present[i].begin;
        parsed.end = present[i].end;
        record.replace(i, view_of(parsed));
        present[i] = std::move(parsed);
      }
      seen.insert(finder_.key(present[i]));
    }

    std::vector<FoundCitation> found;
    if (scan_text_) {
      const std::string_view text = record.text();
      if (text.size() > UINT32_MAX) throw opis::sdk::InputError("text longer than 4 GiB");
      found = finder_.find_all(text);
    }
    if (scan_footnotes_) {
      for (const auto& footnote : record.footnotes()) {
        for (auto& c : finder_.find_all(footnote.text)) {
          c.begin = 0;  // offsets point into `text`, which this is not
          c.end = 0;
          found.push_back(std::move(c));
        }
      }
    }

    size_t added = 0;
    for (const auto& c : found) {
      if (!seen.insert(finder_.key(c)).second) continue;
      if (added == kMaxAddedCitations) {
        context.warn(record, "citations: more than " + std::to_string(kMaxAddedCitations) +
                                 " references found; the rest were not added");
        break;
      }
      record.add(view_of(c));
      ++added;
    }
  }

 private:
  CitationFinder finder_;
  bool scan_text_;
  bool scan_footnotes_;
};

}  // namespace opis::citations

OPIS_EXPORT_ENRICHER(opis::citations::CitationsEnricher, "citations", "1.0.0",
                     "Parses archival and newspaper citations; finds more in text and footnotes",
                     R"({"type": "object", "additionalProperties": false,
        "properties": {
          "archives_files": {"type": "array", "items": {"type": "string"}, "default": [],
            "description": "TSV files (acronym, full name, aliases separated by |) merged over the built-in archive list; later entries win"},
          "newspapers_files": {"type": "array", "items": {"type": "string"}, "default": [],
            "description": "TSV files (title, other spellings separated by |) added to the built-in newspaper list"},
          "scan_text": {"type": "boolean", "default": true,
            "description": "Look for further citations in the record's text"},
          "scan_footnotes": {"type": "boolean", "default": true,
            "description": "Look for further citations in footnotes[].text"}}})")
