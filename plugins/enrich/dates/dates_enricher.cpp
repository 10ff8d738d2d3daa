// enrich/dates: the document's date (date.edtf, read from the ingester's
// date line) and every date mentioned in the text (dates[] and "date"
// annotations), as EDTF.
#include <cstdint>
#include <limits>
#include <opis/sdk.hpp>
#include <string>
#include <vector>

#include "date_scanner.hpp"
#include "edtf_date.hpp"

namespace {

using opis::dates::DateFound;
using opis::dates::DateScanner;
using opis::dates::NumericOrder;
using opis::dates::ScanOptions;

constexpr std::string_view kPluginName = "dates";
constexpr std::string_view kAnnotationType = "date";

class DatesEnricher : public opis::sdk::Enricher {
 public:
  explicit DatesEnricher(const opis::sdk::Config& config)
      : infer_year_(config.boolean("infer_year_from_document", true)),
        extract_text_dates_(config.boolean("extract_text_dates", true)),
        set_document_date_(config.boolean("set_document_date", true)) {
    const std::string order = config.string("numeric_order", "dmy");
    options_.numeric_order =
        order == "mdy" ? NumericOrder::month_day_year : NumericOrder::day_month_year;
    options_.min_year = static_cast<int>(config.integer("min_year", 1800));
    options_.max_year = static_cast<int>(config.integer("max_year", 2100));
    if (options_.min_year > options_.max_year) {
      throw opis::sdk::ConfigError("min_year (" + std::to_string(options_.min_year) +
                                   ") is greater than max_year (" +
                                   std::to_string(options_.max_year) + ")");
    }
  }

  void enrich(opis::sdk::RecordView& record, opis::sdk::Context& context) override {
    std::string document_edtf(record.date_edtf());
    if (document_edtf.empty()) document_edtf = read_date_line(record, context);

    if (!extract_text_dates_) return;
    forget_earlier_results(record);
    // The record's views die with its first modification: keep a copy.
    text_.assign(record.text());
    if (text_.size() > std::numeric_limits<uint32_t>::max()) {
      throw opis::sdk::InputError("text of " + std::to_string(text_.size()) +
                                  " bytes is too large for 32-bit offsets");
    }
    ScanOptions options = options_;
    options.infer_year = infer_year_;
    options.document = opis::dates::parse_edtf_start(document_edtf);
    found_.clear();
    scanner_.scan(text_, options, found_);
    for (const DateFound& date : found_) {
      const std::string_view surface =
          std::string_view(text_).substr(date.begin, date.end - date.begin);
      record.add(opis::sdk::DateMention{surface, date.edtf, date.begin, date.end});
      opis::sdk::Annotation annotation;
      annotation.type = kAnnotationType;
      annotation.begin = date.begin;
      annotation.end = date.end;
      annotation.value = date.edtf;
      record.add(annotation);
      if (!date.warning.empty()) context.warn(record, date.warning);
    }
  }

 private:
  // The ingester puts the date line as written into date.surface; its first
  // date becomes date.edtf. Returns the EDTF read (empty when none).
  std::string read_date_line(opis::sdk::RecordView& record, opis::sdk::Context& context) {
    const std::string surface(record.get(OPIS_FIELD_DATE_SURFACE));
    if (surface.empty()) return {};
    ScanOptions line = options_;
    line.date_line = true;
    line.infer_year = false;
    found_.clear();
    scanner_.scan(surface, line, found_);
    if (found_.empty()) {
      if (set_document_date_) {
        context.warn(record, "no date found in the date line \"" + surface + "\"");
      }
      return {};
    }
    const DateFound& first = found_.front();
    if (!first.warning.empty()) context.warn(record, "date line: " + first.warning);
    if (set_document_date_) record.set(OPIS_FIELD_DATE_EDTF, first.edtf);
    return first.edtf;
  }

  // A record that comes back through the pipeline (re-ingested JSON) gets
  // its dates found again, not twice. The annotations are read through the
  // C API, type and author only: decoding every one (attributes included)
  // cost more than finding the dates.
  static void forget_earlier_results(opis::sdk::RecordView& record) {
    record.clear(OPIS_LIST_DATES);
    const opis_host_api* host = record.host();
    // From the last, so that removing one leaves the indices still to read.
    for (size_t i = record.count(OPIS_LIST_ANNOTATIONS); i-- > 0;) {
      opis_annotation annotation{};
      annotation.struct_size = sizeof(annotation);
      if (const opis_status status =
              host->list_get(record.handle(), OPIS_LIST_ANNOTATIONS, i, &annotation);
          status != OPIS_OK) {
        throw opis::sdk::Error(status, "host call list_get failed with status " +
                                           std::to_string(static_cast<int>(status)));
      }
      if (opis::sdk::view(annotation.type) == kAnnotationType &&
          opis::sdk::view(annotation.plugin) == kPluginName) {
        record.remove(OPIS_LIST_ANNOTATIONS, i);
      }
    }
  }

  ScanOptions options_;
  bool infer_year_;
  bool extract_text_dates_;
  bool set_document_date_;
  DateScanner scanner_;
  std::vector<DateFound> found_;
  std::string text_;
};

}  // namespace

// clang-format off
OPIS_EXPORT_ENRICHER(
    DatesEnricher, "dates", "1.0.0", "Reads the document date and dates in the text as EDTF",
    R"json({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "numeric_order": {"type": "string", "enum": ["dmy", "mdy"], "default": "dmy",
                      "description": "How 3/1/1962 and 3.1.1962 are read: day first (dmy) or month first (mdy)"},
    "min_year": {"type": "integer", "minimum": 1, "maximum": 9999, "default": 1800,
                 "description": "Earliest plausible year: smaller numbers are never years"},
    "max_year": {"type": "integer", "minimum": 1, "maximum": 9999, "default": 2100,
                 "description": "Latest plausible year"},
    "infer_year_from_document": {"type": "boolean", "default": true,
                                 "description": "Give a day and month without a year (12 March) the year of the document"},
    "extract_text_dates": {"type": "boolean", "default": true,
                           "description": "Find the dates in the text (dates[] and date annotations)"},
    "set_document_date": {"type": "boolean", "default": true,
                          "description": "Set date.edtf from date.surface when it is empty"}
  }
})json")
// clang-format on
