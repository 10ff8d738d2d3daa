#include "lexicon.hpp"

#include <cstring>
#include <fstream>
#include <sstream>

#include "utf8.hpp"

namespace opis::repair {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
    s.remove_suffix(1);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  return s;
}

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

// A copy of a token to fold, on the stack for any word of normal length:
// the look-ups run once per token, so they must not allocate.
class WordBuffer {
 public:
  explicit WordBuffer(std::string_view s) {
    if (s.size() > kInline) {
      heap_.assign(s);
      data_ = heap_.data();
    } else {
      std::memcpy(inline_, s.data(), s.size());
      data_ = inline_;
    }
    size_ = s.size();
  }
  WordBuffer(const WordBuffer&) = delete;
  WordBuffer& operator=(const WordBuffer&) = delete;
  char* data() { return data_; }
  std::string_view view() const { return {data_, size_}; }

 private:
  static constexpr size_t kInline = 64;
  char inline_[kInline];
  std::string heap_;
  char* data_ = nullptr;
  size_t size_ = 0;
};

struct CaseShape {
  size_t letters = 0;
  size_t upper = 0;
  size_t lower = 0;
  bool first_upper = false;
};

CaseShape case_shape(std::string_view s) {
  CaseShape shape;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (is_upper(c)) {
      if (shape.letters == 0) shape.first_upper = true;
      ++shape.upper;
      ++shape.letters;
    } else if (is_lower(c) || static_cast<unsigned char>(c) >= 0xC0) {
      // A UTF-8 lead byte stands for one (non-ASCII) letter.
      ++shape.lower;
      ++shape.letters;
    }
  }
  return shape;
}

bool read_file(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return true;
}

}  // namespace

void Lexicon::add(std::string_view list, uint8_t source) {
  while (!list.empty()) {
    const size_t end = list.find('\n');
    const std::string_view line = trim(list.substr(0, end));
    list.remove_prefix(end == std::string_view::npos ? list.size() : end + 1);
    if (line.empty() || line.front() == '#') continue;
    if (entries_.insert(line, source) && source == kFromWordList) ++word_list_entries_;
  }
}

void Lexicon::add_words(std::string_view list) {
  add(list, kFromWordList);
}
void Lexicon::add_names(std::string_view list) {
  add(list, kFromNames);
}

bool Lexicon::add_word_file(const std::string& path) {
  std::string text;
  if (!read_file(path, text)) return false;
  add_words(text);
  return true;
}

bool Lexicon::add_name_file(const std::string& path) {
  std::string text;
  if (!read_file(path, text)) return false;
  add_names(text);
  return true;
}

uint8_t Lexicon::find(std::string_view word) const {
  return entries_.find(word);
}

// One word without hyphens or possessive ending.
WordClass Lexicon::classify_plain(std::string_view word) const {
  const CaseShape shape = case_shape(word);
  if (shape.letters == 0) return WordClass::kNeutral;
  if (shape.letters == 1 && word.size() == 1) {
    return word == "a" || word == "A" || word == "I" ? WordClass::kWord : WordClass::kNeutral;
  }
  const bool all_caps = shape.lower == 0;
  if (const uint8_t source = find(word); source != 0) {
    // The word list holds hundreds of two- and three-letter abbreviations
    // ("RI", "CB"): shifted glyph runs are all capitals too, so such a match
    // is no evidence either way. Names and domain terms are trusted.
    if ((source & kFromNames) != 0 || !all_caps) return WordClass::kWord;
    return WordClass::kNeutral;
  }
  const bool title_case = shape.first_upper && shape.upper == 1;
  if (title_case || (all_caps && shape.letters >= 4)) {
    WordBuffer lower(word);
    char* letters = lower.data();
    for (size_t i = 0; i < word.size(); ++i) {
      if (is_upper(letters[i])) letters[i] = static_cast<char>(letters[i] + 32);
    }
    if (find(lower.view()) != 0) return WordClass::kWord;
    if (all_caps) {
      letters[0] = static_cast<char>(letters[0] - 32);
      if (find(lower.view()) != 0) return WordClass::kWord;
    }
  }
  return WordClass::kUnknown;
}

WordClass Lexicon::classify(std::string_view core) const {
  if (core.empty()) return WordClass::kNeutral;
  // The word list spells apostrophes ASCII; text often has U+2019. Only a
  // token holding one is copied.
  constexpr std::string_view kRightQuote = "\xE2\x80\x99";
  std::string spelled;
  std::string_view word = core;
  if (core.find(kRightQuote) != std::string_view::npos) {
    spelled.reserve(core.size());
    for (size_t i = 0; i < core.size();) {
      if (core.compare(i, kRightQuote.size(), kRightQuote) == 0) {
        spelled.push_back('\'');
        i += kRightQuote.size();
      } else {
        spelled.push_back(core[i++]);
      }
    }
    word = spelled;
  }
  if (word.find('-') != std::string_view::npos) {
    bool any_word = false;
    std::string_view rest = word;
    while (true) {
      const size_t dash = rest.find('-');
      const std::string_view part = rest.substr(0, dash);
      if (!part.empty()) {
        const WordClass c = classify(part);
        if (c == WordClass::kUnknown) return WordClass::kUnknown;
        any_word = any_word || c == WordClass::kWord;
      }
      if (dash == std::string_view::npos) break;
      rest.remove_prefix(dash + 1);
    }
    return any_word ? WordClass::kWord : WordClass::kNeutral;
  }
  WordClass best = classify_plain(word);
  if (best == WordClass::kWord) return best;
  std::string_view base = word;
  if (base.size() > 2 && base.ends_with("'s")) {
    base.remove_suffix(2);
  } else if (base.size() > 1 && base.ends_with('\'')) {
    base.remove_suffix(1);
  } else {
    return best;
  }
  const WordClass stripped = classify_plain(base);
  if (stripped == WordClass::kWord || best == WordClass::kUnknown) best = stripped;
  return best;
}

}  // namespace opis::repair
