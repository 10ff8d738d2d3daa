#include "text_blocks.hpp"

#include "text_lines.hpp"
#include "wrapped_join.hpp"

namespace opis::article {

std::string join_block(const std::vector<std::string_view>& lines, size_t begin, size_t end) {
  std::string text;
  bool pending_break = false;
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    if (is_blank(lines[i])) {
      pending_break = !text.empty();
      continue;
    }
    if (!text.empty()) text += pending_break ? "\n\n" : "\n";
    pending_break = false;
    text.append(lines[i]);
  }
  text.resize(trim_right(text).size());
  return text;
}

std::string join_wrapped_lines(const std::vector<std::string_view>& lines, size_t begin,
                               size_t end) {
  std::string joined;
  for (size_t i = begin; i < end && i < lines.size(); ++i) append_wrapped(joined, lines[i]);
  return joined;
}

}  // namespace opis::article
