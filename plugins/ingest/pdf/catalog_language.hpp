// The document language (/Lang in the PDF's Catalog), which poppler-cpp does
// not expose.
#pragma once

#include <string>
#include <string_view>

namespace opis::pdf {

// The Catalog's /Lang as a BCP 47 tag, or empty. Reads the file's bytes
// directly, so a Catalog inside a compressed object stream is not seen; a
// value that does not look like a language tag is ignored rather than
// guessed at. With several Catalogs (incremental updates), the last wins, as
// it does for a PDF reader.
std::string catalog_language(std::string_view pdf);

}  // namespace opis::pdf
