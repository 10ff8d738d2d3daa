#include "record_page.hpp"

#include <map>
#include <set>

#include "date_line.hpp"
#include "document_information.hpp"
#include "footnotes.hpp"
#include "header_block.hpp"
#include "paragraphs.hpp"
#include "text_scan.hpp"

namespace opis::archive_record {
namespace {

// The date line comes after at most a few lines of site navigation.
constexpr size_t kMaxParagraphsBeforeDate = 4;
constexpr size_t kMaxNavigationLineBytes = 80;
// The header block sits in the first paragraphs after the title, before any
// prose.
constexpr size_t kMaxHeaderParagraphs = 6;
constexpr size_t kMaxHeaderLineBytes = 80;

bool is_navigation(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  for (const auto line : paragraph.lines) {
    if (equal_phrase_in(line, vocabulary.navigation) == nullptr) return false;
  }
  return true;
}

bool is_short(const Paragraph& paragraph) {
  for (const auto line : paragraph.lines) {
    if (line.size() > kMaxNavigationLineBytes) return false;
  }
  return true;
}

// Index of the date-line paragraph, or paragraphs.size().
size_t find_date_line(const std::vector<Paragraph>& paragraphs) {
  for (size_t i = 0; i < paragraphs.size() && i < kMaxParagraphsBeforeDate; ++i) {
    if (is_single_line(paragraphs[i]) && is_date_line(paragraphs[i].lines.front())) return i;
    if (!is_short(paragraphs[i])) break;
  }
  return paragraphs.size();
}

size_t find_section(const std::vector<Paragraph>& paragraphs, size_t from,
                    const Vocabulary& vocabulary) {
  for (size_t i = from; i < paragraphs.size(); ++i) {
    if (is_section_heading(paragraphs[i], vocabulary)) return i;
  }
  return paragraphs.size();
}

size_t find_listed_label(const std::vector<Paragraph>& paragraphs, size_t from,
                         const Vocabulary& vocabulary) {
  for (size_t i = from; i < paragraphs.size(); ++i) {
    const auto label = label_of(paragraphs[i], vocabulary);
    if (label && label->listed) return i;
  }
  return paragraphs.size();
}

struct HeaderFields {
  std::string classification;
  std::string copy_number;
  std::vector<std::string> stamps;
};

// A header line goes into `header`; false for any other line.
bool take_header_line(std::string_view line, const Vocabulary& vocabulary, HeaderFields& header) {
  if (const auto stamp = stamp_of(line, vocabulary)) {
    header.stamps.emplace_back(*stamp);
    return true;
  }
  if (const auto copy = copy_number_of(line, vocabulary)) {
    if (header.copy_number.empty()) header.copy_number = std::string(*copy);
    return true;
  }
  if (const auto marking = classification_of(line, vocabulary)) {
    if (header.classification.empty()) header.classification = std::string(*marking);
    return true;
  }
  return false;
}

bool is_header_paragraph(const Paragraph& paragraph, const Vocabulary& vocabulary) {
  HeaderFields scratch;
  for (const auto line : paragraph.lines) {
    if (!take_header_line(line, vocabulary, scratch)) return false;
  }
  return true;
}

// Prose means the body has begun: a long line, or a sentence's end.
bool is_prose(const Paragraph& paragraph) {
  for (const auto line : paragraph.lines) {
    if (line.size() > kMaxHeaderLineBytes) return true;
  }
  const char last = paragraph.lines.back().back();
  return last == '.' || last == '?' || last == ';';
}

std::string join_paragraphs(const std::vector<std::string>& paragraphs) {
  std::string out;
  for (const auto& paragraph : paragraphs) {
    if (!out.empty()) out += "\n\n";
    out += paragraph;
  }
  return out;
}

}  // namespace

RecordPage parse_record_page(std::string_view text, const Vocabulary& vocabulary) {
  const std::vector<Paragraph> paragraphs = split_paragraphs(text);
  if (paragraphs.empty()) throw NotARecordPage("not a record page: the document has no text");
  RecordPage page;

  // The top: navigation, date line, title.
  size_t title_index = 0;
  const size_t date_index = find_date_line(paragraphs);
  if (date_index < paragraphs.size()) {
    page.date_surface = std::string(paragraphs[date_index].lines.front());
    title_index = date_index + 1;
  } else {
    while (title_index < paragraphs.size() && is_navigation(paragraphs[title_index], vocabulary)) {
      ++title_index;
    }
    page.warnings.emplace_back("archive-record: no date line above the title");
  }
  if (title_index >= paragraphs.size() || is_section_heading(paragraphs[title_index], vocabulary) ||
      label_of(paragraphs[title_index], vocabulary)) {
    throw NotARecordPage(date_index < paragraphs.size()
                             ? "not a record page: no title line after the date line '" +
                                   page.date_surface + "'"
                             : "not a record page: no title line at the top");
  }
  page.title = joined(paragraphs[title_index], " ");

  // Where the body ends and the document information begins.
  const size_t body_begin = title_index + 1;
  size_t body_end = paragraphs.size();
  size_t info_begin = paragraphs.size();
  DocumentInformation info;
  const size_t section = find_section(paragraphs, body_begin, vocabulary);
  if (section < paragraphs.size()) {
    body_end = section;
    info_begin = section + 1;
    while (body_end > body_begin) {
      auto funder = funder_of(paragraphs[body_end - 1], vocabulary);
      if (!funder) break;
      info.funders.push_back(std::move(*funder));
      --body_end;
    }
    if (body_end > body_begin && !note_start(paragraphs[body_end - 1].lines.front())) {
      page.summary = joined(paragraphs[body_end - 1], "\n");
      --body_end;
    }
  } else {
    const size_t label = find_listed_label(paragraphs, body_begin, vocabulary);
    if (label == paragraphs.size()) {
      throw NotARecordPage(
          "not a record page: no 'Document Information' heading and no record label such as "
          "'Record ID' or 'Original Uploaded Date' after the title '" +
          page.title + "'");
    }
    body_end = label;
    while (body_end > body_begin && (is_rights_paragraph(paragraphs[body_end - 1], vocabulary) ||
                                     funder_of(paragraphs[body_end - 1], vocabulary))) {
      --body_end;
    }
    info_begin = body_end;
    page.warnings.emplace_back(
        "archive-record: no 'Document Information' heading; summary and citation not identified");
  }
  DocumentInformation tail =
      read_document_information(paragraphs, info_begin, paragraphs.size(), vocabulary);
  for (auto& funder : tail.funders) info.funders.push_back(std::move(funder));

  // The header block.
  HeaderFields header;
  std::vector<bool> removed(paragraphs.size(), false);
  for (size_t i = body_begin; i < body_end && i < body_begin + kMaxHeaderParagraphs; ++i) {
    if (is_header_paragraph(paragraphs[i], vocabulary)) {
      for (const auto line : paragraphs[i].lines) take_header_line(line, vocabulary, header);
      removed[i] = true;
    } else if (is_prose(paragraphs[i])) {
      break;
    }
  }

  // Notes, then the body.
  std::vector<Note> notes;
  const size_t notes_begin = take_notes(paragraphs, body_begin, body_end, notes);
  std::vector<std::string> body;
  for (size_t i = body_begin; i < notes_begin; ++i) {
    if (removed[i]) continue;
    std::string paragraph;
    for (const auto line : paragraphs[i].lines) {
      if (const auto stamp = stamp_of(line, vocabulary)) {
        header.stamps.emplace_back(*stamp);
        continue;
      }
      if (!paragraph.empty()) paragraph += '\n';
      paragraph += line;
    }
    if (!paragraph.empty()) body.push_back(std::move(paragraph));
  }
  page.text = join_paragraphs(body);

  std::set<std::string> markers;
  for (const auto& note : notes) markers.insert(note.marker);
  page.marks = find_marks(page.text, markers, vocabulary);
  std::map<std::string_view, const Mark*> first_reference;
  for (const auto& mark : page.marks) {
    if (mark.type == "footnote_ref") first_reference.emplace(mark.value, &mark);
  }
  for (auto& note : notes) {
    PageFootnote footnote{std::move(note.marker), std::move(note.text), 0, 0};
    if (const auto found = first_reference.find(footnote.marker); found != first_reference.end()) {
      footnote.begin = found->second->begin;
      footnote.end = found->second->end;
    }
    page.footnotes.push_back(std::move(footnote));
  }

  page.classification = header.classification;
  if (page.classification.empty()) {
    page.classification = tail.classification;
  } else if (!tail.classification.empty()) {
    tail.metadata.emplace_back("Original Classification", tail.classification);
  }
  page.copy_number = std::move(header.copy_number);
  page.stamps = std::move(header.stamps);
  page.funders = std::move(info.funders);
  page.rights = join_paragraphs(tail.rights);
  page.citations = std::move(tail.citations);
  page.authors = std::move(tail.authors);
  page.metadata = std::move(tail.metadata);
  for (auto& acquisition : tail.acquisitions) {
    page.metadata.emplace_back("acquisition", std::move(acquisition));
  }
  return page;
}

}  // namespace opis::archive_record
