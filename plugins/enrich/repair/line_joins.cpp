#include "line_joins.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "paragraphs.hpp"
#include "utf8.hpp"

namespace opis::repair {
namespace {

// A paragraph counts as hard-wrapped when its lines are long and of similar
// length. Label blocks and lists of short lines ("Associated Places",
// "Seoul", "Japan") are left as they are.
constexpr size_t kMinWrapWidth = 40;
constexpr double kMinLineShare = 0.5;     // of the longest line
constexpr double kMinWrappedLines = 0.8;  // share of lines but the last

struct Line {
  size_t begin = 0;  // first byte
  size_t end = 0;    // the newline or the paragraph's end
  size_t width = 0;  // characters, once hard_wrapped has counted them
};

// Characters: bytes that are not UTF-8 continuation bytes (10xxxxxx). Every
// line of every paragraph is measured, so eight bytes are counted at once.
size_t visible_length(std::string_view text, const Line& line) {
  constexpr uint64_t kHighBits = 0x8080808080808080ULL;
  size_t i = line.begin;
  size_t continuation = 0;
  for (; i + 8 <= line.end; i += 8) {
    uint64_t word = 0;
    std::memcpy(&word, text.data() + i, sizeof word);
    // Bit 7 set and bit 6 clear: shifting left by one puts bit 6 under bit 7.
    // The marks are summed by a multiply into the top byte: std::popcount
    // is a library call in a build without -mpopcnt.
    const uint64_t marks = (word & ~(word << 1) & kHighBits) >> 7;
    continuation += static_cast<size_t>((marks * 0x0101010101010101ULL) >> 56);
  }
  size_t n = (i - line.begin) - continuation;
  for (; i < line.end; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// The lines of paragraph `p`, into `lines` (reused from paragraph to paragraph).
void lines_of(std::string_view text, TextRange p, std::vector<Line>& lines) {
  lines.clear();
  size_t start = p.begin;
  while (start <= p.end) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos || nl > p.end) nl = p.end;
    lines.push_back({start, nl, 0});
    if (nl >= p.end) break;
    start = nl + 1;
  }
}

bool hard_wrapped(std::string_view text, std::vector<Line>& lines) {
  if (lines.size() < 2) return false;
  size_t widest = 0;
  for (Line& l : lines) {
    l.width = visible_length(text, l);
    widest = std::max(widest, l.width);
  }
  if (widest < kMinWrapWidth) return false;
  size_t long_lines = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const size_t length = lines[i].width;
    const char last = lines[i].end > lines[i].begin ? text[lines[i].end - 1] : '\n';
    if (static_cast<double>(length) >= kMinLineShare * static_cast<double>(widest) || last == ' ' ||
        last == '-') {
      ++long_lines;
    }
  }
  return static_cast<double>(long_lines) >=
         kMinWrappedLines * static_cast<double>(lines.size() - 1);
}

// "1. ", "12) ", "[3] ", "• ", "- " at a line's start open a new item.
bool starts_list_item(std::string_view s) {
  if (s.starts_with("\xE2\x80\xA2") || s.starts_with("- ") || s.starts_with("* ") ||
      s.starts_with("\xE2\x80\x93 ")) {
    return true;
  }
  size_t digits = 0;
  const size_t from = !s.empty() && s[0] == '[' ? 1 : 0;
  while (from + digits < s.size() && digits < 3 && s[from + digits] >= '0' &&
         s[from + digits] <= '9') {
    ++digits;
  }
  if (digits == 0 || from + digits + 1 >= s.size()) return false;
  const char mark = s[from + digits];
  const char after = s[from + digits + 1];
  if (from == 1) return mark == ']';
  return digits <= 2 && (mark == '.' || mark == ')') && after == ' ';
}

// The letters of a word ending at `end` (exclusive) / starting at `begin`.
size_t word_start(std::string_view text, size_t end, size_t floor) {
  while (end > floor) {
    size_t lead = end - 1;
    while (lead > floor && (static_cast<unsigned char>(text[lead]) & 0xC0) == 0x80) --lead;
    if (!is_latin_letter(decode_at(text, lead).cp)) break;
    end = lead;
  }
  return end;
}

size_t word_end(std::string_view text, size_t begin, size_t ceiling) {
  while (begin < ceiling) {
    const Decoded d = decode_at(text, begin);
    if (!is_latin_letter(d.cp)) break;
    begin += d.length;
  }
  return begin;
}

// A line indented deeper than the one before is a block of its own (a
// listing's summary under its title), not the wrapped rest of a sentence.
bool indented_deeper(std::string_view text, const Line& line, const Line& next) {
  auto indent = [&](const Line& l) {
    size_t n = 0;
    while (l.begin + n < l.end && (text[l.begin + n] == ' ' || text[l.begin + n] == '\t')) {
      n += text[l.begin + n] == '\t' ? 4 : 1;
    }
    return n;
  };
  return indent(next) >= indent(line) + 2;
}

bool capitalized(std::string_view word) {
  return !word.empty() && word[0] >= 'A' && word[0] <= 'Z';
}

// Whether the hyphen of "left-\nright" belongs to the text.
bool keep_hyphen(const Lexicon& lexicon, std::string_view left, std::string_view right) {
  const std::string joined = std::string(left) + std::string(right);
  if (lexicon.classify(joined) == WordClass::kWord) return false;
  if (capitalized(left)) return true;  // "Soviet-Koreans", "Gwang-hyeop", "Sino-Soviet"
  return lexicon.classify(left) == WordClass::kWord && lexicon.classify(right) == WordClass::kWord;
}

}  // namespace

std::vector<Edit> join_lines(std::string_view text, const Lexicon& lexicon,
                             const LineJoinOptions& options) {
  std::vector<Edit> edits;
  std::vector<Line> lines;
  for (const TextRange& p : split_paragraphs(text)) {
    lines_of(text, p, lines);
    if (lines.size() < 2) continue;
    const bool unwrap = options.unwrap_lines && hard_wrapped(text, lines);
    for (size_t i = 0; i + 1 < lines.size(); ++i) {
      size_t content_end = lines[i].end;
      while (content_end > lines[i].begin &&
             (text[content_end - 1] == ' ' || text[content_end - 1] == '\t' ||
              text[content_end - 1] == '\r')) {
        --content_end;
      }
      size_t next = lines[i + 1].begin;
      while (next < lines[i + 1].end && (text[next] == ' ' || text[next] == '\t')) ++next;
      if (content_end == lines[i].begin || next == lines[i + 1].end) continue;
      const bool hyphen = text[content_end - 1] == '-' &&
                          (content_end - 1 == lines[i].begin || text[content_end - 2] != '-');
      const size_t left_begin = hyphen ? word_start(text, content_end - 1, lines[i].begin) : 0;
      const size_t right_end = hyphen ? word_end(text, next, lines[i + 1].end) : 0;
      if (hyphen && left_begin < content_end - 1 && right_end > next) {
        const std::string_view left = text.substr(left_begin, content_end - 1 - left_begin);
        const std::string_view right = text.substr(next, right_end - next);
        Edit edit;
        edit.begin = left_begin;
        edit.end = right_end;
        edit.reason = "line-break hyphen";
        edit.replacement = std::string(left) + (keep_hyphen(lexicon, left, right) ? "-" : "");
        edit.replacement.append(right);
        if (!unwrap) {
          // Keep the line structure: the joined word ends the first line.
          size_t stop = right_end;
          while (stop < lines[i + 1].end && text[stop] != ' ') ++stop;
          edit.replacement.append(text.substr(right_end, stop - right_end));
          if (stop < lines[i + 1].end) {
            edit.replacement.push_back('\n');
            ++stop;
          }
          edit.end = stop;
        }
        if (!edits.empty() && edits.back().end > edit.begin) continue;
        edits.push_back(std::move(edit));
        continue;
      }
      if (!unwrap || starts_list_item(text.substr(next, lines[i + 1].end - next)) ||
          indented_deeper(text, lines[i], lines[i + 1])) {
        continue;
      }
      Edit edit;
      edit.begin = content_end;
      edit.end = next;
      // A line ending in a hyphen or dash (a range "1956-", an em dash)
      // joins without a space.
      const bool dash_end =
          hyphen ||
          text.substr(lines[i].begin, content_end - lines[i].begin).ends_with("\xE2\x80\x94");
      edit.replacement = dash_end ? "" : " ";
      if (options.annotate_unwrap) edit.reason = "line unwrap";
      if (!edits.empty() && edits.back().end > edit.begin) continue;
      edits.push_back(std::move(edit));
    }
  }
  return edits;
}

}  // namespace opis::repair
