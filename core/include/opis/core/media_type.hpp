// Media-type sniffing for documents that arrive without a declared type:
// magic numbers first (a PDF named .txt is still a PDF), then the file
// extension, then a look at the bytes (NUL bytes mean binary).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opis::core {

std::string sniff_media_type(std::string_view file_name, std::string_view content);

// Shell-style glob on a file name: '*', '?', '[abc]'; case-sensitive.
bool glob_match(std::string_view pattern, std::string_view name);

// "text/*" matches "text/plain"; parameters (";charset=...") are ignored.
bool media_type_match(std::string_view pattern, std::string_view media_type);

}  // namespace opis::core
