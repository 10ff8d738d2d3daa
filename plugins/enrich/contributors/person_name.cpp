#include "person_name.hpp"

#include "utf8_text.hpp"

namespace opis::contributors {
namespace {

enum class TokenKind {
  kAnd,       // "and": joins two names
  kTitle,     // a form of address, dropped from the front of a name
  kInitial,   // "V.", "Yu.", "A.M."
  kWord,      // a capitalized name word
  kParticle,  // "van", "de": only inside a name
  kBoundary,  // a function word: the name ends before it
  kStopList,  // a lower-case word no name is followed by: the list is not names
  kForeign,   // a body, position, acronym or number: this item is not a person
};

struct Token {
  std::string_view text;  // without a sentence-ending '.'
  TokenKind kind = TokenKind::kForeign;
  bool ends_sentence = false;
};

// Characters that end a token and never belong to a name.
bool is_delimiter(std::string_view text, size_t pos, size_t* length) {
  const char c = text[pos];
  *length = 1;
  if (!is_non_ascii(c)) {
    switch (c) {
      case ',':
      case ';':
      case ':':
      case '(':
      case ')':
      case '[':
      case ']':
      case '"':
      case '!':
      case '?':
      case '&':
      case '/':
      case '{':
      case '}':
        return true;
      default:
        return is_space(c);
    }
  }
  const CodePoint cp = decode_at(text, pos);
  *length = cp.length;
  if (cp.value == 0x00A0) return true;                        // NO-BREAK SPACE
  if (cp.value == 0x00AB || cp.value == 0x00BB) return true;  // guillemets
  // General punctuation (dashes, quotes), except the typographic apostrophe
  // when a letter follows ("Grigor’yan").
  if (cp.value >= 0x2000 && cp.value <= 0x206F) {
    if (cp.value != 0x2019) return true;
    const CodePoint next = decode_at(text, pos + cp.length);
    return !is_letter(next.value);
  }
  return false;
}

bool is_blank_at(std::string_view text, size_t pos, size_t* length) {
  *length = 1;
  if (is_blank(text[pos])) return true;
  if (text[pos] == '\xC2' && pos + 1 < text.size() && text[pos + 1] == '\xA0') {
    *length = 2;
    return true;
  }
  return false;
}

// "V.", "Yu.", "Kh.", "A.M.", "Á.": an upper-case letter, at most two
// lower-case ASCII letters, a dot; repeated.
bool is_initials(std::string_view t) {
  if (t.empty() || t.back() != '.') return false;
  size_t pos = 0;
  while (pos < t.size()) {
    const CodePoint first = decode_at(t, pos);
    if (!is_upper_letter(first.value)) return false;
    pos += first.length;
    size_t lower = 0;
    while (pos < t.size() && is_ascii_lower(t[pos]) && lower < 2) ++pos, ++lower;
    if (pos >= t.size() || t[pos] != '.') return false;
    ++pos;
  }
  return true;
}

// A capitalized word of letters, inner hyphens and apostrophes; an
// all-capitals word of two or more letters is an acronym, not a name.
enum class WordShape { kCapitalized, kSingleCapital, kAcronym, kLowerCase, kOther };

WordShape shape_of(std::string_view w) {
  const CodePoint first = decode_at(w, 0);
  if (first.length == 0) return WordShape::kOther;
  const bool upper_first = is_upper_letter(first.value);
  if (!upper_first && !is_lower_letter(first.value)) return WordShape::kOther;
  size_t letters = 1, uppers = upper_first ? 1 : 0;
  bool joiner_before = false;
  for (size_t pos = first.length; pos < w.size();) {
    const CodePoint cp = decode_at(w, pos);
    pos += cp.length;
    if (is_letter(cp.value)) {
      ++letters;
      if (is_upper_letter(cp.value) && !joiner_before) ++uppers;
      joiner_before = false;
    } else if ((cp.value == '-' || is_apostrophe(cp.value)) && !joiner_before && pos < w.size()) {
      joiner_before = true;
    } else {
      return WordShape::kOther;
    }
  }
  if (!upper_first) return WordShape::kLowerCase;
  if (letters == 1) return WordShape::kSingleCapital;
  return uppers == letters ? WordShape::kAcronym : WordShape::kCapitalized;
}

Token classify(std::string_view raw, bool name_started, const NameLexicon& lexicon) {
  Token token{raw, TokenKind::kForeign, false};
  if (raw == "and") return {raw, TokenKind::kAnd, false};
  if (!name_started && lexicon.is_title(raw)) return {raw, TokenKind::kTitle, false};
  if (is_initials(raw) && !lexicon.is_stop_word(raw)) return {raw, TokenKind::kInitial, false};
  std::string_view word = raw;
  if (word.size() > 1 && word.back() == '.') {
    word.remove_suffix(1);
    token.ends_sentence = true;
  }
  token.text = word;
  if (lexicon.is_stop_word(word)) {
    token.kind = TokenKind::kBoundary;
    return token;
  }
  switch (shape_of(word)) {
    case WordShape::kCapitalized:
      token.kind = lexicon.is_non_name(word) || lexicon.is_title(word) ? TokenKind::kForeign
                                                                       : TokenKind::kWord;
      break;
    case WordShape::kSingleCapital:
      token.kind = TokenKind::kInitial;
      break;
    case WordShape::kLowerCase:
      token.kind = lexicon.is_particle(word) ? TokenKind::kParticle : TokenKind::kStopList;
      break;
    case WordShape::kAcronym:
    case WordShape::kOther:
      token.kind = TokenKind::kForeign;
      break;
  }
  return token;
}

enum class ItemEnd { kSeparator, kTerminator, kStopList, kEndOfInput };

struct NameItem {
  std::vector<std::string_view> tokens;
  std::vector<TokenKind> kinds;
  bool foreign = false;
  ItemEnd end = ItemEnd::kEndOfInput;
  size_t next = 0;
};

bool is_valid(const NameItem& item) {
  if (item.foreign || item.tokens.empty() || item.tokens.size() > kMaxNameTokens) return false;
  if (item.kinds.front() == TokenKind::kParticle || item.kinds.back() == TokenKind::kParticle) {
    return false;
  }
  for (const TokenKind kind : item.kinds) {
    if (kind == TokenKind::kWord) return true;
  }
  return false;  // initials alone are no name
}

std::string joined(const NameItem& item) {
  std::string out;
  for (const std::string_view t : item.tokens) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

// True when the line after the '\n' at `pos` has text: a list left open at
// a line end ("… checked by\nRozanov") goes on there, a blank line ends it.
bool next_line_has_text(std::string_view text, size_t pos) {
  for (size_t i = pos + 1; i < text.size(); ++i) {
    if (text[i] == '\n') return false;
    if (!is_space(text[i])) return true;
  }
  return false;
}

// Reads one name (or what stands in its place) from `pos`. A foreign item
// is read up to the next separator, so a list can skip it.
NameItem read_item(std::string_view text, size_t pos, const NameLexicon& lexicon) {
  NameItem item;
  auto finish = [&](ItemEnd end, size_t next) {
    item.end = end;
    item.next = next;
    return item;
  };
  while (pos < text.size()) {
    size_t length = 0;
    if (is_blank_at(text, pos, &length)) {
      pos += length;
      continue;
    }
    const char c = text[pos];
    if (c == '\n') {
      if (item.tokens.empty() && !item.foreign && next_line_has_text(text, pos)) {
        ++pos;
        continue;
      }
      return finish(ItemEnd::kTerminator, pos);
    }
    if (c == ',' || c == ';' || c == '&') return finish(ItemEnd::kSeparator, pos + 1);
    if (is_delimiter(text, pos, &length) || c == '.') return finish(ItemEnd::kTerminator, pos);
    size_t end = pos;
    while (end < text.size() && !is_delimiter(text, end, &length)) end += length;
    const Token token = classify(text.substr(pos, end - pos), !item.tokens.empty(), lexicon);
    switch (token.kind) {
      case TokenKind::kAnd:
        if (!item.tokens.empty() || item.foreign) return finish(ItemEnd::kSeparator, end);
        break;  // ", and" of a serial list
      case TokenKind::kTitle:
        break;
      case TokenKind::kInitial:
      case TokenKind::kWord:
      case TokenKind::kParticle:
        item.tokens.push_back(token.text);
        item.kinds.push_back(token.kind);
        break;
      case TokenKind::kBoundary:
        return finish(
            item.tokens.empty() || item.foreign ? ItemEnd::kStopList : ItemEnd::kTerminator, pos);
      case TokenKind::kStopList:
        // Inside an item already known not to be a person ("MFA archive")
        // the words are skipped up to the next separator; anywhere else a
        // lower-case word means the text has moved on from names.
        if (item.foreign) break;
        item.foreign = true;
        return finish(ItemEnd::kStopList, pos);
      case TokenKind::kForeign:
        item.foreign = true;
        break;
    }
    if (token.ends_sentence) return finish(ItemEnd::kTerminator, end);
    pos = end;
  }
  return finish(ItemEnd::kEndOfInput, pos);
}

}  // namespace

std::vector<std::string> read_name_list(std::string_view text, size_t pos,
                                        const NameLexicon& lexicon) {
  std::vector<std::string> names;
  // Bounded so hostile input (a line of ten thousand commas) stays linear.
  for (size_t items = 0; items < 64 && pos < text.size(); ++items) {
    const NameItem item = read_item(text, pos, lexicon);
    if (is_valid(item)) names.push_back(joined(item));
    if (item.end != ItemEnd::kSeparator || item.next <= pos) break;
    pos = item.next;
  }
  return names;
}

std::optional<std::string> as_personal_name(std::string_view candidate,
                                            const NameLexicon& lexicon) {
  candidate = trim(candidate);
  const NameItem item = read_item(candidate, 0, lexicon);
  const bool whole = item.end == ItemEnd::kEndOfInput ||
                     (item.end == ItemEnd::kTerminator && item.next >= candidate.size());
  if (!whole || !is_valid(item)) return std::nullopt;
  return joined(item);
}

}  // namespace opis::contributors
