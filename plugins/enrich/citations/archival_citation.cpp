#include "archival_citation.hpp"

#include <array>
#include <cstdint>
#include <vector>

#include "opening_filter.hpp"
#include "text_scan.hpp"

namespace opis::citations {

using text_scan::OpeningFilter;
namespace {

// Papka (folder) and Rolik (microfilm reel) are accepted anywhere in the
// chain but reported nowhere: they stay in `raw`.
enum class Level : uint8_t { fond, opis, delo, sheets, papka, reel };

struct Keyword {
  std::string_view spelling;
  Level level;
};

// A spelling must come before any spelling that is its prefix.
constexpr Keyword kKeywords[] = {
    {"Fond", Level::fond},
    {"fond", Level::fond},
    {"FOND", Level::fond},
    {"F.", Level::fond},
    {"f.", Level::fond},
    {"Opis'", Level::opis},
    {"opis'", Level::opis},
    {"Opis\xE2\x80\x99", Level::opis},
    {"opis\xE2\x80\x99", Level::opis},
    {"Opis", Level::opis},
    {"opis", Level::opis},
    {"OPIS", Level::opis},
    {"Op.", Level::opis},
    {"op.", Level::opis},
    {"Delo", Level::delo},
    {"delo", Level::delo},
    {"DELO", Level::delo},
    {"D.", Level::delo},
    {"d.", Level::delo},
    {"A.E.", Level::delo},
    {"A. E.", Level::delo},
    {"a.e.", Level::delo},
    {"Sprava", Level::delo},
    {"sprava", Level::delo},
    {"Spr.", Level::delo},
    {"spr.", Level::delo},
    {"Listy", Level::sheets},
    {"listy", Level::sheets},
    {"Listi", Level::sheets},
    {"listi", Level::sheets},
    {"List", Level::sheets},
    {"list", Level::sheets},
    {"LL.", Level::sheets},
    {"Ll.", Level::sheets},
    {"ll.", Level::sheets},
    {"L.", Level::sheets},
    {"l.", Level::sheets},
    {"pp.", Level::sheets},
    {"Pp.", Level::sheets},
    {"p.", Level::sheets},
    {"P.", Level::sheets},
    {"Papka", Level::papka},
    {"papka", Level::papka},
    {"Rolik", Level::reel},
    {"rolik", Level::reel},
    {"Reel", Level::reel},
    {"reel", Level::reel},
};

constexpr size_t kMaxValueBytes = 32;
constexpr size_t kMaxArchiveBytes = 160;
constexpr size_t kMaxArchiveWords = 10;

// The keywords by first byte, so a word start costs one table lookup
// unless it could begin a keyword.
struct KeywordIndex {
  std::array<std::array<uint8_t, 16>, 256> by_first_byte{};
  std::array<uint8_t, 256> count{};
  std::array<bool, 256> chain_start{};  // first bytes of fond, opis and delo keywords
};

constexpr KeywordIndex make_keyword_index() {
  KeywordIndex index;
  for (size_t k = 0; k < std::size(kKeywords); ++k) {
    const auto first = static_cast<unsigned char>(kKeywords[k].spelling.front());
    index.by_first_byte[first][index.count[first]++] = static_cast<uint8_t>(k);
    if (kKeywords[k].level <= Level::delo) index.chain_start[first] = true;
  }
  return index;
}
constexpr KeywordIndex kKeywordIndex = make_keyword_index();

// The first two bytes of the fond, opis and delo keywords: a reference
// starts only where one of them does.
const OpeningFilter& chain_start_filter() {
  static const OpeningFilter filter = [] {
    OpeningFilter f(OpeningFilter::Case::folded, OpeningFilter::Boundary::word_start);
    for (const Keyword& k : kKeywords) {
      if (k.level > Level::delo) continue;
      if (k.spelling.size() < 2) {
        f.add_first(k.spelling[0]);
      } else {
        f.add(k.spelling[0], k.spelling[1]);
      }
    }
    return f;
  }();
  return filter;
}

bool is_word_byte(char c) {
  return is_ascii_alnum(c) || is_non_ascii(c);
}

const Keyword* keyword_at(std::string_view text, size_t pos) {
  const auto first = static_cast<unsigned char>(text[pos]);
  for (size_t n = 0; n < kKeywordIndex.count[first]; ++n) {
    const Keyword& k = kKeywords[kKeywordIndex.by_first_byte[first][n]];
    if (!starts_with_at(text, pos, k.spelling)) continue;
    const size_t end = pos + k.spelling.size();
    const char last = k.spelling.back();
    const bool closed = last == '.' || last == '\'' || is_non_ascii(last);
    if (!closed && end < text.size() && is_word_byte(text[end])) continue;
    return &k;
  }
  return nullptr;
}

// "5", "1-B", "0102", "28s", "73-85", "73ob.-85", "R-5446", "129–130".
// Trailing punctuation is never part of a value.
size_t value_end(std::string_view text, size_t pos) {
  if (pos >= text.size() || !is_ascii_alnum(text[pos])) return std::string_view::npos;
  size_t i = pos;
  bool has_digit = false;
  while (i < text.size() && i - pos <= kMaxValueBytes) {
    const char c = text[i];
    const bool next_alnum = i + 1 < text.size() && is_ascii_alnum(text[i + 1]);
    if (is_ascii_alnum(c)) {
      has_digit = has_digit || is_digit(c);
      ++i;
    } else if ((c == '-' || c == '/') && next_alnum) {
      ++i;
    } else if (c == '.' && i + 1 < text.size() && (next_alnum || text[i + 1] == '-')) {
      ++i;
    } else if (starts_with_at(text, i, "\xE2\x80\x93") && i + 3 < text.size() &&
               is_ascii_alnum(text[i + 3])) {
      i += 3;  // en dash in a range
    } else {
      break;
    }
  }
  if (!has_digit || i - pos > kMaxValueBytes) return std::string_view::npos;
  return i;
}

// After a sheet number: another number in the same list ("l. 72, 74"), but
// not the start of a date or a sentence ("l. 130, 17 March").
size_t sheet_list_end(std::string_view text, size_t end) {
  while (end < text.size() && text[end] == ',') {
    const size_t next = skip_space(text, end + 1, 0);
    if (next >= text.size() || !is_digit(text[next])) break;
    const size_t next_end = value_end(text, next);
    if (next_end == std::string_view::npos) break;
    if (next_end < text.size()) {
      const char after = text[next_end];
      if (is_ascii_letter(after) || is_non_ascii(after)) break;
      if (after == ' ' || after == '\t') {
        const size_t following = skip_space(text, next_end, 0);
        if (following < text.size() && is_word_byte(text[following])) break;
      }
    }
    end = next_end;
  }
  return end;
}

struct Element {
  Level level;
  size_t value_begin;
  size_t value_end;
};

struct Chain {
  size_t begin = 0;
  size_t end = 0;
  std::string fond, opis, delo, pages;
};

std::optional<Element> element_at(std::string_view text, size_t pos) {
  const Keyword* keyword = keyword_at(text, pos);
  if (keyword == nullptr) return std::nullopt;
  const size_t value = skip_space(text, pos + keyword->spelling.size(), 1);
  size_t end = value_end(text, value);
  if (end == std::string_view::npos) return std::nullopt;
  if (keyword->level == Level::sheets) end = sheet_list_end(text, end);
  return Element{keyword->level, value, end};
}

std::optional<Chain> chain_at(std::string_view text, size_t pos) {
  const auto first = element_at(text, pos);
  if (!first || first->level > Level::delo) return std::nullopt;

  Chain chain;
  chain.begin = pos;
  int rank = -1;
  bool seen_papka = false;
  bool seen_reel = false;
  int core = 0;
  std::optional<Element> element = first;
  while (element) {
    if (element->level == Level::papka || element->level == Level::reel) {
      bool& seen = element->level == Level::papka ? seen_papka : seen_reel;
      if (seen) break;
      seen = true;
    } else {
      // A level at or above one already seen starts the next reference.
      if (static_cast<int>(element->level) <= rank) break;
      rank = static_cast<int>(element->level);
      const std::string value = collapse_whitespace(
          text.substr(element->value_begin, element->value_end - element->value_begin));
      switch (element->level) {
        case Level::fond:
          chain.fond = value;
          break;
        case Level::opis:
          chain.opis = value;
          break;
        case Level::delo:
          chain.delo = value;
          break;
        default:
          chain.pages = value;
          break;
      }
      if (element->level <= Level::delo) ++core;
    }
    chain.end = element->value_end;

    size_t next = skip_space(text, chain.end, 2);
    if (next < text.size() && (text[next] == ',' || text[next] == ';' || text[next] == '.')) {
      next = skip_space(text, next + 1, 2);
    }
    if (next == chain.end || next >= text.size()) break;
    element = element_at(text, next);
  }
  if (core < 2) return std::nullopt;
  return chain;
}

// "1956." or "records." ends a sentence; "St." or "U.S." does not.
bool sentence_ends_at(std::string_view text, size_t dot) {
  size_t word = dot;
  while (word > 0 && is_ascii_alnum(text[word - 1])) --word;
  const std::string_view before = text.substr(word, dot - word);
  if (before.empty()) return dot > 0 && text[dot - 1] == ')';
  bool digits = true;
  for (const char c : before) digits = digits && is_digit(c);
  return digits || (before.size() >= 3 && is_lower(before.back()));
}

// “ ” and ‘ end a name; ’ does not: it is the apostrophe of "People’s".
bool opening_or_double_quote(std::string_view three_bytes) {
  return three_bytes == "\xE2\x80\x9C" || three_bytes == "\xE2\x80\x9D" ||
         three_bytes == "\xE2\x80\x98";
}

enum class Stop { hard, comma, newline, too_long };

struct PieceStart {
  size_t start;
  Stop stop;
};

// Where the piece of text ending at `end` begins, walking back to a comma
// or line break (soft: the archive's name may go on before it) or to
// brackets, colons, a blank line or a sentence end (hard).
PieceStart piece_start(std::string_view text, size_t end) {
  int depth = 0;
  for (size_t q = end; q > 0; --q) {
    if (end - q > kMaxArchiveBytes) return {q, Stop::too_long};
    const char c = text[q - 1];
    if (c == ')') {
      ++depth;
    } else if (c == '(') {
      if (depth == 0) return {q, Stop::hard};
      --depth;
    } else if (depth > 0) {
      continue;
    } else if (c == ',') {
      return {q, Stop::comma};
    } else if (c == '[' || c == ']' || c == ':' || c == ';' || c == '"' || c == '{' || c == '}') {
      return {q, Stop::hard};
    } else if (c == '\n') {
      size_t p = q - 1;
      while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t' || text[p - 1] == '\r')) --p;
      return {q, p == 0 || text[p - 1] == '\n' ? Stop::hard : Stop::newline};
    } else if (c == '.' && q < end && is_space(text[q]) && sentence_ends_at(text, q - 1)) {
      return {q, Stop::hard};
    } else if (q >= 3 && opening_or_double_quote(text.substr(q - 3, 3))) {
      return {q, Stop::hard};
    } else if (q >= 2 &&
               (text.substr(q - 2, 2) == "\xC2\xAB" || text.substr(q - 2, 2) == "\xC2\xBB")) {
      return {q, Stop::hard};  // guillemets
    }
  }
  return {0, Stop::hard};
}

size_t trim_back(std::string_view text, size_t end) {
  while (end > 0 && is_space(text[end - 1])) --end;
  return end;
}
size_t trim_front(std::string_view text, size_t begin, size_t end) {
  while (begin < end && is_space(text[begin])) ++begin;
  return begin;
}

size_t word_count(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : s) {
    if (!is_space(c) && !in_word) ++words;
    in_word = !is_space(c);
  }
  return words;
}

// A name nobody listed is taken only when it looks like one: capitalised,
// short, without digits (which mean a date, a page or another reference).
bool plausible_unknown_archive(std::string_view piece) {
  if (piece.empty() || piece.size() > kMaxArchiveBytes) return false;
  if (!is_upper(piece.front()) && !is_non_ascii(piece.front())) return false;
  if (word_count(piece) > kMaxArchiveWords) return false;
  for (const char c : piece) {
    if (is_digit(c)) return false;
  }
  return true;
}

struct ArchiveSpan {
  size_t begin;
  size_t end;
  const ArchiveEntry* entry;
};

std::optional<ArchiveSpan> archive_before(std::string_view text, size_t chain_begin,
                                          const ArchiveTable& archives) {
  size_t end = trim_back(text, chain_begin);
  const bool after_comma = end > 0 && text[end - 1] == ',';
  if (after_comma) end = trim_back(text, end - 1);
  if (end == 0) return std::nullopt;

  struct Piece {
    size_t begin;
    size_t end;
  };
  std::vector<Piece> pieces;
  size_t piece_end = end;
  for (int k = 0; k < 3; ++k) {
    const PieceStart start = piece_start(text, piece_end);
    if (start.stop == Stop::too_long) break;
    pieces.push_back({trim_front(text, start.start, piece_end), piece_end});
    if (start.stop == Stop::hard || start.start == 0) break;
    piece_end = trim_back(text, start.start - 1);
  }
  if (pieces.empty() || pieces.front().begin >= end) return std::nullopt;

  // Names that contain a comma or a line break: "Central State Archive, Sofia".
  for (size_t k = pieces.size(); k-- > 1;) {
    if (pieces[k].begin >= pieces[k].end) continue;
    if (const auto* entry = archives.resolve(text.substr(pieces[k].begin, end - pieces[k].begin))) {
      return ArchiveSpan{pieces[k].begin, end, entry};
    }
  }
  const size_t begin = pieces.front().begin;
  const std::string_view piece = text.substr(begin, end - begin);
  if (const auto* entry = archives.resolve(piece)) return ArchiveSpan{begin, end, entry};
  // "see RGANI, f. 5": the known name at the end of the piece.
  for (size_t i = 0; i < piece.size(); ++i) {
    if (!is_space(piece[i])) continue;
    const size_t suffix = trim_front(piece, i, piece.size());
    if (const auto* entry = archives.resolve(piece.substr(suffix))) {
      return ArchiveSpan{begin + suffix, end, entry};
    }
  }
  if (after_comma && plausible_unknown_archive(piece)) return ArchiveSpan{begin, end, nullptr};
  return std::nullopt;
}

void set_archive(ArchivalCitation& citation, std::string_view written, const ArchiveEntry* entry) {
  citation.archive = collapse_whitespace(written);
  citation.archive_name = entry != nullptr ? entry->name : std::string();
  citation.archive_key = entry != nullptr ? entry->acronym : name_key(written);
}

}  // namespace

std::optional<ArchivalCitation> find_archival(std::string_view text, size_t pos,
                                              const ArchiveTable& archives) {
  const OpeningFilter& filter = chain_start_filter();
  for (size_t i = filter.next(text, pos); i < text.size(); i = filter.next(text, i + 1)) {
    if (!kKeywordIndex.chain_start[static_cast<unsigned char>(text[i])]) continue;
    if (!word_starts_at(text, i)) continue;
    const auto chain = chain_at(text, i);
    if (!chain) continue;

    ArchivalCitation citation;
    citation.begin = chain->begin;
    citation.end = chain->end;
    citation.fond = chain->fond;
    citation.opis = chain->opis;
    citation.delo = chain->delo;
    citation.pages = chain->pages;
    if (const auto archive = archive_before(text, chain->begin, archives)) {
      set_archive(citation, text.substr(archive->begin, archive->end - archive->begin),
                  archive->entry);
      citation.begin = archive->begin;
    }
    // Without a fond and an archive the reference lost its head (a page
    // break, a damaged run): too little to cite.
    if (citation.fond.empty() && citation.archive.empty()) {
      i = chain->begin;
      continue;
    }
    return citation;
  }
  return std::nullopt;
}

std::optional<ArchivalCitation> leading_known_archive(std::string_view text,
                                                      const ArchiveTable& archives) {
  const size_t begin = trim_front(text, 0, text.size());
  // The first one or two comma-separated parts, parentheses kept whole.
  std::vector<size_t> comma_ends;
  int depth = 0;
  for (size_t i = begin; i < text.size() && i - begin <= kMaxArchiveBytes; ++i) {
    if (text[i] == '(') ++depth;
    if (text[i] == ')' && depth > 0) --depth;
    if (depth == 0 && (text[i] == ',' || text[i] == ';')) {
      comma_ends.push_back(i);
      if (comma_ends.size() == 2) break;
    }
  }
  for (size_t k = comma_ends.size(); k-- > 0;) {
    const size_t end = trim_back(text, comma_ends[k]);
    const std::string_view written = text.substr(begin, end - begin);
    if (const auto* entry = archives.resolve(written)) {
      ArchivalCitation citation;
      set_archive(citation, written, entry);
      citation.begin = begin;
      citation.end = end;
      return citation;
    }
  }
  return std::nullopt;
}

}  // namespace opis::citations
