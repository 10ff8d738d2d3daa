// A pass's changes to a text and the offset map they induce. Every repair
// pass produces Edits against its input; applying them yields the output
// text and an EditMap that carries any span of the input onto the output,
// which is how pre-existing annotations, footnotes, dates and citations keep
// pointing at the same characters.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace opis::repair {

// Types and reasons are views of text that outlives every result: string
// literals, or the repairer's own tables (a glyph's reason, the reason of
// each offset). A damaged text has a note every hundred-odd bytes, and a
// copy of each reason was an allocation per note, twice.

// Something to record about a changed stretch, in the coordinates of the
// replacement (offsets relative to its start).
struct EditNote {
  std::string_view type;  // "repair" or "unrecoverable"
  std::string_view reason;
  std::string original;
  size_t begin = 0;
  size_t end = 0;
};

struct Edit {
  size_t begin = 0;  // byte span of the pass's input, end exclusive
  size_t end = 0;
  std::string replacement;
  std::string_view reason;  // empty: the edit itself is not annotated
  std::vector<EditNote> notes;
};

// A note placed in some text's coordinates; `type` and `reason` are valid as
// long as the TextRepairer that made it.
struct RepairNote {
  std::string_view type;
  std::string_view reason;
  std::string original;
  size_t begin = 0;
  size_t end = 0;
};

class EditMap {
 public:
  // `edits` sorted by begin and not overlapping.
  static EditMap apply(std::string_view input, const std::vector<Edit>& edits, std::string& output,
                       std::vector<RepairNote>& notes);

  // A span's begin inside an edited stretch moves to the replacement's start,
  // its end to the replacement's end, so a span covering a changed stretch
  // still covers its replacement.
  size_t map_begin(size_t position) const;
  size_t map_end(size_t position) const;
  bool empty() const { return segments_.empty(); }

 private:
  struct Segment {
    size_t in_begin, in_end, out_begin, out_end;
  };
  std::vector<Segment> segments_;
};

}  // namespace opis::repair
