#include "acronym_definitions.hpp"

#include <algorithm>
#include <array>

#include "utf8_letters.hpp"

namespace opis::entities {
namespace {

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}

// CPSU, CC, VKP(b), KSČ: capitals (any script) and digits, at least two
// capitals, and an optional lower-case suffix in parentheses.
bool is_acronym_word(std::string_view word) {
  if (word.size() < 2) return false;
  const size_t paren = word.find('(');
  std::string_view core = word.substr(0, paren);
  if (paren != std::string_view::npos) {
    const std::string_view suffix = word.substr(paren);
    if (suffix.size() < 3 || suffix.size() > 5 || suffix.back() != ')') return false;
    for (size_t i = 1; i + 1 < suffix.size(); ++i) {
      if (!is_ascii_lower(suffix[i])) return false;
    }
  }
  int capitals = 0;
  size_t pos = 0;
  while (pos < core.size()) {
    const CodePoint cp = decode_at(core, pos);
    if (is_upper(cp.value)) {
      ++capitals;
    } else if (!(cp.value < 0x80 && is_ascii_digit(static_cast<char>(cp.value)))) {
      return false;
    }
    pos += cp.length;
  }
  return capitals >= 2 && !core.empty() && !is_ascii_digit(core.front());
}

bool starts_with_capital(std::string_view s) {
  return !s.empty() && is_upper(decode_at(s, 0).value);
}

bool is_function_word(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kWords = {"of", "the", "and", "for", "in", "on",
                                                              "de", "du",  "des", "la",  "le", "&"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

std::string_view strip_trailing_apostrophe(std::string_view word) {
  if (!word.empty() && word.back() == '\'') word.remove_suffix(1);
  if (word.size() >= 3 && word.substr(word.size() - 3) == "\xE2\x80\x99") word.remove_suffix(3);
  return word;
}

}  // namespace

std::string normalize_name(std::string_view name) {
  std::string out;
  size_t pos = 0;
  bool blank = false;
  while (pos < name.size()) {
    const CodePoint cp = decode_at(name, pos);
    if (cp.value == '\n' || is_inline_space(cp.value)) {
      blank = true;
    } else {
      if (blank && !out.empty()) out += ' ';
      blank = false;
      if (is_apostrophe(cp.value)) {
        out += '\'';
      } else {
        out.append(name.substr(pos, cp.length));
      }
    }
    pos += cp.length;
  }
  return out;
}

void find_bracket_definitions(std::string_view text, std::vector<AcronymDefinition>& out) {
  size_t open = text.find('[');
  while (open != std::string_view::npos) {
    const size_t next_search = open + 1;
    const size_t close = text.substr(0, open + 202).find_first_of("]\n[", open + 1);
    if (open >= 2 && text[open - 1] == ' ' && close != std::string_view::npos &&
        text[close] == ']' && close - open <= 200) {
      const std::string_view content = text.substr(open + 1, close - open - 1);
      const bool plausible = starts_with_capital(content) &&
                             content.find(':') == std::string_view::npos &&
                             content.find(' ') != std::string_view::npos &&
                             std::none_of(content.begin(), content.end(), is_ascii_digit);
      std::vector<std::string_view> words;
      size_t word_end = open - 1;
      while (plausible && words.size() < 3) {
        size_t word_begin = word_end;
        while (word_begin > 0 && text[word_begin - 1] != ' ' && text[word_begin - 1] != '\n') {
          --word_begin;
        }
        const std::string_view word = text.substr(word_begin, word_end - word_begin);
        if (!is_acronym_word(word)) break;
        words.push_back(word);
        if (word_begin < 2 || text[word_begin - 1] != ' ') break;
        word_end = word_begin - 1;
      }
      if (!words.empty()) {
        std::string abbreviation;
        for (auto it = words.rbegin(); it != words.rend(); ++it) {
          if (!abbreviation.empty()) abbreviation += ' ';
          abbreviation += *it;
        }
        out.push_back({std::move(abbreviation), normalize_name(content)});
      }
    }
    open = text.find('[', next_search);
  }
}

void find_parenthesis_definitions(std::string_view text, std::vector<AcronymDefinition>& out) {
  size_t open = text.find('(');
  while (open != std::string_view::npos) {
    const size_t close = text.substr(0, open + 14).find(')', open + 1);
    if (open >= 2 && text[open - 1] == ' ' && close != std::string_view::npos &&
        close - open <= 12) {
      const std::string_view acronym = text.substr(open + 1, close - open - 1);
      if (is_acronym_word(acronym) && acronym.find('(') == std::string_view::npos) {
        // Words before the parenthesis, nearest first.
        std::vector<std::string_view> words;
        size_t word_end = open - 1;
        while (words.size() < 12 && word_end > 0) {
          size_t word_begin = word_end;
          while (word_begin > 0 && text[word_begin - 1] != ' ' && text[word_begin - 1] != '\n') {
            --word_begin;
          }
          const std::string_view word =
              strip_trailing_apostrophe(text.substr(word_begin, word_end - word_begin));
          if (word.empty() || !(starts_with_capital(word) || is_function_word(word))) break;
          words.push_back(text.substr(word_begin, word_end - word_begin));
          if (word_begin < 2 || text[word_begin - 1] != ' ') break;
          word_end = word_begin - 1;
        }
        // The fewest words whose capitals spell the acronym.
        std::string letters;
        for (const char c : acronym) {
          if (is_ascii_upper(c)) letters += c;
        }
        std::string initials;
        for (size_t n = 0; n < words.size(); ++n) {
          if (!starts_with_capital(words[n])) continue;
          initials.insert(initials.begin(), words[n][0]);
          if (initials == letters) {
            std::string expansion;
            for (size_t k = n + 1; k-- > 0;) {
              if (!expansion.empty()) expansion += ' ';
              expansion += words[k];
            }
            out.push_back({std::string(acronym), normalize_name(expansion)});
            break;
          }
          if (initials.size() >= letters.size()) break;
        }
      }
    }
    open = text.find('(', open + 1);
  }
}

}  // namespace opis::entities
