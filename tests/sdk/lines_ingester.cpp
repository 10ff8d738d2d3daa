// A test-only ingester for the harness's own tests: one record per line,
// titled with the line. A line "fail" fails the document after the records
// before it were emitted.
#include <opis/sdk.hpp>
#include <string_view>

namespace {

class LinesIngester : public opis::sdk::Ingester {
 public:
  explicit LinesIngester(const opis::sdk::Config&) {}

  void ingest(const opis::sdk::Document& document, opis::sdk::IngestContext& context) override {
    std::string_view rest = document.content;
    while (!rest.empty()) {
      const size_t end = rest.find('\n');
      const std::string_view line = rest.substr(0, end);
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
      if (line == "fail") throw opis::sdk::InputError("a line says fail");
      auto record = context.new_record();
      record.set(OPIS_FIELD_TITLE, line);
      context.emit(std::move(record));
    }
  }
};

}  // namespace

OPIS_EXPORT_INGESTER(LinesIngester, "lines", "1.0.0", "Harness self-test: one record per line",
                     "text/plain", "*.txt", R"({"type": "object", "additionalProperties": false})")
