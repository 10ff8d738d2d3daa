// An ingester built against the frozen ABI 1.0 headers (tests/abi/v1.0):
// one record per paragraph (blank-line separated), the paragraph's first
// line as title, the rest as text, and its number as a metadata property.
#include <opis/sdk.hpp>
#include <string>
#include <string_view>

namespace {

class Paragraphs : public opis::sdk::Ingester {
 public:
  void ingest(const opis::sdk::Document& document, opis::sdk::IngestContext& context) override {
    std::string_view rest = document.content;
    int number = 0;
    while (!rest.empty()) {
      const size_t blank = rest.find("\n\n");
      std::string_view paragraph = rest.substr(0, blank);
      rest = blank == std::string_view::npos ? std::string_view{} : rest.substr(blank + 2);
      while (!paragraph.empty() && paragraph.front() == '\n') paragraph.remove_prefix(1);
      if (paragraph.empty()) continue;
      const size_t newline = paragraph.find('\n');
      auto record = context.new_record();
      record.set_kind("paragraph");
      record.set_title(paragraph.substr(0, newline));
      record.set_text(newline == std::string_view::npos ? std::string_view{}
                                                        : paragraph.substr(newline + 1));
      record.add(opis::sdk::Property{"paragraph", std::to_string(++number)});
      context.emit(std::move(record));
    }
    if (number == 0) throw opis::sdk::InputError("no paragraph in the document");
  }
};

}  // namespace

OPIS_EXPORT_INGESTER(Paragraphs, "abi10-paragraphs", "1.0.0", "ABI 1.0 fixture: paragraphs",
                     "text/x-abi10", "*.abi10", OPIS_NO_CONFIG)
