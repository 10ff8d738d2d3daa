// The phrases a record page is recognised by: compiled in from
// data/vocabulary.tsv and extended with the files the config names.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opis::archive_record {

// What the value of a document-information label becomes.
enum class LabelRole { citation, author, classification, metadata };

struct Label {
  std::string phrase;
  LabelRole role = LabelRole::metadata;
  std::string metadata_name;  // empty: the label itself names the entry
};

struct NoteKind {
  std::string phrase;
  std::string kind;
};

struct Vocabulary {
  std::vector<std::string> navigation;
  std::vector<std::string> sections;
  std::vector<Label> labels;
  std::vector<std::string> classifications;
  std::vector<std::string> copy_words;
  std::vector<std::string> stamp_words;
  std::vector<std::string> marks;
  std::vector<NoteKind> notes;
  std::vector<std::string> acquisition_words;
  std::vector<std::string> funder_lead_ins;
  std::vector<std::string> rights_keywords;
};

// Adds the entries of one vocabulary file to `vocabulary`. `origin` names
// the file in error messages; a malformed line throws std::invalid_argument.
void add_vocabulary(Vocabulary& vocabulary, std::string_view tsv, std::string_view origin);

// The built-in vocabulary.
Vocabulary builtin_vocabulary();

}  // namespace opis::archive_record
