#include "mention_finder.hpp"

#include <algorithm>
#include <array>

namespace opis::entities {
namespace {

std::string_view without_possessive(std::string_view raw, const Token& t) {
  return t.possessive ? raw.substr(0, raw.size() - 1) : raw;
}

// Russian first names abbreviated with two letters (Yu. Fadeyev).
bool is_initial(const NameTokens& tokens, const Token& t) {
  if (!t.capitalized || t.has_digit || t.possessive || t.gap != Gap::period) return false;
  if (t.letters == 1) return true;
  static constexpr std::array<std::string_view, 9> kDigraphs = {"yu", "ya", "ye", "yo", "zh",
                                                                "kh", "ch", "sh", "ts"};
  const std::string_view raw = tokens.raw(t);
  return t.letters == 2 && t.has_lower &&
         std::find(kDigraphs.begin(), kDigraphs.end(), raw) != kDigraphs.end();
}

bool consume_one_of(std::string_view& s, std::initializer_list<std::string_view> options) {
  for (const std::string_view option : options) {
    if (s.substr(0, option.size()) == option) {
      s.remove_prefix(option.size());
      return true;
    }
  }
  return false;
}

}  // namespace

bool is_korean_syllable(std::string_view raw) {
  if (raw.empty() || raw.size() > 6) return false;
  static constexpr std::array<std::string_view, 22> kInitials = {
      "tch", "kk", "tt", "pp", "ss", "jj", "ch", "sh", "k", "g", "n",
      "d",   "t",  "r",  "l",  "m",  "b",  "p",  "s",  "j", "h", ""};
  for (const std::string_view initial : kInitials) {
    if (raw.substr(0, initial.size()) != initial) continue;
    std::string_view rest = raw.substr(initial.size());
    consume_one_of(rest, {"w", "y"});
    if (!consume_one_of(rest,
                        {"ae", "ai", "eo", "eu", "oe", "oi", "ui", "a", "e", "i", "o", "u"})) {
      continue;
    }
    if (rest.empty()) return true;
    if (rest == "ng" || rest == "k" || rest == "n" || rest == "l" || rest == "m" || rest == "p" ||
        rest == "t" || rest == "r" || rest == "g" || rest == "b") {
      return true;
    }
  }
  return false;
}

void MentionFinder::find(const NameTokens& tokens, std::vector<Mention>& out) const {
  const auto& toks = tokens.tokens();
  size_t i = 0;
  while (i < toks.size()) {
    const Token& t = toks[i];
    if (!t.capitalized) {
      ++i;
      continue;
    }
    Known known;
    if (known_at(tokens, i, known)) {
      out.push_back({t.begin, known.end, known.origin, known.index, {}});
      i = known.last + 1;
      continue;
    }
    if (detect_unknown_) {
      Mention unknown;
      size_t last = 0;
      if (initials_at(tokens, i, unknown, last) || korean_name_at(tokens, i, unknown, last) ||
          title_run_at(tokens, i, unknown, last)) {
        out.push_back(std::move(unknown));
        i = last + 1;
        continue;
      }
    }
    ++i;
  }
}

// The longest sequence of words from `i` whose key an entity has. The
// document's own definitions win over the authority on equal length.
bool MentionFinder::known_at(const NameTokens& tokens, size_t i, Known& out) const {
  const auto& toks = tokens.tokens();
  const size_t limit = std::max(authority_.max_words(), learned_.max_words());
  KeyHasher hasher;
  bool found = false;
  // Most documents define no acronym: their learned table is empty.
  const bool any_learned = learned_.size() > 0;
  const auto check = [&](uint64_t key, size_t j, uint32_t end) {
    int64_t index = any_learned ? learned_.find(key) : -1;
    Origin origin = Origin::learned;
    if (index < 0) {
      index = authority_.find(key);
      origin = Origin::authority;
    }
    if (index < 0) return;
    out = {j, end, origin, static_cast<uint32_t>(index)};
    found = true;
  };
  size_t j = i;
  // The first word from what is known about it, when the word has no
  // possessive to try both ways, and is no capitals-only word the document
  // may have made an acronym (which would change its key).
  const Token& first = toks[i];
  if (first_words_ != nullptr && !first.possessive && limit > 0 &&
      !(any_learned && first.all_caps)) {
    const uint8_t flags = (first.all_caps ? 1 : 0) | (is_dotted_initial(first) ? 2 : 0);
    const FirstWord* word = first_words_->find(tokens.raw(first), flags);
    if (word == nullptr) word = &first_words_->add(first_word(tokens, first));
    hasher = word->hasher;
    int64_t index = any_learned ? learned_.find(hasher.finish()) : -1;
    Origin origin = Origin::learned;
    if (index < 0) {
      index = word->entry;
      origin = Origin::authority;
    }
    if (index >= 0) {
      out = {i, first.end, origin, static_cast<uint32_t>(index)};
      found = true;
    }
    if (first.gap == Gap::other) return found;
    if (!word->is_prefix && !(any_learned && learned_.is_prefix(hasher.prefix()))) return found;
    ++j;
  }
  for (; j < toks.size() && j - i < limit; ++j) {
    const Token& t = toks[j];
    const std::string_view raw = tokens.raw(t);
    const bool acronym =
        t.all_caps && (authority_.is_acronym(raw) || (any_learned && learned_.is_acronym(raw)));
    std::string_view word = without_possessive(raw, t);
    if (j == i && !acronym) word = words_.surnames.fold(word);
    hasher.add_word(word, acronym);
    if (is_dotted_initial(t)) hasher.add_initial_mark();
    if (t.possessive) {
      check(hasher.finish(), j, t.stem_end);
      hasher.add_word("s", false);
    }
    check(hasher.finish(), j, t.end);
    if (t.gap == Gap::other) break;
    const uint64_t prefix = hasher.prefix();
    if (!authority_.is_prefix(prefix) && !(any_learned && learned_.is_prefix(prefix))) break;
  }
  return found;
}

// known_at's first step for a word without a possessive, as far as the
// authority answers it.
FirstWord MentionFinder::first_word(const NameTokens& tokens, const Token& t) const {
  const std::string_view raw = tokens.raw(t);
  const bool acronym = t.all_caps && authority_.is_acronym(raw);
  FirstWord word;
  word.hasher.add_word(acronym ? raw : words_.surnames.fold(raw), acronym);
  if (is_dotted_initial(t)) word.hasher.add_initial_mark();
  word.entry = authority_.find(word.hasher.finish());
  word.is_prefix = authority_.is_prefix(word.hasher.prefix());
  return word;
}

bool MentionFinder::is_name_word(const NameTokens& tokens, const Token& t) const {
  if (!t.capitalized || !t.has_lower || t.has_digit || t.letters < 2) return false;
  const std::string_view raw = without_possessive(tokens.raw(t), t);
  return !words_.non_name_words.contains(raw) && !words_.titles.contains(raw);
}

// "V. I. Ivanov", "Yu. Fadeyev", "A.M. Puzanov", "Nadia Petkova-Lind" is not
// one (no initial); the surname may be hyphenated.
bool MentionFinder::initials_at(const NameTokens& tokens, size_t i, Mention& out,
                                size_t& last) const {
  const auto& toks = tokens.tokens();
  size_t j = i;
  std::string canonical;
  while (j < toks.size() && j - i < 3 && is_initial(tokens, toks[j])) {
    canonical += tokens.surface(toks[j]);
    canonical += ". ";
    ++j;
  }
  if (j == i || j >= toks.size() || !is_name_word(tokens, toks[j])) return false;
  Known known;
  if (known_at(tokens, j, known)) return false;
  size_t end_token = j;
  while (end_token + 1 < toks.size() && end_token - j < 2 && toks[end_token].gap == Gap::hyphen &&
         !toks[end_token].possessive && is_name_word(tokens, toks[end_token + 1])) {
    ++end_token;
  }
  for (size_t k = j; k <= end_token; ++k) {
    if (k > j) canonical += '-';
    canonical += tokens.stem(toks[k]);
  }
  out = {toks[i].begin, toks[end_token].stem_end, Origin::unknown, 0, std::move(canonical)};
  last = end_token;
  return true;
}

// A listed Korean surname and a hyphenated given name: "Kim Tae-hwan",
// "Pak Yong-guk", "Ri Jong-mok".
bool MentionFinder::korean_name_at(const NameTokens& tokens, size_t i, Mention& out,
                                   size_t& last) const {
  const auto& toks = tokens.tokens();
  if (i + 2 >= toks.size()) return false;
  const Token& surname = toks[i];
  const Token& first = toks[i + 1];
  const Token& second = toks[i + 2];
  // The token tests first: the surname look-up is the costly one.
  if (!surname.has_lower || surname.all_caps || surname.possessive || surname.gap != Gap::space ||
      !first.capitalized || first.all_caps || first.has_digit || first.gap != Gap::hyphen) {
    return false;
  }
  if (!words_.surnames.is_surname(tokens.raw(surname)) || !is_korean_syllable(tokens.raw(first))) {
    return false;
  }
  if (second.capitalized || second.has_digit || second.gap == Gap::hyphen ||
      !is_korean_syllable(without_possessive(tokens.raw(second), second))) {
    return false;
  }
  std::string canonical(tokens.surface(surname));
  canonical += ' ';
  canonical += tokens.surface(first);
  canonical += '-';
  canonical += tokens.stem(second);
  out = {surname.begin, second.stem_end, Origin::unknown, 0, std::move(canonical)};
  last = i + 2;
  return true;
}

bool MentionFinder::follows_title(const NameTokens& tokens, size_t i) const {
  if (i == 0) return false;
  const Token& before = tokens.tokens()[i - 1];
  if (before.gap != Gap::space && before.gap != Gap::period) return false;
  return !before.possessive && words_.titles.contains(tokens.raw(before));
}

// Capitalized words right after a title: "Comrade Dimitar Kolev". A lone
// Korean surname ("Minister Kim") says too little to be kept.
bool MentionFinder::title_run_at(const NameTokens& tokens, size_t i, Mention& out,
                                 size_t& last) const {
  if (!follows_title(tokens, i)) return false;
  const auto& toks = tokens.tokens();
  size_t j = i;
  std::string canonical;
  while (j < toks.size() && j - i < 4 && is_name_word(tokens, toks[j])) {
    Known known;
    if (j > i && known_at(tokens, j, known)) break;
    if (j > i) canonical += toks[j - 1].gap == Gap::hyphen ? '-' : ' ';
    canonical += tokens.stem(toks[j]);
    if (toks[j].possessive || (toks[j].gap != Gap::space && toks[j].gap != Gap::hyphen)) {
      ++j;
      break;
    }
    ++j;
  }
  if (j == i) return false;
  // A name does not end in a hyphen: "Comrade Kolev-" keeps only what is whole.
  const size_t end_token = j - 1;
  if (end_token == i && words_.surnames.is_surname(tokens.raw(toks[i]))) return false;
  out = {toks[i].begin, toks[end_token].stem_end, Origin::unknown, 0, std::move(canonical)};
  last = end_token;
  return true;
}

}  // namespace opis::entities
