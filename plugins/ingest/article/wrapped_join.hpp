// Joining hard-wrapped lines into one string, for the short parts that are
// stored as strings (titles, source blocks, endnotes) rather than as text
// that the repair enricher unwraps later.
#pragma once

#include <string>
#include <string_view>

namespace opis::article {

// Appends `line` (trimmed) to `joined`: after a space, or, when `joined`
// ends with a line-break hyphen, either re-joining the word ("con-" +
// "struction") when it obviously continues or keeping the hyphen without a
// space ("Mi-" + "ryeong", "anti-" + "party").
void append_wrapped(std::string& joined, std::string_view line);

}  // namespace opis::article
