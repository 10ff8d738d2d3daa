// ingest/archive-listing: a search-results or collection listing becomes one
// "listing_entry" record per hit, in listing order, each carrying the count
// and range the page states so that users can tell a partial page from the
// whole result set.
#include <fstream>
#include <opis/sdk.hpp>
#include <opis/utf8.hpp>
#include <sstream>
#include <string>

#include "boilerplate.hpp"
#include "listing_parser.hpp"
#include "text_lines.hpp"

namespace {

namespace listing = opis::listing;

constexpr int kListingConfidence = 85;
constexpr int kTextConfidence = 5;
constexpr int kRecordPageConfidence = 0;
// A listing states its count and first hits near the top; the probe does not
// read a huge document to the end.
constexpr size_t kProbeBytes = 1 << 20;

std::string_view without_byte_order_mark(std::string_view content) {
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  return content;
}

// The longest prefix of at most `limit` bytes ending at a line break.
std::string_view head(std::string_view content, size_t limit) {
  if (content.size() <= limit) return content;
  const size_t cut = content.rfind('\n', limit);
  return content.substr(0, cut == std::string_view::npos ? 0 : cut);
}

bool looks_like_listing(const listing::Listing& l) {
  return !l.has_record_block && (l.count.has_value() || l.longest_run >= 2);
}

std::string read_config_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw opis::sdk::ConfigError("boilerplate_files: cannot read '" + path + "'");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void check_text(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    throw opis::sdk::InputError(text.empty() ? "empty document (0 bytes)"
                                             : "no text: the document holds only whitespace");
  }
  if (const size_t nul = text.find('\0'); nul != std::string_view::npos) {
    throw opis::sdk::InputError("binary data, not text: NUL byte at offset " + std::to_string(nul));
  }
  if (const size_t bad = opis::sdk::first_invalid_utf8(text); bad != std::string_view::npos) {
    throw opis::sdk::InputError("invalid UTF-8 at byte offset " + std::to_string(bad) +
                                "; decode the listing first (the text ingester reads legacy "
                                "charsets)");
  }
}

// How many hits the count line promises on this page, when it says.
std::optional<uint64_t> promised_hits(const listing::ResultCount& count) {
  if (count.first && count.last) {
    if (*count.first > *count.last) return std::nullopt;
    return *count.last - *count.first + 1;
  }
  return std::nullopt;
}

// Sanity checks users want to see on every entry: a page that does not hold
// what its count line says was probably parsed (or captured) incompletely.
std::vector<std::string> count_warnings(const listing::Listing& l) {
  std::vector<std::string> warnings;
  if (!l.count) return warnings;
  const auto& c = *l.count;
  const size_t found = l.hits.size();
  if (c.first && c.last && (*c.first == 0 || *c.first > *c.last)) {
    warnings.push_back("the count line \"" + c.surface + "\" states an impossible range");
  } else if (c.last && *c.last > c.total) {
    warnings.push_back("the count line \"" + c.surface + "\" ends its range after the total");
  }
  if (const auto promised = promised_hits(c); promised && *promised != found) {
    warnings.push_back(std::to_string(found) + " hits found, but the count line \"" + c.surface +
                       "\" announces " + std::to_string(*promised));
  } else if (!c.first && found > c.total) {
    warnings.push_back(std::to_string(found) + " hits found, but the count line \"" + c.surface +
                       "\" announces only " + std::to_string(c.total));
  }
  return warnings;
}

class ArchiveListingIngester : public opis::sdk::Ingester {
 public:
  explicit ArchiveListingIngester(const opis::sdk::Config& config)
      : kind_(config.string("kind", "listing_entry")) {
    boilerplate_.add_patterns(listing::builtin_boilerplate());
    for (const auto& path : config.strings("boilerplate_files")) {
      boilerplate_.add_patterns(read_config_file(path));
    }
    for (const auto& pattern : config.strings("boilerplate")) boilerplate_.add_pattern(pattern);
  }

  int probe(const opis::sdk::Document& document) override {
    const std::string_view text = head(without_byte_order_mark(document.content), kProbeBytes);
    if (text.find('\0') != std::string_view::npos) return 0;
    if (opis::sdk::first_invalid_utf8(text) != std::string_view::npos) return 0;
    const auto l = listing::parse_listing(text, boilerplate_);
    if (l.has_record_block) return kRecordPageConfidence;
    return looks_like_listing(l) ? kListingConfidence : kTextConfidence;
  }

  void ingest(const opis::sdk::Document& document, opis::sdk::IngestContext& context) override {
    const std::string_view text = without_byte_order_mark(document.content);
    check_text(text);
    const auto l = listing::parse_listing(text, boilerplate_);
    if (l.hits.empty()) {
      if (l.count) {
        throw opis::sdk::InputError("looks like a listing (count line \"" + l.count->surface +
                                    "\") but no hit was found: no date line followed by a title");
      }
      throw opis::sdk::InputError(
          "not a listing: no count line and no hit (a date line followed by a title)");
    }
    if (l.has_record_block && !looks_like_listing(l)) {
      throw opis::sdk::InputError(
          "a record page, not a listing: it has a \"Document Information\" block and no count "
          "line");
    }
    const auto warnings = count_warnings(l);
    for (size_t index = 0; index < l.hits.size(); ++index) {
      emit_entry(l, index, warnings, context);
    }
  }

 private:
  void emit_entry(const listing::Listing& l, size_t index, const std::vector<std::string>& warnings,
                  opis::sdk::IngestContext& context) const {
    const auto& hit = l.hits[index];
    auto record = context.new_record();
    record.set_kind(kind_);
    record.set(OPIS_FIELD_DATE_SURFACE, hit.date);
    record.set_title(hit.title);
    if (!hit.summary.empty()) {
      record.set_summary(hit.summary);
      record.set_text(hit.title + "\n\n" + hit.summary);
    } else {
      record.set_text(hit.title);
    }
    if (l.count) {
      const auto& c = *l.count;
      add_metadata(record, "listing_total", std::to_string(c.total));
      if (c.first && c.last && *c.first >= 1 && *c.first <= *c.last) {
        add_metadata(record, "listing_first", std::to_string(*c.first));
        add_metadata(record, "listing_last", std::to_string(*c.last));
        add_metadata(record, "listing_rank", std::to_string(*c.first + index));
      } else if (!c.first && l.hits.size() == c.total) {
        // The whole result set is on this page, so ranks are certain.
        add_metadata(record, "listing_rank", std::to_string(index + 1));
      }
    }
    if (!l.query.empty()) add_metadata(record, "listing_query", l.query);
    for (const auto& w : warnings) context.warn(record, "archive-listing: " + w);
    context.emit(std::move(record));
  }

  static void add_metadata(opis::sdk::RecordView& record, std::string_view name,
                           std::string_view value) {
    record.add(opis::sdk::Property{name, value});
  }

  std::string kind_;
  listing::BoilerplateList boilerplate_;
};

}  // namespace

OPIS_EXPORT_INGESTER(ArchiveListingIngester, "archive-listing", "1.0.0",
                     "Search-results and collection listings, one listing_entry record per hit",
                     "text/plain", "*.txt,*.text",
                     R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "kind": {"type": "string", "default": "listing_entry", "minLength": 1,
             "description": "The kind of the records made, one per hit"},
    "boilerplate": {"type": "array", "items": {"type": "string", "minLength": 1}, "default": [],
                    "description": "More navigation lines that are never hits; a final * matches a prefix"},
    "boilerplate_files": {"type": "array", "items": {"type": "string", "minLength": 1}, "default": [],
                          "description": "Files of such lines, in the format of data/boilerplate.txt"}
  }
})")
