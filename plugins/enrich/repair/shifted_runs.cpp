#include "shifted_runs.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <utility>

#include "paragraphs.hpp"
#include "utf8.hpp"
#include "word_class_memo.hpp"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace opis::repair {
namespace {

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";
constexpr char32_t kHighestShiftable = 0x24F;  // end of Latin Extended-B

// Evidence needed before a run is rewritten. A run of two or more words
// must decode mostly to words and much better than it reads now; a lone
// token must decode to a word of five letters or more, since shorter
// strings turn into some word at one offset or another by chance.
constexpr double kMinWordShare = 0.6;
constexpr double kMinGain = 0.4;
constexpr size_t kMinRunLetters = 6;
constexpr size_t kMinLoneTokenLetters = 5;
// A short run under an offset proven elsewhere must decode entirely to words.
constexpr double kKnownOffsetWordShare = 0.999;
// ... and a lone token or such a run must read as no word at all as it stands.
constexpr double kLoneTokenOriginalShare = 0.001;
// Without a word list: mean log-probability per letter pair.
constexpr double kMinBigramGain = 0.8;
constexpr double kMinBigramScore = -3.0;
constexpr size_t kMinBigramLetters = 8;
// Share of a run's characters that must decode to letters for an offset to
// be scored at all: prunes most of the window without a look-up.
constexpr double kMinLetterShare = 0.7;
// Log-probability taken off per misshapen letter share (see misshapen_letters).
constexpr double kShapePenalty = 3.0;
// Long runs: offsets are ranked on this many opening tokens first, and this
// many best are scored over the whole run.
constexpr size_t kSampleTokens = 12;
constexpr size_t kSampleKeep = 3;
// Rounding slack for the early stop in score_run: it may only ever drop a
// score that would have fallen short of its floor.
constexpr double kFloorMargin = 1e-6;

// Offsets fit 32 bits: a record's text is under 4 GiB (the ABI's offsets
// are 32-bit), and checked in find_shifted_runs.
struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  WordClass cls = WordClass::kNeutral;
};

struct Score {
  bool valid = false;
  double words = 0;      // share of letters in decoded words
  double bigram = -100;  // letter-pair log-probability, less a shape penalty
  size_t letters = 0;
  size_t pieces = 0;  // tokens with letters
  size_t word_pieces = 0;
};

struct Run {
  size_t first = 0;  // token indices, inclusive
  size_t last = 0;
  int shift = 0;  // added to each code point to decode
  bool accepted = false;
  // Without a word list: `original` holds the run's letter-pair score as
  // it stands, once read (convinces()).
  bool scored = false;
  Score original;
};

struct Paragraph {
  TextRange range;
  // The paragraph's tokens, in a vector shared by all paragraphs of the
  // text: a damaged paragraph keeps its tokens where they were read, and a
  // clean one gives them back, so no paragraph's tokens are ever copied.
  std::span<const Token> tokens;
  std::vector<Run> runs;
};

struct Context {
  std::string_view text;
  const Lexicon& lexicon;
  const LetterBigrams& bigrams;
  const GlyphTable& glyphs;
  const ShiftSearch& search;
  WordClassMemo& classes;  // the lexicon's answers for this text
};

bool is_separator(char32_t c) {
  return is_space(c) || c == kReplacementChar || c == 0xA0;
}

size_t previous_start(std::string_view s, size_t end, size_t floor) {
  size_t i = end - 1;
  while (i > floor && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

std::string_view strip_to_letters(std::string_view token) {
  if (token.empty()) return token;
  if (is_ascii_letter(static_cast<unsigned char>(token.front())) &&
      is_ascii_letter(static_cast<unsigned char>(token.back()))) {
    return token;
  }
  size_t b = 0;
  while (b < token.size()) {
    const Decoded d = decode_at(token, b);
    if (is_latin_letter(d.cp)) break;
    b += d.length;
  }
  size_t e = token.size();
  while (e > b) {
    const size_t s = previous_start(token, e, b);
    if (is_latin_letter(decode_at(token, s).cp)) break;
    e = s;
  }
  return token.substr(b, e - b);
}

size_t count_letters(std::string_view core) {
  size_t n = 0;
  for (const char c : core) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80 ? is_ascii_letter(b) : b >= 0xC0) ++n;
  }
  return n;
}

// Capitals inside a word and symbols between its letters: the letter-pair
// model is blind to case, and an offset that turns "the" into "THE" or
// "t~e" must still lose to the one that gives "the".
size_t misshapen_letters(std::string_view core) {
  size_t n = 0;
  for (size_t i = 1; i < core.size(); ++i) {
    const auto b = static_cast<unsigned char>(core[i]);
    if ((b >= 'A' && b <= 'Z') || (b < 0x80 && !is_ascii_letter(b) && b != '\'' && b != '-')) ++n;
  }
  return n;
}

WordClass classify_token(const Context& ctx, std::string_view token) {
  const std::string_view core = strip_to_letters(token);
  if (core.empty()) return WordClass::kNeutral;
  if (ctx.bigrams.looks_english(core)) return WordClass::kWord;
  return ctx.classes.classify(core);
}

// What the tokenizer makes of a byte: a separator (ASCII white space), part
// of a token, or the lead byte of a sequence that may spell a separator
// (U+00A0, U+FFFD, or an overlong form of one) and must be decoded.
enum class ByteKind : uint8_t { kToken, kSeparator, kDecode };
constexpr std::array<ByteKind, 256> kByteKinds = [] {
  std::array<ByteKind, 256> kinds{};
  kinds.fill(ByteKind::kToken);
  for (const unsigned char b : {' ', '\t', '\r', '\n'}) kinds[b] = ByteKind::kSeparator;
  for (const unsigned b : {0xC0U, 0xC2U, 0xE0U, 0xEFU, 0xF0U}) kinds[b] = ByteKind::kDecode;
  return kinds;
}();

// The length of the separator whose lead byte at `i` may spell one, or 0.
size_t decoded_separator_length(std::string_view text, size_t i) {
  // U+FFFD (a damaged text's lost spaces, one between most of its tokens)
  // and U+00A0 without decoding; overlong forms through the decoder.
  const std::string_view rest = text.substr(i);
  if (rest.starts_with(kReplacementUtf8)) return kReplacementUtf8.size();
  if (rest.starts_with("\xC2\xA0")) return 2;
  const auto lead = static_cast<unsigned char>(rest[0]);
  if (lead == 0xEF || lead == 0xC2) return 0;
  const Decoded d = decode_at(text, i);
  return is_separator(d.cp) ? d.length : 0;
}

#ifdef __SSE2__
// A bit per byte of the 16 at `p` that ends a token or may (kByteKinds is
// not kToken there).
uint32_t token_stops(const char* p) {
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const auto is = [&bytes](unsigned char c) {
    return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(static_cast<char>(c)));
  };
  const __m128i blanks =
      _mm_or_si128(_mm_or_si128(is(' '), is('\t')), _mm_or_si128(is('\r'), is('\n')));
  const __m128i leads = _mm_or_si128(
      _mm_or_si128(_mm_or_si128(is(0xC0), is(0xC2)), _mm_or_si128(is(0xE0), is(0xEF))), is(0xF0));
  return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(blanks, leads)));
}
#endif

// Where the token starting at `i` ends (`end` at most): sixteen bytes at a
// time to the next byte that may end it, which is decoded only when it is a
// lead byte that may spell a separator. The whole text passes through here.
size_t token_end(std::string_view text, size_t i, size_t end) {
  while (i < end) {
#ifdef __SSE2__
    if (i + 16 <= text.size()) {  // may look past `end`, never past the text
      const uint32_t stops = token_stops(text.data() + i);
      if (stops == 0) {
        i += 16;
        continue;
      }
      i += static_cast<size_t>(std::countr_zero(stops));
    } else {
      while (i < end && kByteKinds[static_cast<unsigned char>(text[i])] == ByteKind::kToken) ++i;
    }
#else
    while (i < end && kByteKinds[static_cast<unsigned char>(text[i])] == ByteKind::kToken) ++i;
#endif
    if (i >= end) return end;
    if (kByteKinds[static_cast<unsigned char>(text[i])] == ByteKind::kSeparator ||
        decoded_separator_length(text, i) != 0) {
      return i;
    }
    ++i;  // a lead byte of a character that is no separator: part of the token
  }
  return end;
}

// Tokens split at separators; only the few lead bytes that may spell one
// are decoded. A continuation byte is never a separator, so scanning bytes
// splits where decoding would. Each token is judged by its core: a plain
// word by looks_english, without a look-up.
void tokenize(const Context& ctx, TextRange range, std::vector<Token>& tokens) {
  const std::string_view text = ctx.text;
  const size_t end = range.end;
  size_t i = range.begin;
  while (i < end) {
    while (i < end) {
      const ByteKind kind = kByteKinds[static_cast<unsigned char>(text[i])];
      if (kind == ByteKind::kSeparator) {
        ++i;
        continue;
      }
      if (kind == ByteKind::kToken) break;
      const size_t n = decoded_separator_length(text, i);
      if (n == 0) break;
      i += n;
    }
    if (i >= end) break;
    const size_t start = i;
    i = token_end(text, i, end);
    const WordClass cls = classify_token(ctx, text.substr(start, i - start));
    tokens.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(i), cls});
  }
}

// Runs: maximal stretches of tokens that are not words, without neutral
// tokens at their edges, holding at least one unknown token.
void find_candidate_runs(Paragraph& p) {
  const std::span<const Token> tokens = p.tokens;
  size_t i = 0;
  while (i < tokens.size()) {
    if (tokens[i].cls == WordClass::kWord) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < tokens.size() && tokens[j + 1].cls != WordClass::kWord) ++j;
    size_t first = i;
    size_t last = j;
    while (first <= last && tokens[first].cls == WordClass::kNeutral) ++first;
    while (last > first && tokens[last].cls == WordClass::kNeutral) --last;
    if (first <= last && tokens[first].cls == WordClass::kUnknown) {
      p.runs.push_back({first, last, 0, false, false, {}});
    }
    i = j + 1;
  }
}

// The gap after a token starts a new line (spaces aside): a hyphen ending
// the token is then the line-break hyphen the damage keeps as it is.
bool followed_by_newline(std::string_view text, size_t position) {
  while (position < text.size() &&
         (text[position] == ' ' || text[position] == '\t' || text[position] == '\r')) {
    ++position;
  }
  return position < text.size() && text[position] == '\n';
}

bool decodable(char32_t c) {
  return c == ' ' || (c > 0x20 && c < 0x7F) || (c >= 0xA0 && c <= kHighestShiftable);
}

// Decodes one token; false when the offset sends a character outside
// printable text. Notes (glyphs mapped) are relative to `out`'s start.
bool decode_token(const Context& ctx, const Token& token, int shift, std::string& out,
                  std::vector<EditNote>* notes) {
  const std::string_view s = ctx.text.substr(token.begin, token.end - token.begin);
  // Decoded bytes gather on the stack and reach `out` in one append: runs
  // are decoded under many offsets, and a call per byte would dominate.
  constexpr size_t kPendingBytes = 128;
  char pending[kPendingBytes];
  size_t n = 0;
  auto flush = [&] {
    out.append(pending, n);
    n = 0;
  };
  for (size_t i = 0; i < s.size();) {
    if (n + 4 > kPendingBytes) flush();
    // Most of a damaged run is ASCII shifted into ASCII ("WKH"): one check.
    const auto byte = static_cast<unsigned char>(s[i]);
    if (byte < 0x80 && byte != '-' && ctx.glyphs.find(byte) == nullptr) {
      const int ascii = byte + shift;
      if (ascii >= 0x20 && ascii < 0x7F) {
        pending[n++] = static_cast<char>(ascii);
        ++i;
        continue;
      }
    }
    const Decoded d = decode_at(s, i);
    if (const GlyphMeaning* glyph = ctx.glyphs.find(d.cp)) {
      flush();
      const size_t at = out.size();
      out.append(glyph->replacement);
      if (notes != nullptr) {
        notes->push_back(
            {"repair", glyph->reason, std::string(s.substr(i, d.length)), at, out.size()});
      }
    } else if (d.cp == '-' && i + 1 == s.size() && followed_by_newline(ctx.text, token.end)) {
      pending[n++] = '-';
    } else if (d.cp > kHighestShiftable) {
      std::memcpy(pending + n, s.data() + i, d.length);
      n += d.length;
    } else {
      const int decoded = static_cast<int>(d.cp) + shift;
      if (decoded < 0 || !decodable(static_cast<char32_t>(decoded))) {
        flush();
        return false;
      }
      n += encode_utf8(static_cast<char32_t>(decoded), pending + n);
    }
    i += d.length;
  }
  flush();
  return true;
}

// `words_floor`: the share of letters in words below which the caller has
// no use for the score. Once the letters left (at most the bytes left) could
// no longer lift the share to it, scoring stops and the score is invalid:
// most offsets of a run are wrong, and this spares their remaining look-ups.
// A score under the floor is of no use whether it comes back invalid or
// not, so how tight that bound is changes the time taken, not the result.
// `letter_pairs`: whether the caller reads `bigram` (offsets are compared,
// or there is no word list); otherwise it stays at its floor, unscored.
Score score_run(const Context& ctx, const Paragraph& p, const Run& run, int shift,
                std::string& buffer, double words_floor = 0, bool letter_pairs = true) {
  buffer.clear();
  // Tokens are decoded one at a time, each scored before the next is
  // decoded: a wrong offset is usually given up within its first tokens,
  // and decoding the rest of the run for it was most of the search. Letters
  // the tokens not decoded yet can still add: at most
  // max_letters_per_byte per byte.
  size_t undecoded = 0;
  for (size_t k = run.first; k <= run.last; ++k) undecoded += p.tokens[k].end - p.tokens[k].begin;
  const size_t letters_per_byte = ctx.glyphs.max_letters_per_byte();
  Score score;
  size_t good = 0;
  size_t counted = 0;
  size_t misshapen = 0;
  for (size_t k = run.first; k <= run.last; ++k) {
    const Token& token = p.tokens[k];
    undecoded -= token.end - token.begin;
    const size_t start = buffer.size();
    if (!decode_token(ctx, token, shift, buffer, nullptr)) return Score{};
    buffer.push_back(' ');
    // A token's decoding ends in the space after it: no piece spans tokens.
    std::string_view rest = std::string_view(buffer).substr(start);
    while (!rest.empty()) {
      // Pieces are short: a loop beats a call to memchr.
      size_t space = 0;
      while (space < rest.size() && rest[space] != ' ') ++space;
      const std::string_view piece = rest.substr(0, space);
      rest.remove_prefix(space == rest.size() ? space : space + 1);
      const std::string_view core = strip_to_letters(piece);
      if (core.empty()) continue;
      const size_t letters = count_letters(core);
      score.letters += letters;
      if (letter_pairs) misshapen += misshapen_letters(core);
      ++score.pieces;
      switch (ctx.classes.classify(core)) {
        case WordClass::kWord:
          good += letters;
          counted += letters;
          ++score.word_pieces;
          break;
        case WordClass::kUnknown:
          counted += letters;
          break;
        case WordClass::kNeutral:
          break;
      }
      // Best case for the rest: every byte left is a letter of a word.
      const auto left = static_cast<double>(rest.size() + undecoded * letters_per_byte);
      if (static_cast<double>(good) + left <
          (words_floor - kFloorMargin) * (static_cast<double>(counted) + left)) {
        return Score{};
      }
    }
  }
  score.valid = true;
  score.words = counted == 0 ? 0.0 : static_cast<double>(good) / static_cast<double>(counted);
  if (!letter_pairs) return score;
  score.bigram = ctx.bigrams.mean_log_prob(buffer);
  if (score.letters > 0) {
    score.bigram -=
        kShapePenalty * static_cast<double>(misshapen) / static_cast<double>(score.letters);
  }
  return score;
}

// Offsets under which most of the run's characters become letters.
std::vector<int> candidate_shifts(const Context& ctx, const Paragraph& p, const Run& run) {
  // (code point, count); runs use few distinct characters.
  std::vector<std::pair<char32_t, size_t>> histogram;
  size_t total = 0;
  bool all_ascii_letters = true;
  for (size_t k = run.first; k <= run.last; ++k) {
    const Token& t = p.tokens[k];
    const std::string_view s = ctx.text.substr(t.begin, t.end - t.begin);
    for (size_t i = 0; i < s.size();) {
      const Decoded d = decode_at(s, i);
      i += d.length;
      if (d.cp > kHighestShiftable || ctx.glyphs.find(d.cp) != nullptr) continue;
      auto it = std::find_if(histogram.begin(), histogram.end(),
                             [&](const auto& entry) { return entry.first == d.cp; });
      if (it == histogram.end()) {
        histogram.emplace_back(d.cp, 1);
      } else {
        ++it->second;
      }
      ++total;
      all_ascii_letters = all_ascii_letters && is_ascii_letter(d.cp);
    }
  }
  std::vector<int> out;
  if (total == 0) return out;
  const int max_offset = std::min(ctx.search.max_offset, kMaxShiftSearch);
  for (int shift = -max_offset; shift <= max_offset; ++shift) {
    // A case flip of plain letters turns abbreviations into words ("US").
    if (shift == 0 || (all_ascii_letters && (shift == 32 || shift == -32))) continue;
    size_t letters = 0;
    bool ok = true;
    for (const auto& [cp, n] : histogram) {
      const int decoded = static_cast<int>(cp) + shift;
      if (decoded < 0 || !decodable(static_cast<char32_t>(decoded))) {
        ok = false;
        break;
      }
      if (is_latin_letter(static_cast<char32_t>(decoded))) letters += n;
    }
    if (ok && static_cast<double>(letters) >= kMinLetterShare * static_cast<double>(total)) {
      out.push_back(shift);
    }
  }
  return out;
}

bool better(const Score& a, const Score& b, bool word_list) {
  if (!b.valid) return a.valid;
  if (!a.valid) return false;
  if (word_list && a.words != b.words) return a.words > b.words;
  return a.bigram > b.bigram;
}

// Neither is better than the other, and both decode.
bool ties(const Score& a, const Score& b, bool word_list) {
  return a.valid && b.valid && (!word_list || a.words == b.words) && a.bigram == b.bigram;
}

bool convincing(const Score& best, const Score& original, bool word_list) {
  if (!best.valid) return false;
  if (!word_list) {
    return best.letters >= kMinBigramLetters && best.bigram >= kMinBigramScore &&
           best.bigram - original.bigram >= kMinBigramGain;
  }
  if (best.pieces >= 2) {
    return best.letters >= kMinRunLetters && best.word_pieces >= 2 && best.words >= kMinWordShare &&
           best.words - original.words >= kMinGain;
  }
  return best.letters >= kMinLoneTokenLetters && best.words >= 0.999 &&
         original.words <= kLoneTokenOriginalShare;
}

// The share of letters in words below which convincing() refuses any
// offset, whatever the run's pieces: every offset scored under it can stop
// early. Letter-pair scoring (no word list) has no such floor.
double convincing_floor(const Score& original, bool word_list) {
  return word_list ? std::max(kMinWordShare, original.words + kMinGain) : 0.0;
}

// With an offset already proven elsewhere in the text, a short run needs
// only to decode entirely to words.
bool convincing_with_known_offset(const Score& best, const Score& original) {
  return best.valid && best.letters >= 2 && best.word_pieces >= 1 &&
         best.words >= kKnownOffsetWordShare && original.words <= kLoneTokenOriginalShare;
}

bool decodes_to_word(const Context& ctx, const Token& token, int shift, std::string& buffer) {
  buffer.clear();
  if (!decode_token(ctx, token, shift, buffer, nullptr)) return false;
  const std::string_view core = strip_to_letters(buffer);
  return !core.empty() && ctx.classes.classify(core) == WordClass::kWord;
}

// A closing quote glyph after a lost comma ("IDFWLRQ�´") is a token of
// its own, without letters.
bool only_glyphs(const Context& ctx, const Token& token) {
  const std::string_view s = ctx.text.substr(token.begin, token.end - token.begin);
  for (size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    if (ctx.glyphs.find(d.cp) == nullptr) return false;
    i += d.length;
  }
  return !s.empty();
}

// A decoded run may stop short of damaged tokens that happen to pass as
// words (a shifted "the" can look English); take in neighbours that are not
// words themselves but decode to words.
void extend_runs(const Context& ctx, Paragraph& p, std::string& buffer) {
  for (Run& run : p.runs) {
    if (!run.accepted) continue;
    auto absorbable = [&](const Token& t) {
      // A word by the quick test may still be a damaged token that looks
      // English; only the lexicon's word stays out. A damaged "a" may be a
      // lone symbol ("^" at offset -3): no letters, but a word once decoded.
      if (t.cls == WordClass::kWord && ctx.classes.classify(strip_to_letters(ctx.text.substr(
                                           t.begin, t.end - t.begin))) == WordClass::kWord) {
        return false;
      }
      return only_glyphs(ctx, t) || decodes_to_word(ctx, t, run.shift, buffer);
    };
    while (run.first > 0 && absorbable(p.tokens[run.first - 1])) --run.first;
    while (run.last + 1 < p.tokens.size() && absorbable(p.tokens[run.last + 1])) ++run.last;
  }
  std::vector<Run> merged;
  for (const Run& run : p.runs) {
    if (!run.accepted) continue;
    if (!merged.empty() && merged.back().last + 1 >= run.first) {
      if (merged.back().shift == run.shift)
        merged.back().last = std::max(merged.back().last, run.last);
      continue;  // overlapping runs of two offsets: keep the first
    }
    merged.push_back(run);
  }
  p.runs = std::move(merged);
}

// A gap's first line: where it ends (at its newline, or the gap's end) and
// how many U+FFFD it holds. One pass and no library call: gaps between the
// tokens of a run are a few bytes, and every gap of every run is read.
struct GapLine {
  size_t end = 0;
  size_t lost = 0;
};
GapLine first_line_of(std::string_view gap) {
  GapLine line;
  for (size_t i = 0; i < gap.size(); ++i) {
    if (gap[i] == '\n') {
      line.end = i;
      return line;
    }
    if (gap.substr(i, kReplacementUtf8.size()) == kReplacementUtf8) {
      ++line.lost;
      i += kReplacementUtf8.size() - 1;
    }
  }
  line.end = gap.size();
  return line;
}

// Lost characters (U+FFFD) between the words of a run: one alone was a
// space; in a longer group the outer ones are taken as spaces and the inner
// ones (digits, punctuation) stay U+FFFD, never guessed. Real spaces after a
// U+FFFD are a justified line's padding and go.
void rewrite_gap(std::string_view gap, std::string& out, std::vector<EditNote>& notes) {
  while (!gap.empty()) {
    const GapLine line = first_line_of(gap);
    const std::string_view segment = gap.substr(0, line.end);
    const size_t lost = line.lost;
    if (lost == 0) {
      out.append(segment);
    } else {
      const size_t kept = lost == 1 ? 0 : lost == 2 ? 1 : lost - 2;
      if (lost >= 3) out.push_back(' ');
      const size_t at = out.size();
      for (size_t k = 0; k < kept; ++k) out.append(kReplacementUtf8);
      if (kept > 0) {
        notes.push_back({"unrecoverable", "lost characters", std::string(segment), at, out.size()});
      }
      out.push_back(' ');
    }
    if (line.end == gap.size()) break;
    out.push_back('\n');
    gap.remove_prefix(line.end + 1);
  }
}

// "shifted glyphs (offset N)", made once per offset for the whole process
// (an edit's reason is a view, see text_edits.hpp); no window is wider than
// kMaxShiftSearch.
std::string_view shift_reason(int offset) {
  static const std::vector<std::string> reasons = [] {
    std::vector<std::string> all;
    for (int n = -kMaxShiftSearch; n <= kMaxShiftSearch; ++n) {
      all.push_back("shifted glyphs (offset " + std::to_string(n) + ")");
    }
    return all;
  }();
  return reasons[static_cast<size_t>(offset + kMaxShiftSearch)];
}

Edit build_edit(const Context& ctx, const Paragraph& p, const Run& run) {
  const std::string_view text = ctx.text;
  const size_t lead_floor = run.first == 0 ? p.range.begin : p.tokens[run.first - 1].end;
  size_t begin = p.tokens[run.first].begin;
  {
    const std::string_view gap = text.substr(lead_floor, begin - lead_floor);
    const size_t line_start = gap.rfind('\n');
    const size_t from = line_start == std::string_view::npos ? 0 : line_start + 1;
    const size_t lost = gap.find(kReplacementUtf8, from);
    if (lost != std::string_view::npos) begin = lead_floor + lost;
  }
  const size_t trail_ceiling =
      run.last + 1 < p.tokens.size() ? p.tokens[run.last + 1].begin : p.range.end;
  size_t end = p.tokens[run.last].end;
  {
    const GapLine line = first_line_of(text.substr(end, trail_ceiling - end));
    if (line.lost > 0) end += line.end;
  }

  Edit edit;
  edit.begin = begin;
  edit.end = end;
  edit.reason = shift_reason(-run.shift);
  rewrite_gap(text.substr(begin, p.tokens[run.first].begin - begin), edit.replacement, edit.notes);
  for (size_t k = run.first; k <= run.last; ++k) {
    const Token& t = p.tokens[k];
    decode_token(ctx, t, run.shift, edit.replacement, &edit.notes);
    const size_t gap_end = k == run.last ? end : p.tokens[k + 1].begin;
    rewrite_gap(text.substr(t.end, gap_end - t.end), edit.replacement, edit.notes);
  }
  return edit;
}

// Whether scoring the run over the whole window could accept it. A lone
// token must be long enough to make a convincing word, and must show the
// damage's own marks: a lost character (U+FFFD) beside it or a glyph of the
// font's table in it. Clean text has plenty of lone odd tokens ("VKP(b)",
// "22nd", "Kuznetsov's"); skipping them keeps clean text fast. Anything
// shorter is left to the second pass (offsets proven elsewhere).
bool could_convince(const Context& ctx, const Paragraph& p, const Run& run) {
  size_t bytes = 0;
  for (size_t k = run.first; k <= run.last; ++k) bytes += p.tokens[k].end - p.tokens[k].begin;
  if (!ctx.lexicon.has_word_list()) return bytes >= kMinBigramLetters;
  if (run.first != run.last) return bytes >= kMinRunLetters;
  if (bytes < kMinLoneTokenLetters) return false;
  const Token& t = p.tokens[run.first];
  const size_t before = run.first == 0 ? p.range.begin : p.tokens[run.first - 1].end;
  const size_t after =
      run.first + 1 < p.tokens.size() ? p.tokens[run.first + 1].begin : p.range.end;
  if (ctx.text.substr(before, t.begin - before).find(kReplacementUtf8) != std::string_view::npos ||
      ctx.text.substr(t.end, after - t.end).find(kReplacementUtf8) != std::string_view::npos) {
    return true;
  }
  const std::string_view s = ctx.text.substr(t.begin, t.end - t.begin);
  for (size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    if (ctx.glyphs.find(d.cp) != nullptr) return true;
    i += d.length;
  }
  return false;
}

// Whether a token holds a glyph of the font's table: it then reads
// differently once the glyphs are mapped.
bool has_glyph(const Context& ctx, const Token& token) {
  const std::string_view s = ctx.text.substr(token.begin, token.end - token.begin);
  for (size_t i = 0; i < s.size();) {
    const Decoded d = decode_at(s, i);
    if (ctx.glyphs.find(d.cp) != nullptr) return true;
    i += d.length;
  }
  return false;
}

// The run's score as it stands (offset 0). With a word list only its share
// of letters in words counts (convincing() and the floors read nothing
// else), and for a run without glyphs that share is known without scoring:
// at offset 0 its pieces are its tokens, and no token of a run is a word
// (tokenize asked the same lexicon), so the share is 0. Most runs have no
// glyph, so this spares a decode and a look-up per token.
// `words_ceiling` (word list only): the caller only needs to know whether
// the share stays at or under it, so reading stops once it surely does, and
// the score then comes back with a share of 0, which judges alike.
Score score_as_it_stands(const Context& ctx, const Paragraph& p, const Run& run,
                         std::string& buffer, double words_ceiling = 0) {
  if (ctx.lexicon.has_word_list()) {
    bool glyphs = false;
    for (size_t k = run.first; k <= run.last && !glyphs; ++k) glyphs = has_glyph(ctx, p.tokens[k]);
    if (!glyphs) return Score{};
    // With a word list convincing() reads only the share of words.
    return score_run(ctx, p, run, 0, buffer, words_ceiling, false);
  }
  return score_run(ctx, p, run, 0, buffer, 0, true);
}

// convincing(best, the run as it stands), reading the run as it stands only
// when `best` could convince at all, and with a word list only as far as
// the gain best needs (see score_as_it_stands). Without a word list the
// letter-pair score is needed whole, and is kept in the run.
bool convinces(const Context& ctx, const Paragraph& p, Run& run, const Score& best,
               std::string& buffer) {
  if (!ctx.lexicon.has_word_list()) {
    if (!run.scored) {
      run.original = score_as_it_stands(ctx, p, run, buffer);
      run.scored = true;
    }
    return convincing(best, run.original, false);
  }
  // Against a run that reads as no words at all: the most it could do.
  if (!convincing(best, Score{}, true)) return false;
  const double ceiling = best.pieces >= 2 ? best.words - kMinGain : kLoneTokenOriginalShare;
  return convincing(best, score_as_it_stands(ctx, p, run, buffer, ceiling), true);
}

// convincing_with_known_offset, reading the run as it stands the same way.
bool convinces_with_known_offset(const Context& ctx, const Paragraph& p, const Run& run,
                                 const Score& best, std::string& buffer) {
  if (!convincing_with_known_offset(best, Score{})) return false;
  return convincing_with_known_offset(
      best, score_as_it_stands(ctx, p, run, buffer, kLoneTokenOriginalShare));
}

struct Choice {
  int shift = 0;
  Score score;  // the run scored in full under `shift`
};

// The best offset for a run (shift 0 when none decodes it) with its score.
// Long runs are first scored on their opening tokens; only the few best
// offsets there are scored in full. With a word list, offsets are ranked on
// their share of words first, so a shift that can no longer reach the share
// it would have to beat (the best so far, or the weakest of the few kept)
// is stopped early: it could not have won, and most of the window is such
// shifts once the right one has been scored.
Choice best_shift(const Context& ctx, const Paragraph& p, const Run& run, double words_floor,
                  int first_try, std::string& buffer) {
  const bool word_list = ctx.lexicon.has_word_list();
  std::vector<int> shifts = candidate_shifts(ctx, p, run);
  if (run.last - run.first + 1 > kSampleTokens && shifts.size() > kSampleKeep) {
    Run sample = run;
    sample.last = run.first + kSampleTokens - 1;
    std::vector<std::pair<Score, int>> scored;
    std::vector<double> kept_words;  // the best kSampleKeep shares so far, best first
    for (const int shift : shifts) {
      const double floor = word_list && kept_words.size() == kSampleKeep ? kept_words.back() : 0.0;
      const Score s = score_run(ctx, p, sample, shift, buffer, floor);
      scored.emplace_back(s, shift);
      if (!word_list || !s.valid) continue;
      kept_words.insert(
          std::upper_bound(kept_words.begin(), kept_words.end(), s.words, std::greater<>()),
          s.words);
      if (kept_words.size() > kSampleKeep) kept_words.pop_back();
    }
    std::stable_sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
      return better(a.first, b.first, word_list);
    });
    shifts.clear();
    for (size_t i = 0; i < kSampleKeep; ++i) shifts.push_back(scored[i].second);
  }
  // `first_try` (when a candidate) is scored before the others; ties go to
  // the offset earlier in `shifts` (window order, or rank on the sample),
  // as if none had gone first.
  Choice best;
  size_t best_index = shifts.size();
  const auto consider = [&](size_t index) {
    const double floor =
        word_list && best.score.valid ? std::max(words_floor, best.score.words) : words_floor;
    const Score s = score_run(ctx, p, run, shifts[index], buffer, floor);
    if (better(s, best.score, word_list) ||
        (index < best_index && ties(s, best.score, word_list))) {
      best = {shifts[index], s};
      best_index = index;
    }
  };
  const size_t first =
      static_cast<size_t>(std::find(shifts.begin(), shifts.end(), first_try) - shifts.begin());
  if (first_try != 0 && first < shifts.size()) consider(first);
  for (size_t i = 0; i < shifts.size(); ++i) {
    if (i != first) consider(i);
  }
  return best;
}

}  // namespace

std::vector<Edit> find_shifted_runs(std::string_view text, const Lexicon& lexicon,
                                    const LetterBigrams& bigrams, const GlyphTable& glyphs,
                                    const ShiftSearch& search) {
  WordClassMemo classes(lexicon);
  return find_shifted_runs(text, classes, lexicon, bigrams, glyphs, search);
}

std::vector<Edit> find_shifted_runs(std::string_view text, WordClassMemo& classes,
                                    const Lexicon& lexicon, const LetterBigrams& bigrams,
                                    const GlyphTable& glyphs, const ShiftSearch& search) {
  const Context ctx{text, lexicon, bigrams, glyphs, search, classes};
  const bool word_list = lexicon.has_word_list();
  std::vector<Paragraph> damaged;
  if (text.size() > UINT32_MAX) return {};  // no record's text is: offsets are 32-bit
  std::vector<Token> tokens;
  // Room for a record's text of short words, so most need no growth; a long
  // text grows it past that only by its damaged paragraphs.
  tokens.reserve(std::min<size_t>(text.size() / 6 + 16, size_t{1} << 16));
  std::vector<size_t> first_tokens;  // of each damaged paragraph, in `tokens`
  Paragraph scratch;                 // reused: most paragraphs are clean and are dropped
  for (const TextRange& range : split_paragraphs(text)) {
    const size_t first = tokens.size();
    tokenize(ctx, range, tokens);
    scratch.range = range;
    scratch.tokens = std::span<const Token>(tokens).subspan(first);
    scratch.runs.clear();
    find_candidate_runs(scratch);
    if (scratch.runs.empty()) {
      tokens.resize(first);
      continue;
    }
    damaged.push_back({range, {}, std::move(scratch.runs)});
    first_tokens.push_back(first);
  }
  // The spans are taken once every paragraph is read: `tokens` moved as it grew.
  for (size_t k = 0; k < damaged.size(); ++k) {
    const size_t end = k + 1 < damaged.size() ? first_tokens[k + 1] : tokens.size();
    damaged[k].tokens =
        std::span<const Token>(tokens).subspan(first_tokens[k], end - first_tokens[k]);
  }
  if (damaged.empty()) return {};

  std::string buffer;
  std::map<int, size_t> proven;  // offset -> runs decoded with it
  int last_proven = 0;
  for (Paragraph& p : damaged) {
    for (Run& run : p.runs) {
      if (!could_convince(ctx, p, run)) continue;
      // The floor for a run that reads as no words as it stands, the lowest
      // there is: a score under the run's own floor does not convince, so
      // the run as it stands is only read once an offset may (convinces()).
      const double floor = convincing_floor(Score{}, word_list);
      // One font's runs share one offset: the offset proven last is tried
      // first, and the whole window only when it does not convince.
      if (last_proven != 0 &&
          convinces(ctx, p, run, score_run(ctx, p, run, last_proven, buffer, floor, !word_list),
                    buffer)) {
        run.shift = last_proven;
        run.accepted = true;
      } else {
        const int first_try = last_proven != 0 ? last_proven : classes.recent_offset();
        const Choice choice = best_shift(ctx, p, run, floor, first_try, buffer);
        run.shift = choice.shift;
        run.accepted = run.shift != 0 && convinces(ctx, p, run, choice.score, buffer);
      }
      if (run.accepted) {
        ++proven[run.shift];
        last_proven = run.shift;
      }
    }
  }
  if (last_proven != 0) classes.set_recent_offset(last_proven);
  if (word_list && !proven.empty()) {
    std::vector<std::pair<size_t, int>> by_use;
    for (const auto& [shift, n] : proven) by_use.emplace_back(n, shift);
    std::sort(by_use.rbegin(), by_use.rend());
    for (Paragraph& p : damaged) {
      for (Run& run : p.runs) {
        if (run.accepted) continue;
        for (const auto& [n, shift] : by_use) {
          if (convinces_with_known_offset(
                  ctx, p, run, score_run(ctx, p, run, shift, buffer, kKnownOffsetWordShare, false),
                  buffer)) {
            run.shift = shift;
            run.accepted = true;
            break;
          }
        }
      }
    }
  }

  std::vector<Edit> edits;
  for (Paragraph& p : damaged) {
    extend_runs(ctx, p, buffer);
    for (const Run& run : p.runs) edits.push_back(build_edit(ctx, p, run));
  }
  return edits;
}

}  // namespace opis::repair
