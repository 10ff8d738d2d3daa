// A record's Dublin Core description: the fifteen-element set's terms and
// their values, in the order they are written (README.md has the mapping).
// The XML and JSON-LD renderings both start from this one list, so they
// always say the same thing.
#pragma once

#include <opis/sdk.hpp>
#include <string>
#include <utility>
#include <vector>

namespace opis::dublin_core {

struct Term {
  std::string name;  // the element's local name: "title", "contributor", …
  std::string value;
};

std::vector<Term> terms_of(const opis::sdk::RecordView& record);

// Terms that take one value per record (the others may repeat).
bool single_valued(const std::string& name);

}  // namespace opis::dublin_core
