#include "pdf_reader.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>
#include <opis/sdk.hpp>

#include "catalog_language.hpp"
#include "pdf_strings.hpp"

namespace opis::pdf {
namespace {

constexpr size_t kMaxReaderErrors = 20;

// poppler reports problems through one process-wide callback, on the thread
// doing the reading, so each reading thread collects its own.
thread_local std::vector<std::string>* collected_errors = nullptr;

void collect_poppler_error(const std::string& message, void*) {
  if (collected_errors != nullptr && collected_errors->size() < kMaxReaderErrors) {
    collected_errors->push_back(message);
  }
}

// Also keeps poppler from writing to the host's stderr.
void route_poppler_errors() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(collect_poppler_error, nullptr); });
}

class ErrorCollection {
 public:
  explicit ErrorCollection(std::vector<std::string>& sink) { collected_errors = &sink; }
  ~ErrorCollection() { collected_errors = nullptr; }
  ErrorCollection(const ErrorCollection&) = delete;
  ErrorCollection& operator=(const ErrorCollection&) = delete;
};

poppler::page::text_layout_enum poppler_layout(TextLayout layout) {
  switch (layout) {
    case TextLayout::raw:
      return poppler::page::raw_order_layout;
    case TextLayout::physical:
      return poppler::page::physical_layout;
    case TextLayout::reading:
      break;
  }
  return poppler::page::non_raw_non_physical_layout;
}

// poppler ends lines with "\n" and may leave trailing spaces and blank lines
// around a page's text; the pages are joined by the caller.
std::string tidy_page_text(std::string text) {
  const size_t last = text.find_last_not_of(" \t\n");
  if (last == std::string::npos) return {};
  text.erase(last + 1);
  size_t first_line = 0;
  for (size_t i = 0; i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n');
       ++i) {
    if (text[i] == '\n') first_line = i + 1;
  }
  text.erase(0, first_line);
  return text;
}

// poppler's messages read "error (offset): text", with line breaks written
// as "<0a>"; the text comes first here, the offset after it.
std::string describe(std::string message) {
  for (size_t at = message.find("<0a>"); at != std::string::npos; at = message.find("<0a>")) {
    message.erase(at, 4);
  }
  if (message.rfind("error", 0) == 0) {
    const size_t colon = message.find(": ");
    if (colon != std::string::npos) {
      const std::string prefix = message.substr(0, colon);
      message.erase(0, colon + 2);
      if (prefix != "error") message += " (" + prefix + ")";
    }
  }
  return message;
}

// The first complaint that names a problem; poppler's "continuing anyway"
// notes do not.
std::string unreadable_reason(const std::vector<std::string>& errors) {
  for (const auto& error : errors) {
    if (error.find("continuing anyway") == std::string::npos) return describe(error);
  }
  return "poppler could not parse its structure";
}

void add_info(PdfContent& content, const poppler::document& document, const char* key) {
  std::string value = info_string_to_utf8(document.info_key(key));
  if (!value.empty()) content.info.emplace_back(key, std::move(value));
}

}  // namespace

PdfContent read_pdf(std::string_view bytes, TextLayout layout) {
  if (bytes.empty()) throw sdk::InputError("empty file: a PDF cannot have zero bytes");
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    throw sdk::InputError("too large: poppler reads PDFs of at most 2 GiB");
  }
  route_poppler_errors();
  PdfContent content;
  ErrorCollection collection(content.reader_errors);

  // poppler reads from `bytes` in place; it outlives the document.
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) {
    throw sdk::InputError("not a readable PDF: " + unreadable_reason(content.reader_errors));
  }
  // poppler opens an encrypted file whose user password is not empty as a
  // locked document; one with an empty user password opens unlocked and
  // reads like any other.
  if (document->is_locked()) {
    throw sdk::InputError("encrypted: opis cannot read password-protected PDFs");
  }
  const int page_count = document->pages();
  if (page_count <= 0) throw sdk::InputError("not a readable PDF: it has no pages");

  content.pages.reserve(static_cast<size_t>(page_count));
  for (int index = 0; index < page_count; ++index) {
    PdfPage page;
    std::unique_ptr<poppler::page> source(document->create_page(index));
    if (source) {
      page.text =
          tidy_page_text(page_text_to_utf8(source->text(poppler::rectf(), poppler_layout(layout))));
      page.label = info_string_to_utf8(source->label());
    }
    if (page.label.empty()) page.label = std::to_string(index + 1);
    content.pages.push_back(std::move(page));
  }
  for (auto& error : content.reader_errors) error = describe(std::move(error));

  content.title = info_string_to_utf8(document->info_key("Title"));
  for (const char* key : {"Author", "Subject", "Creator", "Producer", "CreationDate"}) {
    add_info(content, *document, key);
  }
  content.language = catalog_language(bytes);
  return content;
}

}  // namespace opis::pdf
