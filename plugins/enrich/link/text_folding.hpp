// Folds text for comparison: case, typographic variants of quotes,
// apostrophes, dashes and spaces, compatibility characters. A small,
// dependency-free stand-in for NFKC + case folding that covers what archive
// captures actually differ by (curly vs straight quotes, NBSP, en dashes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace opis::link {

// Decodes one code point from `text` at `pos` and advances `pos`. Malformed
// UTF-8 gives U+FFFD and advances by one byte, so hostile input never stalls.
char32_t next_code_point(std::string_view text, size_t& pos);

// Appends the folded form of `cp` to `out` as UTF-8: lower case for Latin,
// Greek and Cyrillic letters, ASCII for typographic punctuation, a plain
// space for every kind of space, nothing for invisible characters.
void append_folded(char32_t cp, std::string& out);

// The whole of `text`, folded code point by code point.
std::string fold_text(std::string_view text);

}  // namespace opis::link
