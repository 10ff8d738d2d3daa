// The block after a record page's body: the "Document Information" section
// (citation sentences, "Obtained by …" sentences, label/value blocks), the
// funder line and the rights boilerplate.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "paragraphs.hpp"
#include "vocabulary.hpp"

namespace opis::archive_record {

struct DocumentInformation {
  std::vector<std::string> citations;     // raw, without the acquisition part
  std::vector<std::string> acquisitions;  // "Obtained by … and translated by …", verbatim
  std::vector<std::string> funders;
  std::vector<std::string> rights;  // paragraphs
  std::vector<std::pair<std::string, std::string>> metadata;
  std::vector<std::string> authors;
  std::string classification;  // from an "Original Classification" label
};

struct LabelMatch {
  Label label;                    // for an unlisted "Something:" line, a metadata label
  std::string_view written;       // the label as the page writes it, without the colon
  std::string_view inline_value;  // "Record ID: 900164" -> "900164"
  bool listed = false;            // found in the vocabulary
};

// A paragraph that is a label line of the document-information block.
std::optional<LabelMatch> label_of(const Paragraph& paragraph, const Vocabulary& vocabulary);

// "This document was made possible with support from the X." -> "X".
std::optional<std::string> funder_of(const Paragraph& paragraph, const Vocabulary& vocabulary);

bool is_rights_paragraph(const Paragraph& paragraph, const Vocabulary& vocabulary);

bool is_section_heading(const Paragraph& paragraph, const Vocabulary& vocabulary);

// Splits "RGANI, Fond 5, … Listy 73-85. Obtained by X and translated by Y."
// into citation sentences and the acquisition part, adding both to `info`.
void add_citation_text(std::string_view text, const Vocabulary& vocabulary,
                       DocumentInformation& info);

// Reads paragraphs [begin, end) as the block after the body.
DocumentInformation read_document_information(const std::vector<Paragraph>& paragraphs,
                                              size_t begin, size_t end,
                                              const Vocabulary& vocabulary);

}  // namespace opis::archive_record
