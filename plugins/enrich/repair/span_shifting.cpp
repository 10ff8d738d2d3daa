#include "span_shifting.hpp"

#include <algorithm>
#include <utility>

namespace opis::repair {
namespace {

using opis::sdk::Annotation;
using opis::sdk::Citation;
using opis::sdk::DateMention;
using opis::sdk::Footnote;

// Points every view of `item` at a copy held in `storage`. The storage is
// sized first so the strings never move after a view is taken.
template <class Item, class... Views>
void own(Item& item, std::vector<std::string>& storage, Views... views) {
  storage.reserve(sizeof...(views));
  ((storage.emplace_back(item.*views), item.*views = storage.back()), ...);
}

}  // namespace

RecordSpans::RecordSpans(const opis::sdk::RecordView& record) {
  for (const Annotation& a : record.items<Annotation>()) {
    Owned<Annotation> o{a, {}};
    o.storage.reserve(2 + 2 * a.attributes.size());
    o.storage.emplace_back(a.type);
    o.item.type = o.storage.back();
    o.storage.emplace_back(a.value);
    o.item.value = o.storage.back();
    for (auto& p : o.item.attributes) {
      o.storage.emplace_back(p.name);
      p.name = o.storage.back();
      o.storage.emplace_back(p.value);
      p.value = o.storage.back();
    }
    o.item.plugin = {};
    annotations_.push_back(std::move(o));
  }
  for (const Footnote& f : record.items<Footnote>()) {
    Owned<Footnote> o{f, {}};
    own(o.item, o.storage, &Footnote::marker, &Footnote::text);
    footnotes_.push_back(std::move(o));
  }
  for (const DateMention& d : record.items<DateMention>()) {
    Owned<DateMention> o{d, {}};
    own(o.item, o.storage, &DateMention::surface, &DateMention::edtf);
    dates_.push_back(std::move(o));
  }
  for (const Citation& c : record.items<Citation>()) {
    Owned<Citation> o{c, {}};
    own(o.item, o.storage, &Citation::raw, &Citation::kind, &Citation::archive,
        &Citation::archive_name, &Citation::fond, &Citation::opis, &Citation::delo,
        &Citation::pages, &Citation::publication, &Citation::date);
    citations_.push_back(std::move(o));
  }
}

namespace {

// True when the span moved; a span left unset (0, 0) stays unset.
template <class Item>
bool shift_span(Item& item, const RepairResult& result, size_t old_size) {
  if (item.begin == 0 && item.end == 0) return false;
  const size_t begin = std::min<size_t>(item.begin, old_size);
  const size_t end = std::max(begin, std::min<size_t>(item.end, old_size));
  const auto new_begin = static_cast<uint32_t>(result.map_begin(begin));
  const auto new_end =
      static_cast<uint32_t>(std::max(result.map_end(end), result.map_begin(begin)));
  if (new_begin == item.begin && new_end == item.end) return false;
  item.begin = new_begin;
  item.end = new_end;
  return true;
}

template <class Item>
void shift_list(opis::sdk::RecordView& record, const std::vector<Item>& owned,
                const RepairResult& result, size_t old_size) {
  for (size_t i = 0; i < owned.size(); ++i) {
    auto item = owned[i].item;
    if (shift_span(item, result, old_size)) record.replace(i, item);
  }
}

}  // namespace

void RecordSpans::shift(opis::sdk::RecordView& record, const RepairResult& result,
                        size_t old_size) const {
  shift_list(record, annotations_, result, old_size);
  shift_list(record, footnotes_, result, old_size);
  shift_list(record, dates_, result, old_size);
  shift_list(record, citations_, result, old_size);
}

}  // namespace opis::repair
