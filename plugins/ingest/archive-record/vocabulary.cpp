#include "vocabulary.hpp"

#include <stdexcept>

#include "builtin_vocabulary.inc"
#include "text_scan.hpp"

namespace opis::archive_record {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const size_t tab = line.find('\t');
    fields.push_back(trim(line.substr(0, tab)));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return fields;
}

[[noreturn]] void malformed(std::string_view origin, size_t line_number, std::string_view why) {
  throw std::invalid_argument(std::string(origin) + ":" + std::to_string(line_number) + ": " +
                              std::string(why));
}

LabelRole label_role(std::string_view role, std::string& metadata_name, std::string_view origin,
                     size_t line_number) {
  if (role == "citation") return LabelRole::citation;
  if (role == "author") return LabelRole::author;
  if (role == "classification") return LabelRole::classification;
  if (role.empty() || role == "metadata") return LabelRole::metadata;
  if (role.substr(0, 9) == "metadata:" && role.size() > 9) {
    metadata_name = std::string(role.substr(9));
    return LabelRole::metadata;
  }
  malformed(origin, line_number,
            "unknown label role '" + std::string(role) +
                "' (expected citation, author, classification, metadata or metadata:NAME)");
}

}  // namespace

void add_vocabulary(Vocabulary& vocabulary, std::string_view tsv, std::string_view origin) {
  size_t line_number = 0;
  while (!tsv.empty()) {
    const size_t end = tsv.find('\n');
    std::string_view line = tsv.substr(0, end);
    tsv.remove_prefix(end == std::string_view::npos ? tsv.size() : end + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || trim(line).front() == '#') continue;

    const auto fields = split_tabs(line);
    if (fields.size() < 2 || fields[1].empty()) {
      malformed(origin, line_number, "expected KIND<TAB>PHRASE[<TAB>ARGUMENT]");
    }
    const std::string_view kind = fields[0];
    const std::string phrase(fields[1]);
    const std::string_view argument = fields.size() > 2 ? fields[2] : std::string_view{};

    if (kind == "navigation") {
      vocabulary.navigation.push_back(phrase);
    } else if (kind == "section") {
      vocabulary.sections.push_back(phrase);
    } else if (kind == "label") {
      Label label;
      label.phrase = phrase;
      label.role = label_role(argument, label.metadata_name, origin, line_number);
      vocabulary.labels.push_back(std::move(label));
    } else if (kind == "classification") {
      vocabulary.classifications.push_back(phrase);
    } else if (kind == "copy") {
      vocabulary.copy_words.push_back(phrase);
    } else if (kind == "stamp") {
      vocabulary.stamp_words.push_back(phrase);
    } else if (kind == "mark") {
      vocabulary.marks.push_back(phrase);
    } else if (kind == "note") {
      if (argument.empty()) malformed(origin, line_number, "a note entry needs a kind argument");
      vocabulary.notes.push_back({phrase, std::string(argument)});
    } else if (kind == "acquisition") {
      vocabulary.acquisition_words.push_back(phrase);
    } else if (kind == "funder") {
      vocabulary.funder_lead_ins.push_back(phrase);
    } else if (kind == "rights") {
      vocabulary.rights_keywords.push_back(phrase);
    } else {
      malformed(origin, line_number, "unknown kind '" + std::string(kind) + "'");
    }
  }
}

Vocabulary builtin_vocabulary() {
  Vocabulary vocabulary;
  add_vocabulary(vocabulary, kBuiltinVocabulary, "data/vocabulary.tsv");
  return vocabulary;
}

}  // namespace opis::archive_record
