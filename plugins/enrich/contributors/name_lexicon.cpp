#include "name_lexicon.hpp"

#include "builtin_word_lists.inc"
#include "utf8_text.hpp"

namespace opis::contributors {

void add_words(WordSet& set, std::string_view list) {
  while (!list.empty()) {
    const size_t nl = list.find('\n');
    const std::string_view line = trim(list.substr(0, nl));
    list.remove_prefix(nl == std::string_view::npos ? list.size() : nl + 1);
    if (!line.empty() && line.front() != '#') set.emplace(line);
  }
}

NameLexicon::NameLexicon() {
  add_words(titles_, kBuiltinTitles);
  add_words(positions_, kBuiltinPositions);
  add_words(non_name_, kBuiltinNonNameWords);
  add_words(stop_words_, kBuiltinStopWords);
  add_words(particles_, kBuiltinParticles);
}

const NameLexicon& NameLexicon::builtin() {
  static const NameLexicon lexicon;
  return lexicon;
}

}  // namespace opis::contributors
