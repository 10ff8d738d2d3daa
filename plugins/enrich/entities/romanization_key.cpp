#include "romanization_key.hpp"

#include <algorithm>
#include <stdexcept>

#include "name_tokens.hpp"

namespace opis::entities {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// Lower case without diacritics or apostrophes, as NameTokens spells a word.
std::string raw_spelling(std::string_view word) {
  NameTokens tokens;
  tokens.tokenize(word);
  std::string out;
  for (const Token& t : tokens.tokens()) out += tokens.raw(t);
  return out;
}

}  // namespace

void SurnameFolds::load(std::string_view tsv, std::string_view source_name) {
  size_t line_number = 0;
  while (!tsv.empty()) {
    const size_t eol = tsv.find('\n');
    std::string_view line = tsv.substr(0, eol);
    tsv.remove_prefix(eol == std::string_view::npos ? tsv.size() : eol + 1);
    ++line_number;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      throw std::invalid_argument(std::string(source_name) + ":" + std::to_string(line_number) +
                                  ": expected 'key<TAB>spellings'");
    }
    const std::string key = raw_spelling(line.substr(0, tab));
    std::string_view rest = line.substr(tab + 1);
    const auto key_index = static_cast<uint32_t>(keys_.size());
    keys_.push_back(key);
    folds_.set(key, key_index);
    longest_ = std::max(longest_, key.size());
    while (!rest.empty()) {
      const size_t space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      if (!word.empty()) {
        std::string spelling = raw_spelling(word);
        longest_ = std::max(longest_, spelling.size());
        folds_.set(spelling, key_index);
      }
      rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
    }
  }
}

std::string_view SurnameFolds::fold(std::string_view raw) const {
  if (raw.size() > longest_) return raw;
  const uint32_t key = folds_.get(raw);
  return key == StringTable::kMissing ? raw : std::string_view(keys_[key]);
}

uint64_t phrase_key(std::string_view phrase, const SurnameFolds& surnames,
                    std::vector<uint64_t>* prefixes, std::vector<std::string>* acronyms,
                    size_t* word_count) {
  NameTokens tokens;
  tokens.tokenize(phrase);
  KeyHasher hasher;
  hasher.record_prefixes(prefixes);
  bool first = true;
  for (const Token& t : tokens.tokens()) {
    const std::string_view raw = tokens.raw(t);
    if (t.all_caps && acronyms != nullptr) acronyms->emplace_back(raw);
    hasher.add_word(first && !t.all_caps ? surnames.fold(raw) : raw, t.all_caps);
    if (is_dotted_initial(t)) hasher.add_initial_mark();
    first = false;
  }
  if (prefixes != nullptr && hasher.finish() != hasher.prefix()) {
    prefixes->push_back(hasher.finish());
  }
  if (word_count != nullptr) *word_count = tokens.tokens().size();
  return hasher.finish();
}

}  // namespace opis::entities
