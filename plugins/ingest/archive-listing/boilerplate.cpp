#include "boilerplate.hpp"

#include "builtin_boilerplate.inc"
#include "text_lines.hpp"

namespace opis::listing {

std::string_view builtin_boilerplate() {
  return kBuiltinBoilerplate;
}

void BoilerplateList::add_patterns(std::string_view file_text) {
  for (const Line& line : split_lines(file_text)) {
    if (line.text.front() == '#') continue;
    add_pattern(line.text);
  }
}

void BoilerplateList::add_pattern(std::string_view pattern) {
  pattern = trim(pattern);
  if (pattern.empty()) return;
  if (pattern.back() == '*') {
    pattern = trim(pattern.substr(0, pattern.size() - 1));
    // A lone "*" would make every line boilerplate: no hit could ever be found.
    if (!pattern.empty()) prefixes_.emplace_back(pattern);
  } else {
    exact_.emplace_back(pattern);
  }
}

bool BoilerplateList::matches(std::string_view line) const {
  line = trim(line);
  for (const auto& e : exact_) {
    if (equals_ignoring_case(line, e)) return true;
  }
  for (const auto& p : prefixes_) {
    if (starts_with_ignoring_case(line, p)) return true;
  }
  return false;
}

}  // namespace opis::listing
