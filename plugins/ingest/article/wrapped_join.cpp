#include "wrapped_join.hpp"

#include <array>

#include "text_lines.hpp"

namespace opis::article {
namespace {

// Prefixes that are hyphenated in English even mid-line; splitting after
// them says nothing about whether the hyphen is a line-break one.
bool is_hyphenated_prefix(std::string_view fragment) {
  static constexpr std::array<std::string_view, 16> kPrefixes = {
      "self", "non",   "anti", "post", "pre", "ex",   "co",    "well",
      "semi", "quasi", "pro",  "neo",  "pan", "vice", "multi", "counter"};
  for (auto prefix : kPrefixes) {
    if (fragment == prefix) return true;
  }
  return false;
}

// The word piece before the final hyphen of `joined`.
std::string_view fragment_before_hyphen(const std::string& joined) {
  size_t begin = joined.size() - 1;
  while (begin > 0 && is_letter(joined[begin - 1])) --begin;
  return std::string_view(joined).substr(begin, joined.size() - 1 - begin);
}

// Only an all-lowercase piece followed by a lowercase continuation is an
// obvious broken word: a capitalized piece may be a name ("Sang-" "jo"), and
// without a dictionary the hyphen is kept rather than guessed away.
bool obviously_continues(std::string_view fragment, std::string_view next) {
  if (fragment.empty() || next.empty() || !is_lower(next.front())) return false;
  for (char c : fragment) {
    if (!is_lower(c)) return false;
  }
  return !is_hyphenated_prefix(fragment);
}

}  // namespace

void append_wrapped(std::string& joined, std::string_view line) {
  const std::string_view next = trim(line);
  if (next.empty()) return;
  if (joined.empty()) {
    joined.assign(next);
    return;
  }
  const bool hyphen_break =
      joined.back() == '-' && joined.size() >= 2 && is_letter(joined[joined.size() - 2]);
  if (!hyphen_break) {
    joined += ' ';
    joined.append(next);
    return;
  }
  if (obviously_continues(fragment_before_hyphen(joined), next)) joined.pop_back();
  joined.append(next);
}

}  // namespace opis::article
