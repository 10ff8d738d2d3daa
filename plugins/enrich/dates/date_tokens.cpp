#include "date_tokens.hpp"

#include <array>

namespace opis::dates {
namespace {

enum CharClass : uint8_t { kSpace, kDigit, kLetter, kPunct, kHigh };

constexpr std::array<uint8_t, 256> make_char_classes() {
  std::array<uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    if (c >= '0' && c <= '9') {
      classes[c] = kDigit;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      classes[c] = kLetter;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      classes[c] = kSpace;
    } else if (c >= 0x80) {
      classes[c] = kHigh;
    } else {
      classes[c] = kPunct;
    }
  }
  return classes;
}
constexpr std::array<uint8_t, 256> kCharClass = make_char_classes();

struct WordInfo {
  std::string_view lower;
  Keyword keyword = Keyword::none;
  uint8_t month = 0;
  bool abbrev = false;
  uint8_t season = 0;
};

// English month names and abbreviations, EDTF level 1 season codes, and the
// words around numbers that tell a year from a quantity or a reference.
constexpr WordInfo kWords[] = {
    {"january", Keyword::none, 1},
    {"february", Keyword::none, 2},
    {"march", Keyword::none, 3},
    {"april", Keyword::none, 4},
    {"may", Keyword::none, 5},
    {"june", Keyword::none, 6},
    {"july", Keyword::none, 7},
    {"august", Keyword::none, 8},
    {"september", Keyword::none, 9},
    {"october", Keyword::none, 10},
    {"november", Keyword::none, 11},
    {"december", Keyword::none, 12},
    {"jan", Keyword::none, 1, true},
    {"feb", Keyword::none, 2, true},
    {"mar", Keyword::none, 3, true},
    {"apr", Keyword::none, 4, true},
    {"jun", Keyword::none, 6, true},
    {"jul", Keyword::none, 7, true},
    {"aug", Keyword::none, 8, true},
    {"sep", Keyword::none, 9, true},
    {"sept", Keyword::none, 9, true},
    {"oct", Keyword::none, 10, true},
    {"nov", Keyword::none, 11, true},
    {"dec", Keyword::none, 12, true},
    {"spring", Keyword::none, 0, false, 21},
    {"summer", Keyword::none, 0, false, 22},
    {"autumn", Keyword::none, 0, false, 23},
    {"fall", Keyword::none, 0, false, 23},
    {"winter", Keyword::none, 0, false, 24},
    {"of", Keyword::of},
    {"the", Keyword::the},
    {"and", Keyword::and_},
    {"between", Keyword::between},
    {"from", Keyword::from},
    {"on", Keyword::on},
    {"by", Keyword::on},
    {"to", Keyword::range_word},
    {"till", Keyword::range_word},
    {"until", Keyword::range_word},
    {"through", Keyword::range_word},
    {"this", Keyword::this_},
    {"current", Keyword::this_},
    {"last", Keyword::last},
    {"next", Keyword::next},
    {"year", Keyword::year},
    {"in", Keyword::year_trigger},
    {"since", Keyword::year_trigger},
    {"during", Keyword::year_trigger},
    {"after", Keyword::year_trigger},
    {"before", Keyword::year_trigger},
    {"for", Keyword::year_trigger},
    {"around", Keyword::year_trigger},
    {"circa", Keyword::year_trigger},
    {"early", Keyword::year_trigger},
    {"late", Keyword::year_trigger},
    {"mid", Keyword::year_trigger},
    {"ca", Keyword::year_trigger},
    {"c", Keyword::year_trigger},
    {"fond", Keyword::reference},
    {"f", Keyword::reference},
    {"opis", Keyword::reference},
    {"op", Keyword::reference},
    {"delo", Keyword::reference},
    {"d", Keyword::reference},
    {"listy", Keyword::reference},
    {"list", Keyword::reference},
    {"l", Keyword::reference},
    {"ll", Keyword::reference},
    {"p", Keyword::reference},
    {"pp", Keyword::reference},
    {"page", Keyword::reference},
    {"pages", Keyword::reference},
    {"vol", Keyword::reference},
    {"volume", Keyword::reference},
    {"no", Keyword::reference},
    {"nos", Keyword::reference},
    {"n\xc2\xba", Keyword::reference},     // Nº
    {"\xe2\x84\x96", Keyword::reference},  // №
    {"number", Keyword::reference},
    {"file", Keyword::reference},
    {"folder", Keyword::reference},
    {"box", Keyword::reference},
    {"doboz", Keyword::reference},
    {"fol", Keyword::reference},
    {"folio", Keyword::reference},
    {"inv", Keyword::reference},
    {"ae", Keyword::reference},
    {"e", Keyword::reference},  // A.E. (archival unit)
    {"tons", Keyword::quantity},
    {"tonnes", Keyword::quantity},
    {"copies", Keyword::quantity},
    {"people", Keyword::quantity},
    {"persons", Keyword::quantity},
    {"men", Keyword::quantity},
    {"soldiers", Keyword::quantity},
    {"troops", Keyword::quantity},
    {"workers", Keyword::quantity},
    {"members", Keyword::quantity},
    {"km", Keyword::quantity},
    {"kilometers", Keyword::quantity},
    {"kilometres", Keyword::quantity},
    {"meters", Keyword::quantity},
    {"metres", Keyword::quantity},
    {"rubles", Keyword::quantity},
    {"roubles", Keyword::quantity},
    {"dollars", Keyword::quantity},
    {"won", Keyword::quantity},
    {"yuan", Keyword::quantity},
    {"yen", Keyword::quantity},
    {"hectares", Keyword::quantity},
    {"percent", Keyword::quantity},
    {"thousand", Keyword::quantity},
    {"million", Keyword::quantity},
    {"billion", Keyword::quantity},
    {"hours", Keyword::quantity},
    {"days", Keyword::quantity},
    {"units", Keyword::quantity},
    {"pieces", Keyword::quantity},
    {"students", Keyword::quantity},
    {"delegates", Keyword::quantity},
    {"specialists", Keyword::quantity},
    {"households", Keyword::quantity},
    {"families", Keyword::quantity},
    {"votes", Keyword::quantity},
};

constexpr size_t kMaxWord = 12;

// Buckets of kWords by (length, first byte), so classifying a word costs one
// or two short compares, and most words (in no bucket) none. Built at
// compile time.
struct WordTable {
  std::array<std::array<uint8_t, 8>, (kMaxWord + 1) * 256> slots{};
  std::array<uint8_t, (kMaxWord + 1) * 256> counts{};

  constexpr WordTable() {
    for (size_t i = 0; i < std::size(kWords); ++i) {
      const auto w = kWords[i].lower;
      const size_t bucket = w.size() * 256 + static_cast<uint8_t>(w[0]);
      slots[bucket][counts[bucket]++] = static_cast<uint8_t>(i);
    }
  }
};
constexpr WordTable kWordTable;

char lower_ascii(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// The entry of kWords equal to `word` ignoring ASCII case, or null.
const WordInfo* find_word(std::string_view word) {
  if (word.size() > kMaxWord) return nullptr;
  const size_t bucket = word.size() * 256 + static_cast<uint8_t>(lower_ascii(word[0]));
  const uint8_t count = kWordTable.counts[bucket];
  if (count == 0) return nullptr;
  for (uint8_t k = 0; k < count; ++k) {
    const WordInfo& info = kWords[kWordTable.slots[bucket][k]];
    size_t c = 1;
    while (c < word.size() && lower_ascii(word[c]) == info.lower[c]) ++c;
    if (c == word.size()) return &info;
  }
  return nullptr;
}

uint8_t roman_month(std::string_view word) {
  static constexpr std::string_view kRoman[] = {"I",   "II",   "III", "IV", "V",  "VI",
                                                "VII", "VIII", "IX",  "X",  "XI", "XII"};
  if (word.size() > 4) return 0;
  for (uint8_t m = 0; m < 12; ++m) {
    if (kRoman[m] == word) return static_cast<uint8_t>(m + 1);
  }
  return 0;
}

void classify_word(std::string_view text, Token& token) {
  const std::string_view word = text.substr(token.begin, token.end - token.begin);
  token.capitalized = word[0] >= 'A' && word[0] <= 'Z';
  if (word.size() > kMaxWord) return;
  if (const WordInfo* info = find_word(word)) {
    token.keyword = info->keyword;
    token.month = info->month;
    token.month_abbrev = info->abbrev;
    token.season = info->season;
  }
  if (token.capitalized && (word[0] == 'I' || word[0] == 'V' || word[0] == 'X')) {
    token.roman = roman_month(word);
  }
}

// Length of the UTF-8 whitespace or dash at text[i] (a lead byte >= 0x80),
// or 0 when it is neither. `dash` tells which.
size_t unicode_space_or_dash(std::string_view text, size_t i, bool& dash, bool& punct) {
  const auto at = [&](size_t k) -> uint8_t {
    return k < text.size() ? static_cast<uint8_t>(text[k]) : 0;
  };
  const uint8_t b0 = at(i);
  const uint8_t b1 = at(i + 1);
  const uint8_t b2 = at(i + 2);
  dash = false;
  punct = false;
  if (b0 == 0xC2 && b1 == 0xA0) return 2;  // no-break space
  if (b0 == 0xE2 && b1 == 0x80) {
    if (b2 <= 0x8A || b2 == 0xAF) return 3;  // en quad .. hair space, narrow no-break space
    if (b2 >= 0x90 && b2 <= 0x95) {          // hyphen, figure/en/em dash, horizontal bar
      dash = true;
      return 3;
    }
    punct = true;  // quotes, bullets, ellipsis
    return 3;
  }
  if (b0 == 0xE2 && b1 == 0x88 && b2 == 0x92) {  // minus sign
    dash = true;
    return 3;
  }
  if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return 3;  // ideographic space
  return 0;
}

bool is_ordinal_suffix(std::string_view s) {
  if (s.size() != 2) return false;
  const char a = lower_ascii(s[0]);
  const char b = lower_ascii(s[1]);
  return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
         (a == 't' && b == 'h');
}

}  // namespace

void tokenize(std::string_view text, size_t begin, size_t end, std::vector<Token>& out) {
  bool space = true;
  bool line = true;
  size_t i = begin;
  const auto cls = [&](size_t k) { return kCharClass[static_cast<uint8_t>(text[k])]; };
  // At most one token per byte: no reallocation while tokenizing, and the
  // push stays small enough to inline.
  out.reserve(out.size() + (end - begin));
  const auto push = [&](const Token& token) __attribute__((always_inline)) {
    Token& added = out.emplace_back(token);
    added.space_before = space;
    added.line_before = line;
    space = false;
    line = false;
  };
  while (i < end) {
    const uint8_t c = cls(i);
    if (c == kSpace) {
      space = true;
      if (text[i] == '\n') line = true;
      ++i;
      continue;
    }
    Token token;
    token.begin = static_cast<uint32_t>(i);
    if (c == kDigit) {
      uint32_t value = 0;
      size_t digits = 0;
      while (i < end && cls(i) == kDigit) {
        if (value < 100'000'000) value = value * 10 + static_cast<uint32_t>(text[i] - '0');
        ++digits;
        ++i;
      }
      token.kind = TokenKind::number;
      token.value = value;
      token.digits = static_cast<uint8_t>(digits > 255 ? 255 : digits);
      if (i < end && cls(i) == kLetter) {
        const size_t letters = i;
        while (i < end && (cls(i) == kLetter || cls(i) == kHigh)) ++i;
        const std::string_view suffix = text.substr(letters, i - letters);
        if (is_ordinal_suffix(suffix)) {
          token.ordinal = true;
        } else if (suffix == "s" && digits == 4) {
          token.decade = true;
        } else {
          token.kind = TokenKind::other;
        }
      }
      token.end = static_cast<uint32_t>(i);
      push(token);
      continue;
    }
    if (c == kLetter || c == kHigh) {
      // A word runs over letters and non-ASCII characters that are neither
      // space nor dash nor typographic punctuation.
      while (i < end) {
        const uint8_t k = cls(i);
        if (k == kLetter) {
          ++i;
        } else if (k == kHigh) {
          bool dash = false;
          bool punct = false;
          if (unicode_space_or_dash(text, i, dash, punct) != 0) break;
          ++i;
          while (i < end && (static_cast<uint8_t>(text[i]) & 0xC0) == 0x80) ++i;
        } else {
          break;
        }
      }
      if (i > token.begin) {
        token.kind = TokenKind::word;
        token.end = static_cast<uint32_t>(i);
        classify_word(text, token);
        push(token);
        continue;
      }
      bool dash = false;
      bool punct = false;
      const size_t n = unicode_space_or_dash(text, i, dash, punct);
      i += n;
      if (!dash && !punct) {
        space = true;
        continue;
      }
      token.kind = TokenKind::punct;
      token.punct = dash ? '-' : '"';
      token.end = static_cast<uint32_t>(i);
      push(token);
      continue;
    }
    token.kind = TokenKind::punct;
    token.punct = text[i];
    token.end = static_cast<uint32_t>(++i);
    push(token);
  }
}

std::string_view month_name(int month) {
  static constexpr std::string_view kNames[] = {"January",   "February", "March",    "April",
                                                "May",       "June",     "July",     "August",
                                                "September", "October",  "November", "December"};
  return month >= 1 && month <= 12 ? kNames[month - 1] : std::string_view{};
}

namespace {

// Levenshtein distance <= 1, ASCII case-insensitive.
bool within_one_edit(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > 1) return false;
  size_t i = 0;
  while (i < a.size() && lower_ascii(a[i]) == lower_ascii(b[i])) ++i;
  if (i == a.size()) return true;
  const auto rest_equal = [](std::string_view x, std::string_view y) {
    if (x.size() != y.size()) return false;
    for (size_t k = 0; k < x.size(); ++k) {
      if (lower_ascii(x[k]) != lower_ascii(y[k])) return false;
    }
    return true;
  };
  if (a.size() == b.size()) return rest_equal(a.substr(i + 1), b.substr(i + 1));
  return rest_equal(a.substr(i), b.substr(i + 1));
}

}  // namespace

int misspelled_month(std::string_view word) {
  int found = 0;
  for (int m = 1; m <= 12; ++m) {
    if (within_one_edit(word, month_name(m))) {
      if (found != 0) return 0;  // two months equally close: no guess
      found = m;
    }
  }
  return found;
}

}  // namespace opis::dates
