#include "entity_collection.hpp"

#include <algorithm>

namespace opis::entities {
namespace {

// `s` with its blanks and line breaks made single spaces, into `out`.
void single_spaced(std::string_view s, std::string& out) {
  out.clear();
  bool blank = false;
  for (const char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      blank = true;
      continue;
    }
    if (blank && !out.empty()) out += ' ';
    blank = false;
    out += c;
  }
}

}  // namespace

void EntityCollection::clear() {
  entities_.clear();
  index_.clear();
}

// Called once per mention: the key and the spelling are built in reused
// buffers, and strings are only allocated for a new entity or spelling.
uint32_t EntityCollection::add(std::string_view type, std::string_view canonical,
                               std::string_view authority_id, std::string_view surface) {
  key_.assign(type);
  key_ += '\t';
  key_ += canonical;
  uint32_t index = index_.get(key_);
  if (index == StringTable::kMissing) {
    index = static_cast<uint32_t>(entities_.size());
    index_.set(key_, index);
    entities_.push_back({std::string(type), std::string(canonical), std::string(authority_id), {}});
  }
  add_surface(index, surface);
  return index;
}

void EntityCollection::add_surface(uint32_t index, std::string_view surface) {
  auto& surfaces = entities_[index].surfaces;
  single_spaced(surface, spelled_);
  if (std::find(surfaces.begin(), surfaces.end(), spelled_) == surfaces.end()) {
    surfaces.push_back(spelled_);
  }
}

}  // namespace opis::entities
