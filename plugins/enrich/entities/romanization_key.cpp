#include "romanization_key.hpp"

#include <algorithm>
#include <stdexcept>

#include "name_tokens.hpp"

namespace opis::entities {
namespace {

bool is_consonant(char c) {
  return c >= 'b' && c <= 'z' && c != 'e' && c != 'i' && c != 'o' && c != 'u' && c != 'y' &&
         c != 'w';
}

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
    folds_[key] = key;
    longest_ = std::max(longest_, key.size());
    while (!rest.empty()) {
      const size_t space = rest.find(' ');
      const std::string_view word = rest.substr(0, space);
      if (!word.empty()) {
        std::string spelling = raw_spelling(word);
        longest_ = std::max(longest_, spelling.size());
        folds_[std::move(spelling)] = key;
      }
      rest.remove_prefix(space == std::string_view::npos ? rest.size() : space + 1);
    }
  }
}

std::string_view SurnameFolds::fold(std::string_view raw) const {
  if (raw.size() > longest_) return raw;
  const auto it = folds_.find(raw);
  return it == folds_.end() ? raw : std::string_view(it->second);
}

void KeyHasher::emit_exact(char c) {
  hash_ = (hash_ ^ static_cast<unsigned char>(c)) * kPrime;
  if (sink_ != nullptr) sink_->push_back(hash_);
}

void KeyHasher::emit(char c) {
  if (c == last_ && is_consonant(c)) return;
  last_ = c;
  emit_exact(c);
}

// One character of a word, through the rules of the header comment. A
// character that may start a two-letter spelling (e of eo, a of ai, s of sh)
// waits for the next one.
void KeyHasher::feed(char c) {
  if (pending_ != 0) {
    const char p = pending_;
    pending_ = 0;
    if (p == 'e' && (c == 'o' || c == 'u')) {
      emit(c);
      return;
    }
    if (p == 'a' && c == 'i') {
      emit('a');
      emit('e');
      return;
    }
    if (p == 's' && c == 'h') {
      emit('s');
      return;
    }
    emit(p);
  }
  switch (c) {
    case 'e':
    case 'a':
    case 's':
      pending_ = c;
      return;
    case 'b':
      emit('p');
      return;
    case 'd':
      emit('t');
      return;
    case 'g':
      emit('k');
      return;
    case 'j':
      emit('c');
      emit('h');
      return;
    default:
      emit(c);
  }
}

void KeyHasher::add_word(std::string_view raw, bool acronym) {
  if (!acronym) {
    for (const char c : raw) feed(c);
    return;
  }
  if (pending_ != 0) {
    emit(pending_);
    pending_ = 0;
  }
  emit_exact('^');
  for (const char c : raw) emit_exact(c);
  last_ = '^';
}

void KeyHasher::add_initial_mark() {
  if (pending_ != 0) {
    emit(pending_);
    pending_ = 0;
  }
  emit_exact('.');
  last_ = '.';
}

uint64_t KeyHasher::finish() const {
  if (pending_ == 0) return hash_;
  KeyHasher copy = *this;
  copy.sink_ = nullptr;
  copy.emit(copy.pending_);
  return copy.hash_;
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
