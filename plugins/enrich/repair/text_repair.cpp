#include "text_repair.hpp"

#include <iterator>

#include "mojibake.hpp"
#include "unicode_nfc.hpp"

namespace opis::repair {

size_t RepairResult::map_begin(size_t position) const {
  for (const EditMap& map : maps) position = map.map_begin(position);
  return position;
}

size_t RepairResult::map_end(size_t position) const {
  for (const EditMap& map : maps) position = map.map_end(position);
  return position;
}

RepairResult TextRepairer::repair(std::string_view text) const {
  RepairResult result = repair_changes(text);
  if (!result.changed()) result.text = std::string(text);
  return result;
}

RepairResult TextRepairer::repair_changes(std::string_view text) const {
  RepairResult result;
  // The input is only copied once a pass changes it: clean text, the common
  // case, costs no copy.
  std::string_view current = text;
  std::string next;
  auto run_pass = [&](const std::vector<Edit>& edits) {
    if (edits.empty()) return;
    std::vector<RepairNote> added;
    EditMap map = EditMap::apply(current, edits, next, added);
    for (RepairNote& note : result.notes) {
      note.begin = map.map_begin(note.begin);
      note.end = map.map_end(note.end);
    }
    result.notes.insert(result.notes.end(), std::make_move_iterator(added.begin()),
                        std::make_move_iterator(added.end()));
    result.text.swap(next);
    current = result.text;
    result.maps.push_back(std::move(map));
  };
  // Mojibake first: a mis-decoded quote would otherwise look like damage to
  // the run finder. Line joins need the decoded words to judge hyphens.
  run_pass(find_mojibake(current));
  {
    WordClassMemoPool::Loan classes(*memos_, lexicon_);
    run_pass(
        find_shifted_runs(current, classes.memo(), lexicon_, bigrams_, glyphs_, options_.search));
  }
  run_pass(join_lines(current, lexicon_, options_.lines));
  run_pass(normalize_nfc(current));
  return result;
}

}  // namespace opis::repair
