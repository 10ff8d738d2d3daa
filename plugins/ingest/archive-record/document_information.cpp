#include "document_information.hpp"

#include "text_scan.hpp"

namespace opis::archive_record {
namespace {

// An unlisted label ("Keywords:") is a short line ending in a colon.
constexpr size_t kMaxUnlistedLabelBytes = 48;
// Funder lines and labels are short; a long paragraph is prose.
constexpr size_t kMaxFunderParagraphBytes = 600;
// A long rights paragraph right after an empty label is not that label's value.
constexpr size_t kMinRightsProseBytes = 160;

std::string_view without_colon(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.back() == ':') text.remove_suffix(1);
  return trim(text);
}

bool looks_like_unlisted_label(std::string_view line) {
  if (line.size() < 3 || line.size() > kMaxUnlistedLabelBytes || line.back() != ':') return false;
  if (!is_upper(line.front())) return false;
  size_t words = 1;
  for (const char c : line) {
    if (c == ' ') ++words;
    if (c == '.' || c == ',' || c == ';') return false;
  }
  return words <= 5;
}

// Where the acquisition sentences start: at the text's start or after a
// sentence end, with one of the vocabulary's words ("Obtained", "Translated").
size_t acquisition_start(std::string_view text, const Vocabulary& vocabulary) {
  auto opens_acquisition = [&](std::string_view at) {
    for (const auto& word : vocabulary.acquisition_words) {
      if (starts_with_word(at, word)) return true;
    }
    return false;
  };
  if (opens_acquisition(text)) return 0;
  for (size_t dot = text.find('.'); dot != std::string_view::npos; dot = text.find('.', dot + 1)) {
    size_t next = dot + 1;
    if (next >= text.size() || text[next] != ' ') continue;
    while (next < text.size() && text[next] == ' ') ++next;
    if (opens_acquisition(text.substr(next))) return next;
  }
  return kNoMatch;
}

// "A.E", "p", "ll", "op", "No": a period after these does not end a sentence.
bool is_abbreviation(std::string_view word) {
  if (word.find('.') != std::string_view::npos) return true;
  if (word.size() > 3) return false;
  for (const char c : word) {
    if (!is_alpha(c)) return false;
  }
  return true;
}

std::vector<std::string_view> citation_sentences(std::string_view text) {
  std::vector<std::string_view> sentences;
  size_t start = 0;
  for (size_t dot = text.find(". "); dot != std::string_view::npos;
       dot = text.find(". ", dot + 1)) {
    size_t next = dot + 1;
    while (next < text.size() && text[next] == ' ') ++next;
    if (next >= text.size() || !is_upper(text[next])) continue;
    const size_t word_start = text.rfind(' ', dot);
    const std::string_view word =
        text.substr(word_start == std::string_view::npos ? 0 : word_start + 1,
                    dot - (word_start == std::string_view::npos ? 0 : word_start + 1));
    if (is_abbreviation(word)) continue;
    sentences.push_back(text.substr(start, dot + 1 - start));
    start = next;
  }
  sentences.push_back(text.substr(start));
  return sentences;
}

bool has_digit_or_comma(std::string_view text) {
  for (const char c : text) {
    if (is_digit(c) || c == ',') return true;
  }
  return false;
}

std::string joined_lines(const std::vector<std::string_view>& lines, std::string_view separator) {
  std::string out;
  for (const auto line : lines) {
    if (!out.empty()) out += separator;
    out += line;
  }
  return out;
}

void apply_label(const LabelMatch& match, const std::vector<std::string_view>& values,
                 const Vocabulary& vocabulary, DocumentInformation& info) {
  if (values.empty()) return;
  switch (match.label.role) {
    case LabelRole::citation:
      add_citation_text(joined_lines(values, " "), vocabulary, info);
      return;
    case LabelRole::author:
      for (const auto value : values) info.authors.emplace_back(value);
      return;
    case LabelRole::classification:
      if (info.classification.empty()) {
        info.classification = joined_lines(values, "; ");
        return;
      }
      break;
    case LabelRole::metadata:
      break;
  }
  const std::string name =
      match.label.metadata_name.empty() ? std::string(match.written) : match.label.metadata_name;
  info.metadata.emplace_back(name, joined_lines(values, "; "));
}

}  // namespace

std::optional<LabelMatch> label_of(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  if (!is_single_line(paragraph)) return std::nullopt;
  const std::string_view line = paragraph.lines.front();
  const std::string_view bare = without_colon(line);
  const Label* best = nullptr;
  std::string_view inline_value;
  for (const auto& label : vocabulary.labels) {
    if (best != nullptr && label.phrase.size() <= best->phrase.size()) continue;
    if (equals_phrase(bare, label.phrase)) {
      best = &label;
      inline_value = {};
      continue;
    }
    const size_t n = match_prefix(line, label.phrase);
    if (n != kNoMatch && n < line.size() && line[n] == ':' && !trim(line.substr(n + 1)).empty()) {
      best = &label;
      inline_value = trim(line.substr(n + 1));
    }
  }
  if (best != nullptr) {
    const std::string_view written =
        inline_value.empty() ? bare : trim(line.substr(0, line.find(':')));
    return LabelMatch{*best, written, inline_value, true};
  }
  if (looks_like_unlisted_label(line)) {
    Label label;
    label.phrase = std::string(bare);
    return LabelMatch{label, bare, {}, false};
  }
  return std::nullopt;
}

std::optional<std::string> funder_of(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  const std::string text = joined(paragraph, " ");
  if (text.size() > kMaxFunderParagraphBytes) return std::nullopt;
  const std::string* lead_in = nullptr;
  size_t at = kNoMatch;
  for (const auto& phrase : vocabulary.funder_lead_ins) {
    const size_t found = find_phrase(text, phrase);
    if (found == kNoMatch) continue;
    // The longest lead-in wins, so "…support from" is not cut to "…possible by".
    if (lead_in == nullptr || phrase.size() > lead_in->size()) {
      lead_in = &phrase;
      at = found;
    }
  }
  if (lead_in == nullptr) return std::nullopt;
  std::string_view rest(text);
  rest = trim(rest.substr(at + match_prefix(rest.substr(at), *lead_in)));
  if (rest.substr(0, 4) == "the ") rest.remove_prefix(4);
  rest = without_final_period(rest);
  if (rest.empty()) return std::nullopt;
  return std::string(rest);
}

bool is_rights_paragraph(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  for (const auto line : paragraph.lines) {
    for (const auto& keyword : vocabulary.rights_keywords) {
      if (find_phrase(line, keyword) != kNoMatch) return true;
    }
  }
  return false;
}

bool is_section_heading(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  return is_single_line(paragraph) &&
         equal_phrase_in(without_colon(paragraph.lines.front()), vocabulary.sections) != nullptr;
}

void add_citation_text(std::string_view text, const Vocabulary& vocabulary,
                       DocumentInformation& info) {
  text = trim(text);
  const size_t acquisition = acquisition_start(text, vocabulary);
  if (acquisition != kNoMatch) {
    info.acquisitions.emplace_back(trim(text.substr(acquisition)));
    text = text.substr(0, acquisition);
  }
  for (const auto sentence : citation_sentences(text)) {
    const std::string_view raw = without_final_period(sentence);
    if (raw.empty()) continue;
    // A citation names a place in an archive or a publication: something
    // with a number or at least a comma. Anything else is kept as metadata
    // rather than passed off as a citation.
    if (has_digit_or_comma(raw)) {
      info.citations.emplace_back(raw);
    } else {
      info.metadata.emplace_back("document_information", std::string(raw));
    }
  }
}

DocumentInformation read_document_information(const std::vector<Paragraph>& paragraphs,
                                              size_t begin, size_t end,
                                              const Vocabulary& vocabulary) {
  DocumentInformation info;
  size_t i = begin;
  while (i < end) {
    const Paragraph& paragraph = paragraphs[i];
    if (is_section_heading(paragraph, vocabulary)) {
      ++i;
      continue;
    }
    if (const auto label = label_of(paragraph, vocabulary)) {
      std::vector<std::string_view> values;
      ++i;
      if (!label->inline_value.empty()) {
        values.push_back(label->inline_value);
      } else if (i < end) {
        const Paragraph& next = paragraphs[i];
        const bool is_value = !label_of(next, vocabulary) &&
                              !is_section_heading(next, vocabulary) &&
                              !funder_of(next, vocabulary) &&
                              !(is_rights_paragraph(next, vocabulary) &&
                                joined(next, " ").size() >= kMinRightsProseBytes);
        if (is_value) {
          values = next.lines;
          ++i;
        }
      }
      apply_label(*label, values, vocabulary, info);
      continue;
    }
    if (auto funder = funder_of(paragraph, vocabulary)) {
      info.funders.push_back(std::move(*funder));
    } else if (is_rights_paragraph(paragraph, vocabulary)) {
      info.rights.push_back(joined(paragraph, "\n"));
    } else {
      add_citation_text(joined(paragraph, " "), vocabulary, info);
    }
    ++i;
  }
  return info;
}

}  // namespace opis::archive_record
