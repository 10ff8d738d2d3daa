// ingest/jsonl: re-ingests opis records (records.jsonl), one per line, so a
// stored corpus can go through new enrichers. Records keep their ids and
// sources; the host parses each line against the opis.v1.Record schema.
#include <opis/sdk.hpp>
#include <string>

namespace {

// Editors on Windows may start a UTF-8 file with a byte order mark; it is
// not part of the first record.
std::string_view without_bom(std::string_view content) {
  return content.starts_with("\xEF\xBB\xBF") ? content.substr(3) : content;
}

class JsonlIngester : public opis::sdk::Ingester {
 public:
  explicit JsonlIngester(const opis::sdk::Config& config)
      : skip_bad_lines_(config.string("on_bad_line", "error") == "skip") {}

  int probe(const opis::sdk::Document& document) override {
    const std::string_view content = without_bom(document.content);
    const size_t first = content.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && content[first] == '{' ? 90 : 0;
  }

  void ingest(const opis::sdk::Document& document, opis::sdk::IngestContext& context) override {
    std::string_view rest = without_bom(document.content);
    size_t line_number = 0;
    size_t emitted = 0;
    size_t skipped = 0;
    while (!rest.empty()) {
      const size_t end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
      ++line_number;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      if (context.cancelled()) throw opis::sdk::Error(OPIS_CANCELLED, "cancelled");

      auto record = context.new_record();
      const opis_status status =
          context.host()->record_from_json(record.handle(), opis::sdk::str(line), context.call());
      if (status != OPIS_OK) {
        const std::string why =
            "line " + std::to_string(line_number) + ": " + std::string(context.last_error());
        if (!skip_bad_lines_) {
          throw opis::sdk::InputError(why + " (on_bad_line: skip would skip such lines)");
        }
        // A warning, not info: the line's record is lost to the batch.
        context.log(OPIS_LOG_WARN, why + "; skipped");
        ++skipped;
        continue;
      }
      context.emit(std::move(record));
      ++emitted;
    }
    if (emitted == 0) {
      throw opis::sdk::InputError(skipped > 0 ? "no valid record: all " + std::to_string(skipped) +
                                                    " non-blank lines were skipped"
                                              : "empty document: no records");
    }
  }

 private:
  bool skip_bad_lines_;
};

}  // namespace

OPIS_EXPORT_INGESTER(JsonlIngester, "jsonl", "1.0.0",
                     "opis records as JSON lines (records.jsonl), re-ingested with their ids",
                     "application/x-ndjson,application/jsonl", "*.jsonl,*.ndjson",
                     R"({
  "type": "object",
  "additionalProperties": false,
  "properties": {
    "on_bad_line": {"enum": ["error", "skip"], "default": "error",
                    "description": "A line that is not an opis record fails the file, or is skipped with a log line"}
  }
})")
