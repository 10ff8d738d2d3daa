#include "paragraphs.hpp"

namespace opis::repair {

std::vector<TextRange> split_paragraphs(std::string_view text) {
  std::vector<TextRange> out;
  size_t line = 0;
  bool open = false;
  TextRange current;
  while (line <= text.size()) {
    size_t end = text.find('\n', line);
    if (end == std::string_view::npos) end = text.size();
    bool blank = true;
    for (size_t i = line; i < end; ++i) {
      const char c = text[i];
      if (c != ' ' && c != '\t' && c != '\r') {
        blank = false;
        break;
      }
    }
    if (blank) {
      if (open) out.push_back(current);
      open = false;
    } else {
      if (!open) current.begin = line;
      current.end = end;
      open = true;
    }
    if (end == text.size()) break;
    line = end + 1;
  }
  if (open) out.push_back(current);
  return out;
}

}  // namespace opis::repair
