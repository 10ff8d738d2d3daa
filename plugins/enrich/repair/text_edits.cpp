#include "text_edits.hpp"

#include <algorithm>

namespace opis::repair {

EditMap EditMap::apply(std::string_view input, const std::vector<Edit>& edits, std::string& output,
                       std::vector<RepairNote>& notes) {
  EditMap map;
  output.clear();
  output.reserve(input.size() + input.size() / 16);
  map.segments_.reserve(edits.size());
  size_t copied = 0;
  for (const Edit& edit : edits) {
    output.append(input.substr(copied, edit.begin - copied));
    const size_t out_begin = output.size();
    output.append(edit.replacement);
    map.segments_.push_back({edit.begin, edit.end, out_begin, output.size()});
    if (!edit.reason.empty()) {
      notes.push_back({"repair", edit.reason,
                       std::string(input.substr(edit.begin, edit.end - edit.begin)), out_begin,
                       output.size()});
    }
    for (const EditNote& note : edit.notes) {
      notes.push_back(
          {note.type, note.reason, note.original, out_begin + note.begin, out_begin + note.end});
    }
    copied = edit.end;
  }
  output.append(input.substr(copied));
  return map;
}

size_t EditMap::map_begin(size_t position) const {
  auto it = std::upper_bound(segments_.begin(), segments_.end(), position,
                             [](size_t p, const Segment& s) { return p < s.in_begin; });
  if (it == segments_.begin()) return position;
  --it;
  if (position < it->in_end) return it->out_begin;
  return it->out_end + (position - it->in_end);
}

size_t EditMap::map_end(size_t position) const {
  auto it = std::lower_bound(segments_.begin(), segments_.end(), position,
                             [](const Segment& s, size_t p) { return s.in_begin < p; });
  if (it == segments_.begin()) return position;
  --it;
  if (position <= it->in_end) return it->out_end;
  return it->out_end + (position - it->in_end);
}

}  // namespace opis::repair
