#include "repair_setup.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "repair_data.inc"

namespace opis::repair {

TextRepairer make_repairer(const RepairSettings& settings, SetupReport* report) {
  Lexicon lexicon;
  const bool loaded = !settings.word_list.empty() && lexicon.add_word_file(settings.word_list);
  if (report != nullptr) report->word_list_loaded = loaded;
  lexicon.add_names(kBuiltinNames);
  lexicon.add_names(kBuiltinDomainTerms);
  for (const std::string& file : settings.word_files) {
    if (!lexicon.add_name_file(file)) {
      throw std::invalid_argument("word_files: cannot read " + file);
    }
  }
  GlyphTable glyphs;
  glyphs.add(kBuiltinGlyphs);
  for (const std::string& file : settings.glyph_files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::invalid_argument("glyph_files: cannot read " + file);
    std::ostringstream text;
    text << in.rdbuf();
    if (const size_t bad = glyphs.add(text.str()); bad > 0) {
      throw std::invalid_argument("glyph_files: " + file + " has " + std::to_string(bad) +
                                  " lines that are not glyph<TAB>meaning<TAB>ligature|punctuation");
    }
  }
  return TextRepairer(std::move(lexicon), LetterBigrams(kBuiltinLetterBigrams), std::move(glyphs),
                      settings.options);
}

}  // namespace opis::repair
