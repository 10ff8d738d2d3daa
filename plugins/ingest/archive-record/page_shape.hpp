// How much a document looks like a record page, for the host's choice of
// ingester: cheap checks on the document's shape, no full parse.
#pragma once

#include <string_view>

#include "vocabulary.hpp"

namespace opis::archive_record {

enum class PageShape {
  record_page,  // a "Document Information" heading, or date + title + record labels
  labels_only,  // record labels, but no date line at the top
  listing,      // "Results: 1 - 10 of 11", "Showing 1–5 of 5", many dated hits
  other,
};

PageShape page_shape(std::string_view content, const Vocabulary& vocabulary);

}  // namespace opis::archive_record
