// Text extracted from a journal or bulletin PDF, split into its articles
// and the documents each article reproduces.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document_section.hpp"
#include "endnotes.hpp"
#include "note_markers.hpp"

namespace opis::article {

struct ParsedArticle {
  std::string title;   // the heading lines before the byline; empty without a byline
  std::string byline;  // "By Halina Worth", verbatim
  std::string text;    // the body, without documents and notes
  std::vector<Endnote> notes;
  std::vector<NoteMarker> markers;  // in text order, at most one per note
  std::vector<EmbeddedDocument> documents;
  std::vector<std::string> warnings;
};

// Every article of `text` (UTF-8, LF line ends) in order. An article starts
// at a title followed by a "By …" byline; text before the first such title
// is an untitled article unless it is only a few lines of front matter.
// Within an article, "DOCUMENT No. N" headings start embedded documents and
// a NOTES heading followed by a numbered note starts the endnotes.
std::vector<ParsedArticle> parse_articles(std::string_view text);

}  // namespace opis::article
