// The key a name is looked up by. Romanizations of one Korean name differ in
// ways a fixed rule set can undo (McCune-Reischauer, its simplified form
// without breves and apostrophes, Revised Romanization, old spellings), so
// the key is built by folding every spelling the same way:
//
//   - lower case, no diacritics, no apostrophes (done by NameTokens: ŏ -> o,
//     Ch'oe -> choe), and syllables joined (Hon-yong = Hon yong = Honyong);
//   - voiced and voiceless initials as one: b=p, d=t, g=k, j=ch;
//   - vowel spellings as one: eo=o (ŏ), eu=u (ŭ), ai=ae; sh=s;
//   - a doubled consonant as one (Sanggyu = Sang-gyu, kk = k);
//   - the first word, when it is a listed surname spelling, as its key
//     (Park = Bak = Pak, Ri = Yi = Lee = Li, Choi = Choe).
//
// All-capital words that are acronyms keep their letters exactly (CC is not
// folded onto C) and are marked, so CCP and CP stay apart.
//
// The key is never stored as a string: it is a 64-bit FNV-1a hash fed one
// output character at a time, so a prefix of a key has a hash too and a scan
// can stop as soon as no entry starts with what it has read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "string_hash.hpp"

namespace opis::entities {

class SurnameFolds {
 public:
  // Lines "key<TAB>spelling spelling ..."; '#' comments. Throws
  // std::invalid_argument naming the line for a malformed one.
  void load(std::string_view tsv, std::string_view source_name);
  // The key spelling of a surname, or `raw` itself when it is not one.
  std::string_view fold(std::string_view raw) const;
  bool is_surname(std::string_view raw) const {
    return raw.size() <= longest_ && folds_.find(raw) != folds_.end();
  }

 private:
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> folds_;
  size_t longest_ = 0;  // no longer word can be a surname
};

class KeyHasher {
 public:
  // Feeds one word of a name. `raw` is its NameTokens raw spelling.
  void add_word(std::string_view raw, bool acronym);
  // A mark no spelling produces, after an initial: "U." + "N." is not "un".
  void add_initial_mark();
  // Hash of what has been decided so far: the hash of a prefix of any key
  // this sequence can still grow into.
  uint64_t prefix() const { return hash_; }
  // Hash of the key of the words fed so far.
  uint64_t finish() const;
  // Every prefix hash produced while feeding, for building prefix sets.
  void record_prefixes(std::vector<uint64_t>* sink) { sink_ = sink; }

 private:
  void feed(char c);
  void emit(char c);
  void emit_exact(char c);

  static constexpr uint64_t kOffset = 14695981039346656037ull;
  static constexpr uint64_t kPrime = 1099511628211ull;
  uint64_t hash_ = kOffset;
  char pending_ = 0;
  char last_ = 0;
  std::vector<uint64_t>* sink_ = nullptr;
};

// The key of a whole phrase ("Pak Hŏn-yŏng", "CPSU CC"): tokenized like text,
// every all-capital word taken for an acronym.
uint64_t phrase_key(std::string_view phrase, const SurnameFolds& surnames,
                    std::vector<uint64_t>* prefixes = nullptr,
                    std::vector<std::string>* acronyms = nullptr, size_t* word_count = nullptr);

}  // namespace opis::entities
