// csv-catalogue: CSV exports of archive catalogues, one `catalogue_entry`
// record per row. Named columns fill the record (title, date line, summary,
// citation, identifier); every other non-empty column is kept as a metadata
// property named after its header.
#include <opis/sdk.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "csv_reader.hpp"

namespace csv_catalogue {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

struct Columns {
  std::string title;
  std::string date;
  std::string summary;
  std::string citation;
  std::string identifier;
};

// The position of `name` in the header, or npos when absent (or not asked).
size_t find_column(const std::vector<std::string>& header, const std::string& name) {
  if (name.empty()) return std::string::npos;
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return i;
  }
  return std::string::npos;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + ("\"" + n + "\"");
  return out;
}

class CsvCatalogue : public opis::sdk::Ingester {
 public:
  explicit CsvCatalogue(const opis::sdk::Config& config)
      : columns_{config.string("columns.title"), config.string("columns.date"),
                 config.string("columns.summary"), config.string("columns.citation"),
                 config.string("columns.identifier")} {
    const std::string delimiter = config.string("delimiter", ",");
    delimiter_ = delimiter == "tab" ? '\t' : delimiter.front();
  }

  // Confident when the first line names the title column.
  int probe(const opis::sdk::Document& document) override {
    std::string_view first = document.content.substr(0, document.content.find('\n'));
    if (first.substr(0, kUtf8Bom.size()) == kUtf8Bom) first.remove_prefix(kUtf8Bom.size());
    return first.find(columns_.title) != std::string_view::npos ? 90 : 10;
  }

  void ingest(const opis::sdk::Document& document, opis::sdk::IngestContext& context) override {
    std::string_view content = document.content;
    if (content.substr(0, kUtf8Bom.size()) == kUtf8Bom) content.remove_prefix(kUtf8Bom.size());
    std::vector<CsvRow> rows;
    try {
      rows = read_csv(content, delimiter_);
    } catch (const CsvError& e) {
      throw opis::sdk::InputError(std::string("malformed CSV at ") + e.what());
    }
    if (rows.empty()) throw opis::sdk::InputError("no header row: the document is empty");
    const std::vector<std::string>& header = rows.front().fields;
    const size_t title = find_column(header, columns_.title);
    if (title == std::string::npos) {
      throw opis::sdk::InputError("no \"" + columns_.title +
                                  "\" column in the header (columns: " + joined(header) + ")");
    }
    const size_t date = find_column(header, columns_.date);
    const size_t summary = find_column(header, columns_.summary);
    const size_t citation = find_column(header, columns_.citation);
    const size_t identifier = find_column(header, columns_.identifier);
    if (rows.size() == 1) throw opis::sdk::InputError("a header row but no entries");

    for (size_t r = 1; r < rows.size(); ++r) {
      const CsvRow& row = rows[r];
      if (row.fields.size() != header.size()) {
        throw opis::sdk::InputError("line " + std::to_string(row.line) + ": " +
                                    std::to_string(row.fields.size()) + " fields, the header has " +
                                    std::to_string(header.size()));
      }
      auto record = context.new_record();
      record.set_kind("catalogue_entry");
      record.set_title(row.fields[title]);
      // The date as written: the dates enricher turns it into EDTF.
      if (date != std::string::npos) record.set(OPIS_FIELD_DATE_SURFACE, row.fields[date]);
      if (summary != std::string::npos) {
        record.set_summary(row.fields[summary]);
        record.set_text(row.fields[summary]);
      }
      if (citation != std::string::npos && !row.fields[citation].empty()) {
        opis::sdk::Citation c;
        c.raw = row.fields[citation];
        record.add(c);
      }
      for (size_t f = 0; f < header.size(); ++f) {
        if (f == title || f == date || f == summary || f == citation || row.fields[f].empty()) {
          continue;
        }
        record.add(opis::sdk::Property{header[f], row.fields[f]});
      }
      if (identifier != std::string::npos && row.fields[identifier].empty()) {
        context.warn(record, "line " + std::to_string(row.line) + ": no " + columns_.identifier);
      }
      context.emit(std::move(record));
    }
  }

 private:
  Columns columns_;
  char delimiter_ = ',';
};

}  // namespace
}  // namespace csv_catalogue

OPIS_EXPORT_INGESTER(csv_catalogue::CsvCatalogue, "csv-catalogue", "1.0.0",
                     "CSV exports of archive catalogues: one record per row", "text/csv", "*.csv",
                     R"({"type": "object", "additionalProperties": false, "properties": {
  "delimiter": {"enum": [",", ";", "tab", "|"], "default": ","},
  "columns": {"type": "object", "additionalProperties": false, "properties": {
    "title": {"type": "string", "minLength": 1, "default": "Title"},
    "date": {"type": "string", "default": "Date"},
    "summary": {"type": "string", "default": "Description"},
    "citation": {"type": "string", "default": "Reference"},
    "identifier": {"type": "string", "default": "Identifier"}}}}})")
