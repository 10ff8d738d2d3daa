// The record's entities[]: one per (type, canonical), in order of first
// mention, with every distinct spelling seen.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "string_table.hpp"

namespace opis::entities {

struct CollectedEntity {
  std::string type;
  std::string canonical;
  std::string authority_id;
  std::vector<std::string> surfaces;
};

class EntityCollection {
 public:
  void clear();
  // `surface` as written; blanks and line breaks inside become one space.
  // Returns the entity's number, for add_surface().
  uint32_t add(std::string_view type, std::string_view canonical, std::string_view authority_id,
               std::string_view surface);
  // One more mention of entity `index`: what add() does once the entity is
  // known, without looking it up again.
  void add_surface(uint32_t index, std::string_view surface);
  const std::vector<CollectedEntity>& entities() const { return entities_; }

 private:
  std::vector<CollectedEntity> entities_;
  StringTable index_;    // "type\tcanonical" -> entity
  std::string key_;      // "type\tcanonical" of the mention being added
  std::string spelled_;  // its surface, single-spaced
};

}  // namespace opis::entities
