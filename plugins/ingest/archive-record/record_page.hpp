// A digital-archive record page, taken apart: the date line and title at the
// top, the header block, the body with its notes, the summary, and the
// document-information block after it.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "editorial_marks.hpp"
#include "vocabulary.hpp"

namespace opis::archive_record {

// The document is not a record page; the message says what is missing.
class NotARecordPage : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct PageFootnote {
  std::string marker;
  std::string text;
  uint32_t begin = 0;  // the first "[marker]" in the text; 0/0 when it has none
  uint32_t end = 0;
};

struct RecordPage {
  std::string date_surface;
  std::string title;
  std::string summary;
  std::string text;
  std::string classification;
  std::string copy_number;
  std::vector<std::string> stamps;
  std::vector<std::string> funders;
  std::string rights;
  std::vector<PageFootnote> footnotes;
  std::vector<std::string> citations;
  std::vector<std::pair<std::string, std::string>> metadata;
  std::vector<std::string> authors;
  std::vector<Mark> marks;
  std::vector<std::string> warnings;
};

// `text` is UTF-8 with LF line ends. Throws NotARecordPage.
RecordPage parse_record_page(std::string_view text, const Vocabulary& vocabulary);

}  // namespace opis::archive_record
