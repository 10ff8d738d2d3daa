#include "editorial_marks.hpp"

#include <algorithm>

#include "text_scan.hpp"

namespace opis::archive_record {
namespace {

// Brackets nest rarely and shallowly; deeper nesting is hostile input.
constexpr size_t kMaxNesting = 16;
// Longer bracketed runs are not insertions but damaged text.
constexpr size_t kMaxInsertionBytes = 4000;
// "CPSU CC [Central Committee …]": up to three acronym words.
constexpr int kMaxAbbreviationWords = 3;

// "CPSU", "USSR", "VKP(b)", "KWP": capitals, with lower case only inside
// parentheses.
bool is_acronym(std::string_view word) {
  int capitals = 0;
  int depth = 0;
  for (const char c : word) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (depth > 0) {
      continue;
    } else if (is_upper(c)) {
      ++capitals;
    } else if (!is_digit(c) && c != '-' && c != '.' && c != '&' && c != '/') {
      return false;
    }
  }
  return depth == 0 && capitals >= 2;
}

// Where the acronym words before a bracket at `open` start, or kNoMatch.
size_t abbreviation_start(std::string_view text, size_t open) {
  if (open < 2 || text[open - 1] != ' ') return kNoMatch;
  size_t start = kNoMatch;
  size_t word_end = open - 1;
  for (int words = 0; words < kMaxAbbreviationWords && word_end > 0; ++words) {
    size_t word_begin = word_end;
    while (word_begin > 0 && text[word_begin - 1] != ' ' && text[word_begin - 1] != '\n') {
      --word_begin;
    }
    if (!is_acronym(text.substr(word_begin, word_end - word_begin))) break;
    start = word_begin;
    if (word_begin == 0 || text[word_begin - 1] != ' ') break;
    word_end = word_begin - 1;
  }
  return start;
}

bool reads_as_expansion(std::string_view inner) {
  const unsigned char first = static_cast<unsigned char>(inner.front());
  return (is_upper(inner.front()) || first >= 0x80) && inner.find(' ') != std::string_view::npos;
}

std::string kind_name(std::string_view phrase) {
  std::string kind;
  for (const char c : phrase) {
    kind += c == ' ' ? '_' : (is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return kind;
}

class MarkClassifier {
 public:
  MarkClassifier(std::string_view text, const std::set<std::string>& note_markers,
                 const Vocabulary& vocabulary)
      : text_(text), note_markers_(note_markers), vocabulary_(vocabulary) {}

  // The bracket pair [open, close]; `nested` when inside another pair.
  void classify(size_t open, size_t close, bool nested) {
    const std::string_view raw = text_.substr(open + 1, close - open - 1);
    const std::string_view inner = trim(raw);
    if (inner.empty() || raw.size() > kMaxInsertionBytes) return;
    if (note_markers_.count(std::string(inner)) != 0) {
      add("footnote_ref", open, close + 1, inner, {});
      return;
    }
    if (nested) return;
    if (std::all_of(inner.begin(), inner.end(), [](char c) { return is_digit(c); })) return;

    for (const auto& note : vocabulary_.notes) {
      const size_t n = match_prefix(inner, note.phrase);
      if (n == kNoMatch || n >= inner.size() || inner[n] != ':') continue;
      add("editorial_note", open, close + 1, trim(inner.substr(n + 1)), {{"kind", note.kind}});
      return;
    }
    if (const std::string* mark = equal_phrase_in(inner, vocabulary_.marks)) {
      add("editorial_note", open, close + 1, inner, {{"kind", kind_name(*mark)}});
      return;
    }
    if (reads_as_expansion(inner)) {
      const size_t start = abbreviation_start(text_, open);
      if (start != kNoMatch) {
        const std::string abbreviation(text_.substr(start, open - 1 - start));
        add("expansion", start, close + 1, inner, {{"abbreviation", abbreviation}});
        return;
      }
    }
    add("editorial_note", open, close + 1, inner, {{"kind", "insertion"}});
  }

  std::vector<Mark> take() {
    std::sort(marks_.begin(), marks_.end(), [](const Mark& a, const Mark& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
    });
    return std::move(marks_);
  }

 private:
  void add(std::string_view type, size_t begin, size_t end, std::string_view value,
           std::vector<std::pair<std::string, std::string>> attributes) {
    Mark mark;
    mark.type = std::string(type);
    mark.begin = static_cast<uint32_t>(begin);
    mark.end = static_cast<uint32_t>(end);
    mark.value = std::string(value);
    mark.attributes = std::move(attributes);
    marks_.push_back(std::move(mark));
  }

  std::string_view text_;
  const std::set<std::string>& note_markers_;
  const Vocabulary& vocabulary_;
  std::vector<Mark> marks_;
};

}  // namespace

std::vector<Mark> find_marks(std::string_view text, const std::set<std::string>& note_markers,
                             const Vocabulary& vocabulary) {
  MarkClassifier classifier(text, note_markers, vocabulary);
  std::vector<size_t> open;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      open.clear();  // an insertion never spans lines
    } else if (c == '[') {
      if (open.size() < kMaxNesting) open.push_back(i);
    } else if (c == ']' && !open.empty()) {
      const size_t start = open.back();
      open.pop_back();
      classifier.classify(start, i, !open.empty());
    }
  }
  return classifier.take();
}

}  // namespace opis::archive_record
