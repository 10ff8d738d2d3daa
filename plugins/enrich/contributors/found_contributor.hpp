#pragma once

#include <string>

namespace opis::contributors {

// A person found in a record and what they did.
struct FoundContributor {
  std::string name;
  std::string role;
};

}  // namespace opis::contributors
