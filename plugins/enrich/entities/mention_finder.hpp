// One pass over a field's words: every name of the authority or of the
// document's own definitions (longest match first), and, where none starts,
// a person's name recognised from its context.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "first_words.hpp"
#include "name_table.hpp"
#include "name_tokens.hpp"
#include "word_lists.hpp"

namespace opis::entities {

enum class Origin : uint8_t { authority, learned, unknown };

struct Mention {
  uint32_t begin = 0;  // byte offsets into the field, end exclusive
  uint32_t end = 0;
  Origin origin = Origin::authority;
  uint32_t index = 0;     // entry of the authority or learned table
  std::string canonical;  // an unknown person's name, spacing normalized
};

class MentionFinder {
 public:
  // `first_words`, when given, keeps what the authority says about each
  // capitalized word between calls; it must only ever see this authority.
  MentionFinder(const NameTable& authority, const NameTable& learned, const WordLists& words,
                bool detect_unknown, FirstWords* first_words = nullptr)
      : authority_(authority),
        learned_(learned),
        words_(words),
        detect_unknown_(detect_unknown),
        first_words_(first_words) {}

  // Appends the mentions found in `tokens`, in text order, never overlapping.
  void find(const NameTokens& tokens, std::vector<Mention>& out) const;

 private:
  struct Known {
    size_t last = 0;
    uint32_t end = 0;
    Origin origin = Origin::authority;
    uint32_t index = 0;
  };
  bool known_at(const NameTokens& tokens, size_t i, Known& out) const;
  FirstWord first_word(const NameTokens& tokens, const Token& t) const;
  bool initials_at(const NameTokens& tokens, size_t i, Mention& out, size_t& last) const;
  bool korean_name_at(const NameTokens& tokens, size_t i, Mention& out, size_t& last) const;
  bool title_run_at(const NameTokens& tokens, size_t i, Mention& out, size_t& last) const;
  bool follows_title(const NameTokens& tokens, size_t i) const;
  bool is_name_word(const NameTokens& tokens, const Token& t) const;

  const NameTable& authority_;
  const NameTable& learned_;
  const WordLists& words_;
  bool detect_unknown_;
  FirstWords* first_words_;
};

// A plausible Korean syllable in any romanization: initial, glide, vowel,
// final (hwan, guk, hyeop, cheol, ok). `raw` is lower case without
// diacritics or apostrophes.
bool is_korean_syllable(std::string_view raw);

}  // namespace opis::entities
