// Navigation and page furniture of results pages ("Skip to content",
// "Sort by: …"): lines that are never a hit's title or summary.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opis::listing {

// The list compiled in from data/boilerplate.txt.
std::string_view builtin_boilerplate();

class BoilerplateList {
 public:
  // Patterns in the data/boilerplate.txt format: one a line, # comments,
  // a final * for "starts with".
  void add_patterns(std::string_view file_text);
  void add_pattern(std::string_view pattern);
  bool matches(std::string_view line) const;

 private:
  std::vector<std::string> exact_;
  std::vector<std::string> prefixes_;
};

}  // namespace opis::listing
