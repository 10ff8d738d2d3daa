// Shared by the repair tests: the repairer as the plugin builds it, a
// generator of font damage for any offset, the word-ratio measure, and
// where the example corpus and the seeds are. Standard library and the
// repair code only: no host, no protobuf.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <system_error>

#include "repair_setup.hpp"
#include "temp_files.hpp"
#include "utf8.hpp"

namespace opis::repair::test {

inline std::filesystem::path source_dir() {
  return std::filesystem::path(OPIS_TEST_SOURCE_DIR);
}

// The shared seed documents beside the repository; empty when absent.
inline std::filesystem::path seeds_dir() {
  return opis::test_files::seeds_beside(source_dir());
}

using opis::test_files::read_file;

inline const TextRepairer& repairer_with(bool unwrap_lines) {
  static const TextRepairer unwrapping = [] {
    RepairSettings s;
    return make_repairer(s);
  }();
  static const TextRepairer keeping_lines = [] {
    RepairSettings s;
    s.options.lines.unwrap_lines = false;
    return make_repairer(s);
  }();
  return unwrap_lines ? unwrapping : keeping_lines;
}

inline const TextRepairer& repairer() {
  return repairer_with(true);
}

inline bool word_list_installed() {
  SetupReport report;
  make_repairer({}, &report);
  return report.word_list_loaded;
}

// The damage of a broken PDF font: every character moved by `offset`, and
// what would leave printable ASCII (spaces, digits, punctuation, for the
// seed's font) lost as U+FFFD.
inline std::string damage(std::string_view clean, int offset) {
  std::string out;
  for (size_t i = 0; i < clean.size();) {
    const Decoded d = decode_at(clean, i);
    i += d.length;
    const int shifted = static_cast<int>(d.cp) + offset;
    if (d.cp == '\n') {
      out.push_back('\n');
    } else if (d.cp != ' ' && d.cp < 0x80 && shifted > 0x20 && shifted < 0x7F) {
      out.push_back(static_cast<char>(shifted));
    } else {
      append_utf8(out, kReplacementChar);
    }
  }
  return out;
}

// Test text in the seed's damaged font, with '|' standing for U+FFFD (the
// font never produces '|': its glyphs stop at 'a').
inline std::string lost(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '|') {
      append_utf8(out, kReplacementChar);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

struct WordRatio {
  size_t words = 0;
  size_t tokens = 0;
  double ratio() const { return tokens == 0 ? 1.0 : static_cast<double>(words) / tokens; }
};

// Word tokens are maximal runs of Latin letters (with inner apostrophes);
// a token counts when the lexicon (word list and names) knows it.
inline WordRatio word_ratio(std::string_view text, const Lexicon& lexicon) {
  WordRatio r;
  size_t i = 0;
  while (i < text.size()) {
    Decoded d = decode_at(text, i);
    if (!is_latin_letter(d.cp)) {
      i += d.length;
      continue;
    }
    const size_t begin = i;
    size_t end = i;
    while (i < text.size()) {
      d = decode_at(text, i);
      if (is_latin_letter(d.cp)) {
        i += d.length;
        end = i;
      } else if ((d.cp == '\'' || d.cp == 0x2019) && i + d.length < text.size() &&
                 is_latin_letter(decode_at(text, i + d.length).cp)) {
        i += d.length;
      } else {
        break;
      }
    }
    // Single letters and all-caps abbreviations the word list happens to
    // hold ("RI") are no evidence either way and are not counted.
    const WordClass c = lexicon.classify(text.substr(begin, end - begin));
    if (c == WordClass::kNeutral) continue;
    ++r.tokens;
    if (c == WordClass::kWord) ++r.words;
  }
  return r;
}

}  // namespace opis::repair::test
