// The word lists a personal name is judged by: forms of address, position
// words, words of bodies and places, function words and name particles.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

namespace opis::contributors {

struct TransparentHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using WordSet = std::unordered_set<std::string, TransparentHash, std::equal_to<>>;

// Adds every non-empty, non-comment ('#') line of `list`, trimmed.
void add_words(WordSet& set, std::string_view list);

class NameLexicon {
 public:
  // The lists compiled into the plugin.
  static const NameLexicon& builtin();

  bool is_title(std::string_view w) const { return titles_.contains(w); }
  bool is_position(std::string_view w) const { return positions_.contains(w); }
  // Words of bodies and places, positions included.
  bool is_non_name(std::string_view w) const {
    return non_name_.contains(w) || positions_.contains(w);
  }
  bool is_stop_word(std::string_view w) const { return stop_words_.contains(w); }
  bool is_particle(std::string_view w) const { return particles_.contains(w); }

 private:
  NameLexicon();
  WordSet titles_, positions_, non_name_, stop_words_, particles_;
};

}  // namespace opis::contributors
