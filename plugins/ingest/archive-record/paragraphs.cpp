#include "paragraphs.hpp"

#include "text_scan.hpp"

namespace opis::archive_record {

std::vector<Paragraph> split_paragraphs(std::string_view text) {
  std::vector<Paragraph> paragraphs;
  Paragraph current;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(text.substr(start, end - start));
    if (line.empty()) {
      if (!current.lines.empty()) paragraphs.push_back(std::move(current));
      current = Paragraph{};
    } else {
      current.lines.push_back(line);
    }
    start = end + 1;
  }
  if (!current.lines.empty()) paragraphs.push_back(std::move(current));
  return paragraphs;
}

std::string joined(const Paragraph& paragraph, std::string_view separator) {
  std::string out;
  for (const auto line : paragraph.lines) {
    if (!out.empty()) out += separator;
    out += line;
  }
  return out;
}

}  // namespace opis::archive_record
