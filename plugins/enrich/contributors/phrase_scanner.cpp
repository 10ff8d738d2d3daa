#include "phrase_scanner.hpp"

#include "person_name.hpp"
#include "utf8_text.hpp"

namespace opis::contributors {

void scan_trigger_phrases(std::string_view text, const TriggerTable& triggers,
                          const NameLexicon& lexicon, std::vector<FoundContributor>& out) {
  // One pass, anchored on the first byte of a phrase at a word start; the
  // table is consulted only there.
  bool word_start = true;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    const char c = text[pos];
    const bool in_word = is_ascii_letter(c) || is_non_ascii(c) || is_digit(c);
    if (word_start && triggers.may_start_at(text, pos)) {
      size_t after = 0;
      if (const Trigger* trigger = triggers.match(text, pos, &after)) {
        for (const std::string& name : read_name_list(text, after, lexicon)) {
          for (const std::string& role : trigger->roles) out.push_back({name, role});
        }
        // The names may hold another trigger ("… and translated by Y"): go on
        // right after the phrase, not after the list.
        pos = after - 1;
        word_start = !is_ascii_letter(text[pos]);
        continue;
      }
    }
    word_start = !in_word;
  }
}

}  // namespace opis::contributors
