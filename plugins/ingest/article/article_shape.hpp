// How much a document looks like text extracted from a journal PDF, for
// the ingester's probe.
#pragma once

#include <string_view>

namespace opis::article {

enum class ArticleShape {
  article,      // an endnotes list, "DOCUMENT No." headings or many hyphen-wrapped lines
  record_page,  // a digital-archive record page ("Document Information")
  listing,      // a search-results listing (a result count)
  other,
};

ArticleShape article_shape(std::string_view text);

}  // namespace opis::article
