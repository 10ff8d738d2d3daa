// Page furniture left in text extracted from a PDF: page numbers alone on a
// line and the running heads printed beside them.
#pragma once

#include <string_view>
#include <vector>

namespace opis::article {

// One flag per line: true for a line to drop. Conservative on purpose: a
// page number is a line of 1-4 digits standing alone between blank lines,
// and a running head is a line standing alone next to such a page number
// whose text stands alone at least twice in the document. A lone line seen
// only once ("New Evidence on North Korea") stays, because a short heading
// looks the same.
std::vector<bool> page_furniture(const std::vector<std::string_view>& lines);

}  // namespace opis::article
