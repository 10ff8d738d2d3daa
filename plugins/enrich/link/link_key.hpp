// The key that says two records describe the same archival document: the
// folded title and the document date. Kind-agnostic, so a listing's hit and
// the record page it points to get the same key.
#pragma once

#include <string>
#include <string_view>

namespace opis::link {

// Folded (text_folding.hpp), runs of spaces collapsed to one, trimmed, and
// trailing sentence punctuation (. , ; : ! ?) removed.
std::string normalized_title(std::string_view title);

// "title|date" with the date from date.edtf when set, else the folded date
// line. Empty when the title or both dates are empty: an undated title alone
// is too weak to say two records are the same document.
std::string link_key(std::string_view title, std::string_view date_edtf,
                     std::string_view date_surface);

}  // namespace opis::link
