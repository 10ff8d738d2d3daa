// A page capture as paragraphs: runs of non-blank lines between blank lines.
// Captures separate blocks by one to five blank lines at random, so the
// number of blank lines carries no meaning and is not kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace opis::archive_record {

struct Paragraph {
  std::vector<std::string_view> lines;  // trimmed, never empty
};

std::vector<Paragraph> split_paragraphs(std::string_view text);

// The lines of `paragraph` joined with `separator`.
std::string joined(const Paragraph& paragraph, std::string_view separator);

inline bool is_single_line(const Paragraph& paragraph) {
  return paragraph.lines.size() == 1;
}

}  // namespace opis::archive_record
