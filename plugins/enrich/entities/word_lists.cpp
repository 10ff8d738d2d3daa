#include "word_lists.hpp"

#include "builtin_data.inc"
#include "name_tokens.hpp"

namespace opis::entities {

void WordSet::load(std::string_view lines) {
  NameTokens tokens;
  while (!lines.empty()) {
    const size_t eol = lines.find('\n');
    const std::string_view line = lines.substr(0, eol);
    lines.remove_prefix(eol == std::string_view::npos ? lines.size() : eol + 1);
    if (line.empty() || line.front() == '#') continue;
    tokens.tokenize(line);
    for (const Token& t : tokens.tokens()) words_.set(tokens.raw(t), 0);
  }
}

const WordLists& WordLists::builtin() {
  static const WordLists lists = [] {
    WordLists l;
    l.surnames.load(kBuiltinKoreanSurnames, "data/korean_surnames.tsv");
    l.titles.load(kBuiltinTitles);
    l.non_name_words.load(kBuiltinNonNameWords);
    l.organization_words.load(kBuiltinOrganizationWords);
    return l;
  }();
  return lists;
}

std::string_view builtin_authority_tsv() {
  return kBuiltinAuthority;
}

}  // namespace opis::entities
