// An edition's embedded documents: "DOCUMENT No. N", the document's title,
// its "[Source: …]" block and its text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace opis::article {

struct EmbeddedDocument {
  std::string number;       // "1"
  std::string title;        // heading lines after "DOCUMENT No. N", joined
  std::string citation;     // the source block before "Obtained …"/"Translated …"
  std::string acquisition;  // "Obtained and translated by …", verbatim
  std::string text;
  std::vector<std::string> warnings;
};

// The section whose heading is lines[heading] and which ends before `end`.
EmbeddedDocument read_document_section(const std::vector<std::string_view>& lines, size_t heading,
                                       size_t end, std::string_view number);

struct SourceParts {
  std::string citation;
  std::string acquisition;
};
// "RGANI, Fond 5, …, Listy 129-131. Obtained and translated by X." ->
// citation without its final period, acquisition from "Obtained"/"Translated".
SourceParts split_source(std::string_view content);

}  // namespace opis::article
