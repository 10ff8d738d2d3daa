// Carrying the spans a record already has (annotations, footnotes, dates,
// citations) through repair's offset map. Items are read, copied (their
// views die when the record changes), and written back in place.
#pragma once

#include <opis/sdk.hpp>

#include "text_repair.hpp"

namespace opis::repair {

// Snapshot of every span-carrying list, taken before the text changes.
class RecordSpans {
 public:
  explicit RecordSpans(const opis::sdk::RecordView& record);
  // Writes back every item whose span moved; `old_size` bounds hostile spans.
  void shift(opis::sdk::RecordView& record, const RepairResult& result, size_t old_size) const;

 private:
  template <class Item>
  struct Owned {
    Item item;
    std::vector<std::string> storage;  // what item's views point into
  };

  std::vector<Owned<opis::sdk::Annotation>> annotations_;
  std::vector<Owned<opis::sdk::Footnote>> footnotes_;
  std::vector<Owned<opis::sdk::DateMention>> dates_;
  std::vector<Owned<opis::sdk::Citation>> citations_;
};

}  // namespace opis::repair
