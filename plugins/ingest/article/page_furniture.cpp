#include "page_furniture.hpp"

#include <cstddef>
#include <unordered_map>

#include "text_lines.hpp"

namespace opis::article {
namespace {

constexpr size_t kMaxPageNumberDigits = 4;
constexpr size_t kMaxRunningHeadBytes = 100;

bool stands_alone(const std::vector<std::string_view>& lines, size_t i) {
  if (is_blank(lines[i])) return false;
  const bool blank_before = i == 0 || is_blank(lines[i - 1]);
  const bool blank_after = i + 1 == lines.size() || is_blank(lines[i + 1]);
  return blank_before && blank_after;
}

bool is_page_number(std::string_view line) {
  const std::string_view text = trim(line);
  return !text.empty() && text.front() != '0' &&
         digits_at(text, 0, kMaxPageNumberDigits) == text.size();
}

// The nearest non-blank line before (step -1) or after (step +1) line i.
bool next_to_dropped(const std::vector<std::string_view>& lines, const std::vector<bool>& drop,
                     size_t i, int step) {
  size_t j = i;
  while (true) {
    if (step < 0 && j == 0) return false;
    j = step < 0 ? j - 1 : j + 1;
    if (j >= lines.size()) return false;
    if (!is_blank(lines[j])) return drop[j];
  }
}

}  // namespace

std::vector<bool> page_furniture(const std::vector<std::string_view>& lines) {
  std::vector<bool> drop(lines.size(), false);
  std::unordered_map<std::string_view, size_t> alone_count;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!stands_alone(lines, i)) continue;
    if (is_page_number(lines[i])) {
      drop[i] = true;
    } else if (trim(lines[i]).size() <= kMaxRunningHeadBytes) {
      ++alone_count[trim(lines[i])];
    }
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (drop[i] || !stands_alone(lines, i)) continue;
    const auto found = alone_count.find(trim(lines[i]));
    if (found == alone_count.end() || found->second < 2) continue;
    if (next_to_dropped(lines, drop, i, -1) || next_to_dropped(lines, drop, i, +1)) {
      drop[i] = true;
    }
  }
  return drop;
}

}  // namespace opis::article
