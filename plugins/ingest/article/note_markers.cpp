#include "note_markers.hpp"

#include <algorithm>
#include <cstddef>

#include "text_lines.hpp"

namespace opis::article {
namespace {

constexpr size_t kMaxMarkerDigits = 3;
// Words longer than this are not prose; looking further for U+FFFD would
// make hostile single-token inputs quadratic.
constexpr size_t kMaxWordScan = 64;
// The chain search is quadratic in the candidates that have a note; past
// this many a greedy pass keeps the work linear.
constexpr size_t kMaxChainCandidates = 4096;

constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";
constexpr std::string_view kRightDoubleQuote = "\xE2\x80\x9D";
constexpr std::string_view kRightSingleQuote = "\xE2\x80\x99";

struct Candidate {
  unsigned number = 0;
  size_t begin = 0;
  size_t end = 0;
  // Glued to punctuation after a digit: may be part of a number.
  bool weak = false;
};

bool is_closing_ascii(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == ')' || c == ']' || c == '?' ||
         c == '!' || c == '"' || c == '\'';
}

bool may_follow_marker(std::string_view text, size_t at) {
  if (at >= text.size()) return true;
  const char c = text[at];
  return is_space(c) || c == ',' || c == ';' || c == ':' || c == ')' || c == ']';
}

bool ends_with_at(std::string_view text, size_t end, std::string_view suffix) {
  return end >= suffix.size() && text.substr(end - suffix.size(), suffix.size()) == suffix;
}

// The word around [begin, end) holds U+FFFD (a damaged run) or is too long.
bool in_damaged_word(std::string_view text, size_t begin, size_t end) {
  size_t from = begin;
  while (from > 0 && !is_space(text[from - 1])) {
    if (begin - from >= kMaxWordScan) return true;
    --from;
  }
  size_t to = end;
  while (to < text.size() && !is_space(text[to])) {
    if (to - end >= kMaxWordScan) return true;
    ++to;
  }
  return text.substr(from, to - from).find(kReplacementCharacter) != std::string_view::npos;
}

// Whether the digits starting at `begin` are glued like a marker; `weak`
// when glued to punctuation that follows a digit.
bool glued_marker(std::string_view text, size_t begin, bool& weak) {
  weak = false;
  if (begin == 0) return false;
  const char before = text[begin - 1];
  if (is_lower(before)) return begin >= 2 && is_letter(text[begin - 2]);
  if (ends_with_at(text, begin, kRightDoubleQuote) ||
      ends_with_at(text, begin, kRightSingleQuote)) {
    return true;
  }
  if (!is_closing_ascii(before) || begin < 2) return false;
  const char word_end = text[begin - 2];
  if (is_space(word_end)) return false;
  weak = is_digit(word_end);
  return true;
}

std::vector<Candidate> candidates(std::string_view text, const std::set<unsigned>& note_numbers) {
  std::vector<Candidate> found;
  size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && is_digit(text[end])) ++end;
    bool weak = false;
    if (end - i <= kMaxMarkerDigits && text[i] != '0' && may_follow_marker(text, end) &&
        glued_marker(text, i, weak) && !in_damaged_word(text, i, end)) {
      unsigned number = 0;
      for (size_t k = i; k < end; ++k) number = number * 10 + static_cast<unsigned>(text[k] - '0');
      if (note_numbers.count(number) != 0) found.push_back({number, i, end, weak});
    }
    i = end;
  }
  return found;
}

bool may_follow(const Candidate& previous, const Candidate& next) {
  return next.weak ? next.number == previous.number + 1 : next.number > previous.number;
}

std::vector<size_t> greedy_chain(const std::vector<Candidate>& found) {
  std::vector<size_t> chain;
  for (size_t j = 0; j < found.size(); ++j) {
    const bool fits = chain.empty() ? (!found[j].weak || found[j].number == 1)
                                    : may_follow(found[chain.back()], found[j]);
    if (fits) chain.push_back(j);
  }
  return chain;
}

// The longest chain with rising numbers; among equally long predecessors
// the one with the closest number, so tight numbering is preferred.
std::vector<size_t> longest_chain(const std::vector<Candidate>& found) {
  constexpr size_t kNone = static_cast<size_t>(-1);
  std::vector<size_t> length(found.size(), 0);
  std::vector<size_t> previous(found.size(), kNone);
  size_t best = kNone;
  for (size_t j = 0; j < found.size(); ++j) {
    if (!found[j].weak || found[j].number == 1) length[j] = 1;
    for (size_t i = 0; i < j; ++i) {
      if (length[i] == 0 || !may_follow(found[i], found[j])) continue;
      const bool longer = length[i] + 1 > length[j];
      const bool closer = length[i] + 1 == length[j] && previous[j] != kNone &&
                          found[i].number > found[previous[j]].number;
      if (longer || closer) {
        length[j] = length[i] + 1;
        previous[j] = i;
      }
    }
    if (length[j] > 0 && (best == kNone || length[j] > length[best])) best = j;
  }
  std::vector<size_t> chain;
  for (size_t j = best; j != kNone; j = previous[j]) chain.push_back(j);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

}  // namespace

std::vector<NoteMarker> find_note_markers(std::string_view text,
                                          const std::set<unsigned>& note_numbers) {
  if (note_numbers.empty()) return {};
  const std::vector<Candidate> found = candidates(text, note_numbers);
  const std::vector<size_t> chain =
      found.size() > kMaxChainCandidates ? greedy_chain(found) : longest_chain(found);
  std::vector<NoteMarker> markers;
  markers.reserve(chain.size());
  for (size_t j : chain) {
    markers.push_back({std::to_string(found[j].number), static_cast<uint32_t>(found[j].begin),
                       static_cast<uint32_t>(found[j].end)});
  }
  return markers;
}

}  // namespace opis::article
