#include "phrase_scanner.hpp"

#include "person_name.hpp"
#include "utf8_text.hpp"

namespace opis::contributors {
namespace {

bool is_word_byte(char c) {
  return is_ascii_letter(c) || is_non_ascii(c) || is_digit(c);
}

}  // namespace

void scan_trigger_phrases(std::string_view text, const TriggerTable& triggers,
                          const NameLexicon& lexicon, std::vector<FoundContributor>& out) {
  // Anchored on the first bytes of a phrase at a word start; the table's
  // filter passes over the text between such places a block at a time.
  size_t pos = 0;
  bool right_after_phrase = false;
  while (pos < text.size()) {
    bool word_start = false;
    if (right_after_phrase) {
      // The names may hold another trigger ("… and translated by Y"): go on
      // right after the phrase, where only a letter before rules out a start.
      word_start = !is_ascii_letter(text[pos - 1]);
      right_after_phrase = false;
    } else {
      pos = triggers.next_possible_start(text, pos);
      if (pos >= text.size()) break;
      word_start = pos == 0 || !is_word_byte(text[pos - 1]);
    }
    if (word_start && triggers.may_start_at(text, pos)) {
      size_t after = 0;
      if (const Trigger* trigger = triggers.match(text, pos, &after)) {
        for (const std::string& name : read_name_list(text, after, lexicon)) {
          for (const std::string& role : trigger->roles) out.push_back({name, role});
        }
        pos = after;
        right_after_phrase = true;
        continue;
      }
    }
    ++pos;
  }
}

}  // namespace opis::contributors
