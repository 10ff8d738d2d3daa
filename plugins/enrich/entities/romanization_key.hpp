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
#include <vector>

#include "string_table.hpp"

namespace opis::entities {

class SurnameFolds {
 public:
  // Lines "key<TAB>spelling spelling ..."; '#' comments. Throws
  // std::invalid_argument naming the line for a malformed one.
  void load(std::string_view tsv, std::string_view source_name);
  // The key spelling of a surname, or `raw` itself when it is not one.
  std::string_view fold(std::string_view raw) const;
  bool is_surname(std::string_view raw) const {
    return raw.size() <= longest_ && folds_.contains(raw);
  }

 private:
  StringTable folds_;              // spelling -> its key in keys_
  std::vector<std::string> keys_;  // the key spelling of each surname
  size_t longest_ = 0;             // no longer word can be a surname
};

// Inline: the scan feeds every capitalized word through it.
class KeyHasher {
 public:
  // Feeds one word of a name. `raw` is its NameTokens raw spelling.
  void add_word(std::string_view raw, bool acronym) {
    if (!acronym) {
      for (const char c : raw) feed(c);
      return;
    }
    flush_pending();
    emit_exact('^');
    for (const char c : raw) emit_exact(c);
    last_ = '^';
  }
  // A mark no spelling produces, after an initial: "U." + "N." is not "un".
  void add_initial_mark() {
    flush_pending();
    emit_exact('.');
    last_ = '.';
  }
  // Hash of what has been decided so far: the hash of a prefix of any key
  // this sequence can still grow into.
  uint64_t prefix() const { return hash_; }
  // Hash of the key of the words fed so far.
  uint64_t finish() const {
    if (pending_ == 0) return hash_;
    KeyHasher copy = *this;
    copy.sink_ = nullptr;
    copy.emit(copy.pending_);
    return copy.hash_;
  }
  // Every prefix hash produced while feeding, for building prefix sets.
  void record_prefixes(std::vector<uint64_t>* sink) { sink_ = sink; }

 private:
  static bool is_consonant(char c) {
    return c >= 'b' && c <= 'z' && c != 'e' && c != 'i' && c != 'o' && c != 'u' && c != 'y' &&
           c != 'w';
  }
  void flush_pending() {
    if (pending_ != 0) {
      emit(pending_);
      pending_ = 0;
    }
  }
  void emit_exact(char c) {
    hash_ = (hash_ ^ static_cast<unsigned char>(c)) * kPrime;
    if (sink_ != nullptr) [[unlikely]]
      sink_->push_back(hash_);
  }
  void emit(char c) {
    if (c == last_ && is_consonant(c)) return;
    last_ = c;
    emit_exact(c);
  }
  // One character of a word, through the rules of the header comment. A
  // character that may start a two-letter spelling (e of eo, a of ai, s of
  // sh) waits for the next one.
  void feed(char c) {
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
