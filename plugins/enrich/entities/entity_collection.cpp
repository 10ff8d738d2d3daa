#include "entity_collection.hpp"

#include <algorithm>

namespace opis::entities {
namespace {

std::string single_spaced(std::string_view s) {
  std::string out;
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
  return out;
}

}  // namespace

void EntityCollection::clear() {
  entities_.clear();
  index_.clear();
}

void EntityCollection::add(std::string_view type, std::string_view canonical,
                           std::string_view authority_id, std::string_view surface) {
  std::string key(type);
  key += '\t';
  key += canonical;
  const auto [it, inserted] = index_.emplace(std::move(key), entities_.size());
  if (inserted) {
    entities_.push_back({std::string(type), std::string(canonical), std::string(authority_id), {}});
  }
  auto& surfaces = entities_[it->second].surfaces;
  std::string spelled = single_spaced(surface);
  if (std::find(surfaces.begin(), surfaces.end(), spelled) == surfaces.end()) {
    surfaces.push_back(std::move(spelled));
  }
}

}  // namespace opis::entities
